// A date as the clerk writes it: YYYY-MM-DD, a real day of the calendar. Its own module so that
// what only checks dates (the CLI's options, the API contract) loads no register definitions.
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD, in 2000–2100 (a birth date: from 1900). */
export function isValidDate(s: string, minYear = 2000): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < minYear || y > 2100 || mo < 1 || mo > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= days;
}
