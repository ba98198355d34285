// 首页 figures for one year, each from an index, no row read (no personal field is read either):
// monthly counts per register, dispute types and outcomes, inspection fields and
// outcomes, and the 村（社区） without a 普法 activity this year.
import type { Dashboard } from '../../shared/contract/cases.ts';
import { fieldWithRole, REGISTERS, REGISTER_NAMES, type RegisterName } from '../../shared/registers.ts';
import type { Db } from '../db/connection.ts';
import { dateColumn } from '../registers/repository.ts';
import { ledgerStamp, prepared } from '../db/statements.ts';
import { INCOMPLETE_COUNT_SQL } from '../registers/incomplete-sql.ts';
import { addDays, CLOSE_WITHIN_DAYS } from '../../shared/case-file.ts';

type P = { from: string; to: string };

/**
 * A figure by category (纠纷类型, 调解结果, 执法领域, 处理结果) from the register's (category, date)
 * index, as a loose index scan: each category found by one probe (MIN above the last), its rows in
 * the year counted as one range of the index. No sort and no row read: at 100 000 rows a year this
 * is a few ms where GROUP BY over the year's rows sorted them all. Ordered as
 * `ORDER BY count DESC, code` orders them (codes compared as SQLite's BINARY collation does).
 */
function groupCount(db: Db, table: string, col: string, dateCol: string, index: string, p: P): { code: string; count: number }[] {
  const first = prepared(db, `SELECT MIN(${col}) AS v FROM ${table} INDEXED BY ${index} WHERE deleted_at IS NULL`);
  const next = prepared(db, `SELECT MIN(${col}) AS v FROM ${table} INDEXED BY ${index} WHERE deleted_at IS NULL AND ${col} > ?`);
  const count = prepared(
    db,
    `SELECT COUNT(*) AS n FROM ${table} INDEXED BY ${index} WHERE deleted_at IS NULL AND ${col} = @code AND ${dateCol} >= @from AND ${dateCol} < @to`,
  );
  const out: { code: string; count: number }[] = [];
  for (let v = (first.get() as { v: string | null }).v; v !== null; v = (next.get(v) as { v: string | null }).v) {
    const n = (count.get({ ...p, code: v }) as { n: number }).n;
    if (n > 0) out.push({ code: v, count: n });
  }
  return out.sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A register's live rows of a year, month by month: twelve range counts on its date index
 * (`<table>_date`, which every register has), each month one stretch of it. Their sum is the
 * year's count (the months cover the year's range exactly), which years.counts takes from here.
 * Computed again only after the ledger changed.
 */
export function monthCounts(db: Db, r: RegisterName, year: number): number[] {
  return cached(db, `months:${r}:${year}`, () => {
    const def = REGISTERS[r];
    const col = dateColumn(def);
    const count = prepared(db, `SELECT COUNT(*) AS n FROM ${def.table} INDEXED BY ${def.table}_date WHERE deleted_at IS NULL AND ${col} >= ? AND ${col} < ?`);
    const bounds = Array.from({ length: 13 }, (_, i) => (i < 12 ? `${year}-${pad(i + 1)}-01` : `${year + 1}-01-01`));
    return Array.from({ length: 12 }, (_, i) => (count.get(bounds[i], bounds[i + 1]) as { n: number }).n);
  });
}

const cache = new WeakMap<Db, Map<string, { key: string; value: unknown }>>();

/** A figure computed again only after the database changed (首页 is opened often). */
function cached<T>(db: Db, name: string, compute: () => T): T {
  let entries = cache.get(db);
  if (!entries) cache.set(db, (entries = new Map()));
  const key = ledgerStamp(db);
  const hit = entries.get(name);
  if (hit && hit.key === key) return hit.value as T;
  const value = compute();
  entries.set(name, { key, value });
  return value;
}

export const dashboardOf = (db: Db, year: number): Dashboard => cached(db, `dashboard:${year}`, () => computeDashboard(db, year));

/** How many of the year's cases lack something in their file (the 「卷宗不完整」 filter's count). */
export const incompleteCasesOf = (db: Db, year: number, today: string): number =>
  cached(
    db,
    `incomplete:${year}:${today}`,
    () =>
      (
        prepared(db, INCOMPLETE_COUNT_SQL).get({
          from: `${year}-01-01`,
          to: `${year + 1}-01-01`,
          lateBefore: addDays(today, -CLOSE_WITHIN_DAYS),
        }) as { n: number }
      ).n,
  );

export function computeDashboard(db: Db, year: number): Dashboard {
  const p: P = { from: `${year}-01-01`, to: `${year + 1}-01-01` };
  const monthly = {} as Record<RegisterName, number[]>;
  for (const r of REGISTER_NAMES) monthly[r] = monthCounts(db, r, year);
  // villages: 乡镇设置's list; without one, every name the ledger knows (any year, any register with a village);
  // then those with an activity this year
  // (read here, not through settings/settings.ts: years imports this module)
  const row = prepared(db, "SELECT value FROM settings WHERE key = 'villages'").get() as { value: string } | undefined;
  const listed = row ? (JSON.parse(row.value) as string[]) : [];
  const known = new Set<string>(listed);
  for (const def of listed.length ? [] : Object.values(REGISTERS)) {
    const col = fieldWithRole(def, 'village')?.column;
    if (!col) continue;
    // the village index is walked value by value instead of reading every row
    let v = (prepared(db, `SELECT MIN(${col}) AS v FROM ${def.table} WHERE deleted_at IS NULL AND ${col} > ''`).get() as { v: string | null }).v;
    while (v !== null) {
      known.add(v.trim());
      v = (prepared(db, `SELECT MIN(${col}) AS v FROM ${def.table} WHERE deleted_at IS NULL AND ${col} > ?`).get(v) as { v: string | null }).v;
    }
  }
  known.delete('');
  // one indexed probe per village (village, date) instead of reading the year's activities
  const hasActivity = prepared(
    db,
    `SELECT EXISTS(SELECT 1 FROM activities WHERE deleted_at IS NULL AND village = @v
    AND date >= @from AND date < @to) AS e`,
  );
  const active = new Set([...known].filter((v) => (hasActivity.get({ ...p, v }) as { e: number }).e === 1));
  return {
    year,
    monthly,
    disputeTypes: groupCount(db, 'mediation_cases', 'type', 'accepted_on', 'mediation_cases_type', p),
    caseStatuses: groupCount(db, 'mediation_cases', 'status', 'accepted_on', 'mediation_cases_status', p),
    inspectionFields: groupCount(db, 'inspections', 'field', 'date', 'inspections_field', p),
    inspectionOutcomes: groupCount(db, 'inspections', 'outcome', 'date', 'inspections_outcome', p),
    villagesWithoutActivity: [...known].filter((v) => !active.has(v)).sort((a, b) => a.localeCompare(b, 'zh-CN')),
    villagesWithActivity: active.size,
    villagesFrom: listed.length ? 'settings' : 'ledger',
  };
}
