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

/**
 * The inspections per enterprise and 检查事项 that count, for the enterprises inspected more often
 * than the smallest cap of the 清单 (no other can be over its own): the caps are looked up in
 * JavaScript per 事项, not joined per row (a join on json_each re-reads the list for every row).
 */
const OVER_SQL = `
  SELECT k, code, n, lastDate FROM (
    SELECT k, code, n, lastDate, SUM(n) OVER (PARTITION BY k) AS total FROM (
      SELECT fazhi_enterprise_key(credit_code, target) AS k, item_code AS code, COUNT(*) AS n, MAX(date) AS lastDate
      FROM inspections WHERE ${YEAR} AND ${ENTERPRISE} AND ${COUNTS} GROUP BY k, item_code))
  WHERE total > @minCap`;

/** inspectionProblems, in SQL, but for the two rules about the 事项 (those are per 事项, below): 0–3 per inspection */
const OTHER_PROBLEMS = `(
  (CASE WHEN json_array_length(coalesce(inspector_list, '[]')) = 0 THEN 1
    WHEN (SELECT COUNT(*) FROM json_each(coalesce(inspector_list, '[]')) AS p
      WHERE trim(coalesce(p.value ->> 'certNo', ''), ${JS_SPACE}) <> '' OR p.value ->> 'name' IN (SELECT value FROM json_each(@certified))) < ${MIN_CERTIFIED} THEN 1 ELSE 0 END)
  + (CASE WHEN coalesce(approved_on, '') = '' OR approved_on > date THEN 1 ELSE 0 END)
  + (CASE WHEN coalesce(notified_on, '') <> '' AND notified_on > date(date, '+${NOTIFY_WITHIN_DAYS} days') THEN 1
    WHEN coalesce(notified_on, '') = '' AND @today > date(date, '+${NOTIFY_WITHIN_DAYS} days') THEN 1 ELSE 0 END))`;

/**
 * Per 检查事项 of the year's enterprise inspections: how many, the other rules broken (o), those with
 * no 检查依据 of their own (b), and the first day of each kind; the 事项 rules are added per group.
 */
const PROBLEMS_SQL = `
  SELECT code, COUNT(*) AS n, SUM(o) AS s, SUM(o > 0) AS a, SUM(b) AS bl, SUM(o > 0 OR b) AS c,
    MIN(date) AS d0, MIN(CASE WHEN o > 0 THEN date END) AS dA, MIN(CASE WHEN o > 0 OR b THEN date END) AS dC
  FROM (SELECT item_code AS code, date, ${OTHER_PROBLEMS} AS o, coalesce(basis, '') = '' AS b FROM inspections WHERE ${YEAR} AND ${ENTERPRISE})
  GROUP BY code`;

const byDateThenId = (a: Inspection, b: Inspection) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id);

export function visitReminderFigures(db: Db, year: number, today: string): VisitReminderFigures {
  const items = getItems(db);
  const officers = getOfficers(db);
  const span = { from: `${year}-01-01`, to: `${year + 1}-01-01` };
  // each code as items.find finds it: the first item of that code
  const firstOfCode = new Map<string, (typeof items)[number]>();
  for (const it of items) if (!firstOfCode.has(it.code)) firstOfCode.set(it.code, it);
  const over: VisitReminderFigures['over'] = [];
  const capOf = new Map<string, number>();
  for (const it of firstOfCode.values()) if (it.code && it.yearlyCap != null) capOf.set(it.code, it.yearlyCap);
  // no cap set: no enterprise can be over it (the common ledger): nothing to group
  if (capOf.size) {
    withKeyFunction(db);
    const rows = prepared(db, OVER_SQL).all({ ...span, minCap: Math.min(...capOf.values()) }) as {
      k: string;
      code: string | null;
      n: number;
      lastDate: string;
    }[];
    const byKey = new Map<string, { count: number; cap: number | null; lastDate: string }>();
    for (const r of rows) {
      const e = byKey.get(r.k) ?? { count: 0, cap: null, lastDate: r.lastDate };
      e.count += r.n;
      const cap = r.code ? capOf.get(r.code) : undefined;
      if (cap !== undefined && (e.cap === null || cap < e.cap)) e.cap = cap;
      if (r.lastDate > e.lastDate) e.lastDate = r.lastDate;
      byKey.set(r.k, e);
    }
    // the name it was last inspected under: among that day's inspections, the last as visits.ts orders them
    const ofDay = prepared(
      db,
      `SELECT * FROM inspections WHERE deleted_at IS NULL AND date = @date AND ${ENTERPRISE} AND ${COUNTS} AND fazhi_enterprise_key(credit_code, target) = @k`,
    );
    for (const [k, e] of byKey) {
      if (e.cap === null || e.count <= e.cap) continue;
      const day = (ofDay.all({ date: e.lastDate, k }) as Record<string, unknown>[])
        .map((r) => rowToRecord<Inspection>(REGISTERS.inspections, r))
        .sort(byDateThenId);
      over.push({ name: day[day.length - 1].target, count: e.count, cap: e.cap });
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
  const groups = prepared(db, PROBLEMS_SQL).all({ ...span, today, certified: JSON.stringify([...certified]) }) as {
    code: string | null;
    n: number;
    s: number;
    a: number;
    bl: number;
    c: number;
    d0: string;
    dA: string | null;
    dC: string | null;
  }[];
  let problemRecords = 0;
  let problemCount = 0;
  let firstDate: string | null = null;
  for (const g of groups) {
    // the two 事项 rules: none given, or one outside the 清单 (each inspection of the group); no 检查依据
    // of its own nor from its 事项 (those of the group without one)
    const item = g.code ? firstOfCode.get(g.code) : undefined;
    const itemProblem = !g.code || (items.length > 0 && !item);
    const noBasis = !item?.basis;
    const [records, count, first] = itemProblem ? [g.n, g.s + g.n + (noBasis ? g.bl : 0), g.d0] : noBasis ? [g.c, g.s + g.bl, g.dC] : [g.a, g.s, g.dA];
    problemRecords += records;
    problemCount += count;
    if (first && (firstDate === null || first < firstDate)) firstDate = first;
  }
  const p = { records: problemRecords, problems: problemCount, firstDate };
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
