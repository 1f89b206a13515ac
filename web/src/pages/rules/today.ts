/** Today's date (YYYY-MM-DD) in the bureau's time zone: effective dates are bureau days. */
export function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}
