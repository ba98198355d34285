// 首页's 涉企行政检查 figures, set-based: the enterprises over their yearly cap and the inspections
// that break a rule, aggregated in SQLite over the year's inspections (no record is read into
// JavaScript but the few that are named). The same rules as visits.ts states them row by row
// (enterpriseVisits, the 行政执法 page's full view); tests/unit/enterprise compares the two.
import { enterpriseKey } from '../../shared/enterprise.ts';
import type { Inspection } from '../../shared/records.ts';
import { REGISTERS } from '../../shared/registers.ts';
import type { Db } from '../db/connection.ts';
import { prepared } from '../db/statements.ts';
import { rowToRecord } from '../registers/mapping.ts';
import { getItems, getOfficers } from './store.ts';
import { inspectionProblems, NOTIFY_WITHIN_DAYS, MIN_CERTIFIED } from './visits.ts';

/** what 首页 says of the year's 涉企行政检查 */
export interface VisitReminderFigures {
  /** enterprises inspected more often than their cap: the latest name, the count, the cap (most visits first) */
  over: { name: string; count: number; cap: number }[];
  /** inspections that break at least one rule, and the rules broken in all */
  problemRecords: number;
  problemCount: number;
  /** the first rule broken, in the order of the inspections (date, then id) */
  firstProblem: string | null;
}

/** isEnterpriseInspection, in SQL: a credit code, an enterprise or 个体工商户, or an untyped object with a 检查类型 */
const ENTERPRISE = `(coalesce(credit_code, '') <> '' OR target_type IN ('enterprise', 'individual') OR (target_type IS NULL AND inspection_type IS NOT NULL))`;
/** countsAgainstCap, in SQL: 巡查 and 上级部署的专项 are outside the cap */
const COUNTS = `mode IS NOT 'patrol' AND NOT (inspection_type IS 'special' AND task_source IS 'superior')`;
const YEAR = `deleted_at IS NULL AND date >= @from AND date < @to`;
/** the characters String.prototype.trim() removes (SQLite's trim() removes spaces only) */
const JS_SPACE = `char(9, 10, 11, 12, 13, 32, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288, 65279)`;

/** enterpriseKey as a SQL function (統一社会信用代码, else the name written one way), registered once per connection */
const keyed = new WeakSet<Db>();
function withKeyFunction(db: Db): void {
  if (keyed.has(db)) return;
  db.function('fazhi_enterprise_key', { deterministic: true }, (code: unknown, name: unknown) =>
    enterpriseKey(typeof code === 'string' ? code : null, typeof name === 'string' ? name : String(name ?? '')),
  );
  keyed.add(db);
}

/** the inspections per enterprise that count, their smallest cap (items.find: the first item of a code), over it only */
const OVER_SQL = `
  SELECT k, COUNT(*) AS n, MIN(cap.c) AS cap, MAX(date) AS lastDate
  FROM (SELECT fazhi_enterprise_key(credit_code, target) AS k, date, item_code FROM inspections WHERE ${YEAR} AND ${ENTERPRISE} AND ${COUNTS}) AS r
  LEFT JOIN (SELECT value ->> 'code' AS code, value ->> 'cap' AS c FROM json_each(@caps)) AS cap ON cap.code = r.item_code
  GROUP BY k HAVING MIN(cap.c) IS NOT NULL AND COUNT(*) > MIN(cap.c)`;

/** inspectionProblems, in SQL: how many of the five rules each inspection breaks (each rule at most once) */
const PROBLEMS = `(
  (CASE WHEN json_array_length(coalesce(inspector_list, '[]')) = 0 THEN 1
    WHEN (SELECT COUNT(*) FROM json_each(coalesce(inspector_list, '[]')) AS p
      WHERE trim(coalesce(p.value ->> 'certNo', ''), ${JS_SPACE}) <> '' OR p.value ->> 'name' IN (SELECT value FROM json_each(@certified))) < ${MIN_CERTIFIED} THEN 1 ELSE 0 END)
  + (CASE WHEN coalesce(approved_on, '') = '' OR approved_on > date THEN 1 ELSE 0 END)
  + (CASE WHEN coalesce(notified_on, '') <> '' AND notified_on > date(date, '+${NOTIFY_WITHIN_DAYS} days') THEN 1
    WHEN coalesce(notified_on, '') = '' AND @today > date(date, '+${NOTIFY_WITHIN_DAYS} days') THEN 1 ELSE 0 END)
  + (CASE WHEN coalesce(item_code, '') = '' THEN 1 WHEN @itemCount > 0 AND it.code IS NULL THEN 1 ELSE 0 END)
  + (CASE WHEN coalesce(inspections.basis, '') = '' AND coalesce(it.basis, '') = '' THEN 1 ELSE 0 END))`;

