// Working days for the 《政府信息公开条例》第三十三条 reply period: 20 working days from
// receipt, extended (with approval, the applicant told) by at most 20 more. Weekends and the
// statutory holidays are not working days; the 调休 weekend days are. The holiday lists follow
// the 国务院办公厅 notices for 2023–2026; other years count Monday to Friday only.

const HOLIDAYS: Record<number, string[]> = {
  2023: [
    '01-02',
    '01-23',
    '01-24',
    '01-25',
    '01-26',
    '01-27',
    '04-05',
    '05-01',
    '05-02',
    '05-03',
    '06-22',
    '06-23',
    '09-29',
    '10-02',
    '10-03',
    '10-04',
    '10-05',
    '10-06',
  ],
  2024: [
    '01-01',
    '02-12',
    '02-13',
    '02-14',
    '02-15',
    '02-16',
    '04-04',
    '04-05',
    '05-01',
    '05-02',
    '05-03',
    '06-10',
    '09-16',
    '09-17',
    '10-01',
    '10-02',
    '10-03',
    '10-04',
    '10-07',
  ],
  2025: [
    '01-01',
    '01-28',
    '01-29',
    '01-30',
    '01-31',
    '02-03',
    '02-04',
    '04-04',
    '05-01',
    '05-02',
    '05-05',
    '06-02',
    '10-01',
    '10-02',
    '10-03',
    '10-06',
    '10-07',
    '10-08',
  ],
  2026: [
    '01-01',
    '01-02',
    '02-16',
    '02-17',
    '02-18',
    '02-19',
    '02-20',
    '02-23',
    '04-06',
    '05-01',
    '05-04',
    '05-05',
    '06-19',
    '09-25',
    '10-01',
    '10-02',
    '10-05',
    '10-06',
    '10-07',
  ],
};
/** weekend days that are working days (调休上班) */
const WORKING_WEEKENDS: Record<number, string[]> = {
  2023: ['01-28', '01-29', '04-23', '05-06', '06-25', '10-07', '10-08'],
  2024: ['02-04', '02-18', '04-07', '04-28', '05-11', '09-14', '09-29', '10-12'],
  2025: ['01-26', '02-08', '04-27', '09-28', '10-11'],
  2026: ['01-04', '02-14', '02-28', '05-09', '09-20', '10-10'],
};

const holidaySets = new Map<number, { off: Set<string>; on: Set<string> }>();
function setsOf(year: number) {
  let s = holidaySets.get(year);
  if (!s) holidaySets.set(year, (s = { off: new Set(HOLIDAYS[year] ?? []), on: new Set(WORKING_WEEKENDS[year] ?? []) }));
  return s;
}

const toUtc = (ymd: string) => Date.UTC(Number(ymd.slice(0, 4)), Number(ymd.slice(5, 7)) - 1, Number(ymd.slice(8, 10)));

export function isWorkingDay(ymd: string): boolean {
  const { off, on } = setsOf(Number(ymd.slice(0, 4)));
  const md = ymd.slice(5);
  if (on.has(md)) return true;
  if (off.has(md)) return false;
  const dow = new Date(toUtc(ymd)).getUTCDay();
  return dow !== 0 && dow !== 6;
}

/** Working days after `from` up to and including `to` (the day of receipt is not counted). */
export function workingDaysBetween(from: string, to: string): number {
  let n = 0;
  const end = toUtc(to);
  for (let t = toUtc(from) + 86_400_000; t <= end; t += 86_400_000) {
    if (isWorkingDay(new Date(t).toISOString().slice(0, 10))) n++;
  }
  return n;
}

/** The `n`th working day after `from` (the day of receipt is not counted). */
export function addWorkingDays(from: string, n: number): string {
  let t = toUtc(from);
  for (let left = n; left > 0;) {
    t += 86_400_000;
    if (isWorkingDay(new Date(t).toISOString().slice(0, 10))) left--;
  }
  return new Date(t).toISOString().slice(0, 10);
}

export const REPLY_DAYS = 20;
export const REPLY_DAYS_EXTENDED = 40;

export interface ReplyLateness {
  /** working days from receipt to the reply (or to `today` while still open) */
  days: number;
  level: 'ok' | 'extended' | 'overdue';
  /** Chinese, for the form and the report's data warnings; null when within 20 working days */
  message: string | null;
}

/** How the reply time of one request compares with 《条例》第三十三条. */
export function replyLateness(receivedOn: string, resultOn: string | null, today: string): ReplyLateness | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(receivedOn)) return null;
  const end = resultOn ?? today;
  if (end < receivedOn) return null;
  const days = workingDaysBetween(receivedOn, end);
  const open = !resultOn;
  if (days <= REPLY_DAYS) return { days, level: 'ok', message: null };
  if (days <= REPLY_DAYS_EXTENDED) {
    return {
      days,
      level: 'extended',
      message: open
        ? `收到申请已${days}个工作日仍未答复，超过《政府信息公开条例》规定的20个工作日；延长答复期限须经负责人同意并告知申请人，最长再延20个工作日。`
        : `答复用时${days}个工作日，超过20个工作日：须已依法延长答复期限（经负责人同意并告知申请人，最长再延20个工作日），请在备注中注明。`,
    };
  }
  return {
    days,
    level: 'overdue',
    message: open
      ? `收到申请已${days}个工作日仍未答复，已超过《政府信息公开条例》规定的最长答复期限（20个工作日，延长不超过20个工作日）。`
      : `答复用时${days}个工作日，超过《政府信息公开条例》规定的最长答复期限（20个工作日，延长不超过20个工作日）。补正、征求第三方意见的时间不计入期限，如属此类请在备注中注明。`,
  };
}
