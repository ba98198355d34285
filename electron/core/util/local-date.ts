// Dates as the clerk's calendar shows them: file names carry the local date,
// so a file saved before 08:00 in China is not stamped with yesterday (UTC).
const pad = (n: number) => String(n).padStart(2, '0');

/** 20250307 — the local calendar date, for file names. */
export const localDateStamp = (d: Date) => `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}`;

/** 2025-03-07 — the local calendar date (today's date for reminders, the report's 成文日期). */
export const localDate = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
