// Deadlines, terms and reminders are whole days; an instant is milliseconds since the epoch.

/** The length of a day in milliseconds. */
export const dayMs = 86_400_000;

export const daysMs = (days: number) => days * dayMs;