const PROBLEMS_SQL = `
  SELECT COUNT(*) AS records, coalesce(SUM(n), 0) AS problems, MIN(date) AS firstDate FROM (
    SELECT date, ${PROBLEMS} AS n
    FROM inspections LEFT JOIN (SELECT value ->> 'code' AS code, value ->> 'basis' AS basis FROM json_each(@items)) AS it ON it.code = inspections.item_code
    WHERE ${YEAR} AND ${ENTERPRISE}) WHERE n > 0`;

const byDateThenId = (a: Inspection, b: Inspection) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id);

export function visitReminderFigures(db: Db, year: number, today: string): VisitReminderFigures {
  const items = getItems(db);
  const officers = getOfficers(db);
  const span = { from: `${year}-01-01`, to: `${year + 1}-01-01` };
  // each code as items.find finds it: the first item of that code
  const firstOfCode = new Map<string, (typeof items)[number]>();
  for (const it of items) if (!firstOfCode.has(it.code)) firstOfCode.set(it.code, it);
  const over: VisitReminderFigures['over'] = [];
  const caps = [...firstOfCode.values()].filter((it) => it.code && it.yearlyCap != null).map((it) => ({ code: it.code, cap: it.yearlyCap }));
  // no cap set: no enterprise can be over it (the common ledger): nothing to group
  if (caps.length) {
    withKeyFunction(db);
    const groups = prepared(db, OVER_SQL).all({ ...span, caps: JSON.stringify(caps) }) as { k: string; n: number; cap: number; lastDate: string }[];
    // the name it was last inspected under: among that day's inspections, the last by id as visits.ts orders them
    const ofDay = prepared(
      db,
      `SELECT * FROM inspections WHERE deleted_at IS NULL AND date = @date AND ${ENTERPRISE} AND ${COUNTS} AND fazhi_enterprise_key(credit_code, target) = @k`,
    );
    for (const g of groups) {
      const day = (ofDay.all({ date: g.lastDate, k: g.k }) as Record<string, unknown>[])
        .map((r) => rowToRecord<Inspection>(REGISTERS.inspections, r))
        .sort(byDateThenId);
      over.push({ name: day[day.length - 1].target, count: g.n, cap: g.cap });
    }
    over.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'zh-CN'));
  }
  // 执法证: an entry's own number, else the one 设置 keeps for the first officer of that name
  const certified = new Set<string>();
  const seen = new Set<string>();
  for (const o of officers) {
    if (seen.has(o.name)) continue;
    seen.add(o.name);
    if ((o.certNo ?? '').trim()) certified.add(o.name);
  }
  const p = prepared(db, PROBLEMS_SQL).get({
    ...span,
    today,
    items: JSON.stringify([...firstOfCode.values()].map((it) => ({ code: it.code, basis: it.basis }))),
    itemCount: items.length,
    certified: JSON.stringify([...certified]),
  }) as { records: number; problems: number; firstDate: string | null };
  let firstProblem: string | null = null;
  if (p.firstDate) {
    // the first day with a problem: its inspections in visits.ts's order, worded by the same rules
    const day = (
      prepared(db, `SELECT * FROM inspections WHERE deleted_at IS NULL AND date = ? AND ${ENTERPRISE}`).all(p.firstDate) as Record<string, unknown>[]
    )
      .map((r) => rowToRecord<Inspection>(REGISTERS.inspections, r))
      .sort(byDateThenId);
    for (const r of day) {
      firstProblem = inspectionProblems(r, today, items, officers)[0] ?? null;
      if (firstProblem) break;
    }
  }
  return { over, problemRecords: p.records, problemCount: p.problems, firstProblem };
}
