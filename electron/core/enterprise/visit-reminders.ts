// 首页's 涉企行政检查 figures, set-based: the enterprises over their yearly cap and the inspections
// that break a rule, aggregated in SQLite over the year's inspections (no record is read into
// JavaScript but the few that are named). The same rules as visits.ts states them row by row
// (enterpriseVisits, the 行政执法 page's full view); tests/unit/enterprise compares the two.
import { addDays } from '../../shared/case-file.ts';
import { enterpriseKey } from '../../shared/enterprise.ts';
import type { Inspection } from '../../shared/records.ts';
import { REGISTERS } from '../../shared/registers.ts';
import type { Db } from '../db/connection.ts';
import { prepared } from '../db/statements.ts';
import { yearSource } from '../db/year-share.ts';
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

/** enterpriseKey as a SQL function (统一社会信用代码, else the name written one way), registered once per connection */
const keyed = new WeakSet<Db>();
function withKeyFunction(db: Db): void {
  if (keyed.has(db)) return;
  db.function('fazhi_enterprise_key', { deterministic: true }, (code: unknown, name: unknown) =>
    enterpriseKey(typeof code === 'string' ? code : null, typeof name === 'string' ? name : String(name ?? '')),
  );
  keyed.add(db);
}

/**
 * enterpriseKey in SQL. A code or a name already written as enterpriseKey writes it (a code of digits
 * and capitals; a name of ideographs, lower-case letters, digits and round brackets: nothing for
 * it to trim, remove or change in case) is its own key, in SQL; any other goes to enterpriseKey
 * itself (fazhi_enterprise_key), so the key is always the same as visits.ts's, and the function is
 * called only for the odd rows (at 100 000 rows a JavaScript call for each costs ≈100 ms).
 */
const ENTERPRISE_KEY = `(CASE WHEN credit_code <> '' AND credit_code NOT GLOB '*[^0-9A-Z]*' THEN credit_code
  WHEN coalesce(credit_code, '') = '' AND target <> '' AND target NOT GLOB '*[^0-9a-z()一-鿿]*' THEN 'name:' || target
  ELSE fazhi_enterprise_key(credit_code, target) END)`;

/**
 * The enterprises inspected more often than their cap, in one GROUP BY: an inspection's cap is that of
 * its 事项, found by membership of the 事项 in one JSON list per cap value (smallest first; each list
 * read once into a lookup), never by joining the 清单 to each row (json_each re-read per row).
 */
function overSql(capValues: number[], from: string): string {
  const capOfRow = `(CASE ${capValues.map((v, i) => `WHEN item_code IN (SELECT value FROM json_each(@cap${i})) THEN ${v}`).join(' ')} END)`;
  return `
  SELECT ${ENTERPRISE_KEY} AS k, COUNT(*) AS n, MIN(${capOfRow}) AS cap, MAX(date) AS lastDate
  FROM ${from} WHERE ${YEAR} AND ${ENTERPRISE} AND ${COUNTS}
  GROUP BY k HAVING cap IS NOT NULL AND n > cap`;
}

/**
 * inspectionProblems, in SQL, the four rules read from plain columns: 0–4 per inspection (审批, 告知,
 * 事项, 依据). The 清单 comes as JSON lists, each read once into a lookup (LIST SUBQUERY), never per
 * row. A 7-day notice not yet given is late when the inspection was before @notifyBy (today − 7 days).
 */
const COLUMN_RULES = `(
  (CASE WHEN coalesce(approved_on, '') = '' OR approved_on > date THEN 1 ELSE 0 END)
  + (CASE WHEN coalesce(notified_on, '') <> '' THEN notified_on > date(date, '+${NOTIFY_WITHIN_DAYS} days') ELSE date < @notifyBy END)
  + (CASE WHEN coalesce(item_code, '') = '' THEN 1 WHEN @itemCount > 0 THEN item_code NOT IN (SELECT value FROM json_each(@listed)) ELSE 0 END)
  + (coalesce(basis, '') = '' AND coalesce(item_code IN (SELECT value FROM json_each(@withBasis)), 0) = 0))`;

