// The 人民调解 statistics of a period, as the 司法所 reports them each month: cases accepted in
// the period by 纠纷类型 (or 村, or 调委会), their status today, agreements, amounts, 司法确认,
// and the period's 矛盾纠纷排查. Counting columns only: never a personal field.
import type { MediationCounts, MediationStats, MediationStatsBy, MediationStatsRow, ScreeningCounts } from '../../shared/contract/mediationStats.ts';
import { DISPUTE_TYPES, labelOf } from '../../shared/enums.ts';
import type { Db } from '../db/connection.ts';
import { prepared } from '../db/statements.ts';
import { yearSource } from '../db/year-share.ts';
import { getSettings } from '../settings/settings.ts';

const KEY_SQL: Record<MediationStatsBy, string> = {
  type: 'type',
  village: "COALESCE(TRIM(village), '')",
  committee: "COALESCE(TRIM(committee), '')",
};

const LIVE_IN_PERIOD = (col: string) => `deleted_at IS NULL AND ${col} >= @from AND ${col} < @to`;

/** Every statement the statistics run, exported so a test can read them. */
export const MEDIATION_STATS_SQL = {
  /** `from`: the table, or the table read whole (db/year-share.ts's yearSource) */
  rows: (by: MediationStatsBy, from = 'mediation_cases') => `SELECT ${KEY_SQL[by]} AS key, COUNT(*) AS accepted,
      COALESCE(SUM(status = 'success'), 0) AS success, COALESCE(SUM(status = 'failed'), 0) AS failed,
      COALESCE(SUM(status = 'in_progress'), 0) AS inProgress, COALESCE(SUM(status = 'suspended'), 0) AS suspended,
      COALESCE(SUM(agreement = 'written'), 0) AS written, COALESCE(SUM(agreement = 'oral'), 0) AS oral,
      COALESCE(SUM(amount), 0) AS amount, COALESCE(SUM(judicial_confirmation <> 0), 0) AS judicialConfirmations
    FROM ${from} WHERE ${LIVE_IN_PERIOD('accepted_on')} GROUP BY key`,
  screenings: `SELECT COUNT(*) AS count, COALESCE(SUM(found), 0) AS found, COALESCE(SUM(prevented), 0) AS prevented,
      COALESCE(SUM(prevented_criminal), 0) AS criminal, COALESCE(SUM(prevented_suicide), 0) AS suicide,
      COALESCE(SUM(prevented_petition), 0) AS petition, COALESCE(SUM(prevented_fight), 0) AS fight
    FROM screenings WHERE ${LIVE_IN_PERIOD('date')}`,
  screeningWorkItems: `SELECT COALESCE(SUM(count), 0) AS count FROM work_items WHERE ${LIVE_IN_PERIOD('date')} AND category = 'screening'`,
} as const;

const QUARTER_NAMES = ['一', '二', '三', '四'];
const pad = (n: number) => String(n).padStart(2, '0');

export interface PeriodQuery {
  year: number;
  month?: number;
  quarter?: number;
}

/** The period's first day and the day after its last, and how a form titles it. */
export function periodOf(q: PeriodQuery): MediationStats['period'] {
  const { year } = q;
  if (q.month !== undefined) {
    const next = q.month === 12 ? `${year + 1}-01-01` : `${year}-${pad(q.month + 1)}-01`;
    return { kind: 'month', month: q.month, quarter: null, from: `${year}-${pad(q.month)}-01`, to: next, label: `${year}年${q.month}月` };
  }
  if (q.quarter !== undefined) {
    const first = q.quarter * 3 - 2;
    const to = q.quarter === 4 ? `${year + 1}-01-01` : `${year}-${pad(first + 3)}-01`;
    return { kind: 'quarter', month: null, quarter: q.quarter, from: `${year}-${pad(first)}-01`, to, label: `${year}年第${QUARTER_NAMES[q.quarter - 1]}季度` };
  }
  return { kind: 'year', month: null, quarter: null, from: `${year}-01-01`, to: `${year + 1}-01-01`, label: `${year}年` };
}

const ZERO: MediationCounts = {
  accepted: 0,
  success: 0,
  failed: 0,
  inProgress: 0,
  suspended: 0,
  written: 0,
  oral: 0,
  amount: 0,
  judicialConfirmations: 0,
};
export const COUNT_KEYS = Object.keys(ZERO) as (keyof MediationCounts)[];

const money = (n: number) => Math.round(n * 100) / 100;

/** 婚姻家庭纠纷 …; a village or committee as written, （未填写） when empty. */
export function rowLabel(by: MediationStatsBy, key: string): string {
  if (by === 'type') return `${labelOf(DISPUTE_TYPES, key)}纠纷`;
  return key || '（未填写）';
}

export function computeMediationStats(db: Db, q: PeriodQuery & { by?: MediationStatsBy }): MediationStats {
  const by = q.by ?? 'type';
  const period = periodOf(q);
  const p = { from: period.from, to: period.to };
  // a year of 100 000 cases through the date index was as many lookups: 376 ms against 94 ms read whole
  const from = yearSource(db, 'mediation_cases', 'accepted_on', p);
  const found = prepared(db, MEDIATION_STATS_SQL.rows(by, from)).all(p) as ({ key: string } & MediationCounts)[];
  const byKey = new Map(found.map((r) => [r.key, { ...r, amount: money(r.amount) }]));

  let keys: string[];
  if (by === 'type') {
    // the form lists every 纠纷类型 in the list's order (a county form's rows), then any other code
    keys = [...Object.keys(DISPUTE_TYPES), ...[...byKey.keys()].filter((k) => !Object.hasOwn(DISPUTE_TYPES, k)).sort()];
    // 其他 stays last
    keys = [...keys.filter((k) => k !== 'other'), 'other'];
  } else {
    // most cases first; （未填写） last
    keys = [...byKey.values()]
      .sort((a, b) => ((a.key === '') !== (b.key === '') ? (a.key === '' ? 1 : -1) : b.accepted - a.accepted || a.key.localeCompare(b.key, 'zh-CN')))
      .map((r) => r.key);
  }
  const rows: MediationStatsRow[] = keys.map((key) => {
    const r = byKey.get(key);
    const counts = Object.fromEntries(COUNT_KEYS.map((k) => [k, r ? r[k] : 0])) as unknown as MediationCounts;
    return { key, label: rowLabel(by, key), ...counts };
  });
  // the total is the sum of the rows: the form's 合计 agrees with its rows by construction
  const total = { ...ZERO };
  for (const r of rows) for (const k of COUNT_KEYS) total[k] += r[k];
  total.amount = money(total.amount);

  return {
    year: q.year,
    period,
    by,
    township: getSettings(db).township?.name ?? '',
    total,
    rows,
    screenings: screeningCounts(db, p),
  };
}

function screeningCounts(db: Db, p: { from: string; to: string }): ScreeningCounts {
  const s = prepared(db, MEDIATION_STATS_SQL.screenings).get(p) as Omit<ScreeningCounts, 'source'>;
  if (s.count > 0) return { ...s, source: 'register' };
  // a ledger from before the register: 排查 kept as 其他法治工作 items (their 数量)
  const w = prepared(db, MEDIATION_STATS_SQL.screeningWorkItems).get(p) as { count: number };
  if (w.count > 0) return { ...s, count: w.count, source: 'workItems' };
  return { ...s, source: 'none' };
}
