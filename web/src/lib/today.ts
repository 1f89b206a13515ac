// Today's date (YYYY-MM-DD) in the bureau's time zone, the day due dates are compared with.
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