/** The fifth rule, on a 执法人员 list (JSON): none, or fewer than two with a 执法证 (their own number or 设置's) */
const OFFICER_RULE = `(CASE WHEN json_array_length(coalesce(list, '[]')) = 0 THEN 1
  WHEN (SELECT COUNT(*) FROM json_each(coalesce(list, '[]')) AS p
    WHERE trim(coalesce(p.value ->> 'certNo', ''), ${JS_SPACE}) <> '' OR p.value ->> 'name' IN (SELECT value FROM json_each(@certified))) < ${MIN_CERTIFIED} THEN 1
  ELSE 0 END)`;

/**
 * The year's enterprise inspections that break a rule, the rules broken and the first day with one.
 * The inspections are grouped by their 执法人员 list and the column rules broken, so each distinct list
 * (a township has a few dozen teams, not 100 000) is parsed once, not once per row; the middle query
 * is a co-routine (LIMIT -1 keeps SQLite from copying the rule into each aggregate).
 */
const problemsSql = (from: string) => `
  SELECT coalesce(SUM(CASE WHEN n > 0 THEN cnt END), 0) AS records, coalesce(SUM(n * cnt), 0) AS problems, MIN(CASE WHEN n > 0 THEN d END) AS firstDate
  FROM (
    SELECT ${OFFICER_RULE} + o AS n, cnt, d FROM (
      SELECT inspector_list AS list, ${COLUMN_RULES} AS o, COUNT(*) AS cnt, MIN(date) AS d
      FROM ${from} WHERE ${YEAR} AND ${ENTERPRISE} GROUP BY list, o)
    LIMIT -1)`;

const byDateThenId = (a: Inspection, b: Inspection) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id);

export function visitReminderFigures(db: Db, year: number, today: string): VisitReminderFigures {
  const items = getItems(db);
  const officers = getOfficers(db);
  const span = { from: `${year}-01-01`, to: `${year + 1}-01-01` };
  // the year's inspections read whole when they are most of the table (db/year-share.ts): through the
  // date index, 100 000 of them were as many lookups (280 ms against 32 ms)
  const from = yearSource(db, 'inspections', 'date', span);
  // each code as items.find finds it: the first item of that code
  const firstOfCode = new Map<string, (typeof items)[number]>();
  for (const it of items) if (!firstOfCode.has(it.code)) firstOfCode.set(it.code, it);
  const over: VisitReminderFigures['over'] = [];
  const capOf = new Map<string, number>();
  for (const it of firstOfCode.values()) if (it.code && it.yearlyCap != null) capOf.set(it.code, it.yearlyCap);
  // no cap set: no enterprise can be over it (the common ledger): nothing to group
  if (capOf.size) {
    withKeyFunction(db);
    const capValues = [...new Set(capOf.values())].sort((x, y) => x - y);
    const params: Record<string, string> = {};
    capValues.forEach((v, i) => (params[`cap${i}`] = JSON.stringify([...capOf].filter(([, c]) => c === v).map(([code]) => code))));
    const groups = prepared(db, overSql(capValues, from)).all({ ...span, ...params }) as { k: string; n: number; cap: number; lastDate: string }[];
    // the name it was last inspected under: among that day's inspections, the last as visits.ts orders them
    const ofDay = prepared(
      db,
      `SELECT * FROM inspections WHERE deleted_at IS NULL AND date = @date AND ${ENTERPRISE} AND ${COUNTS} AND ${ENTERPRISE_KEY} = @k`,
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
  const p = prepared(db, problemsSql(from)).get({
    ...span,
    notifyBy: addDays(today, -NOTIFY_WITHIN_DAYS),
    certified: JSON.stringify([...certified]),
    itemCount: items.length,
    listed: JSON.stringify([...firstOfCode.keys()]),
    // a 事项's 检查依据 stands in for the inspection's own (items.find: the first item of a code)
    withBasis: JSON.stringify([...firstOfCode.values()].filter((it) => it.basis).map((it) => it.code)),
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
