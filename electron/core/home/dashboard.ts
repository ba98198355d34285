// 首页 figures for one year, each an indexed GROUP BY (no personal field is read):
// monthly counts per register, dispute types and outcomes, inspection fields and
// outcomes, and the 村（社区） without a 普法 activity this year.
import type { Dashboard } from '../../shared/contract/cases.ts';
import { fieldWithRole, REGISTERS, REGISTER_NAMES, type RegisterName } from '../../shared/registers.ts';
import type { Db } from '../db/connection.ts';
import { dateColumn } from '../registers/repository.ts';
import { prepared } from '../db/statements.ts';
import { INCOMPLETE_COUNT_SQL } from '../registers/incomplete-sql.ts';
import { addDays, CLOSE_WITHIN_DAYS } from '../../shared/case-file.ts';

type P = { from: string; to: string };

/**
 * A narrow index holding each live row's date (the register's (category, date)
 * index): counting a year's rows by month reads it instead of the wide rows.
 */
export const NARROW_DATE_INDEX: Partial<Record<RegisterName, string>> = {
  activities: 'activities_kind',
  mediationCases: 'mediation_cases_type',
  inspections: 'inspections_field',
  workItems: 'work_items_category',
};

function groupCount(db: Db, table: string, col: string, dateCol: string, p: P): { code: string; count: number }[] {
  return prepared(
    db,
    `SELECT ${col} AS code, COUNT(*) AS count FROM ${table}
    WHERE deleted_at IS NULL AND ${dateCol} >= @from AND ${dateCol} < @to GROUP BY ${col} ORDER BY count DESC, code`,
  ).all(p) as { code: string; count: number }[];
}

const cache = new WeakMap<Db, Map<string, { key: string; value: unknown }>>();

/**
 * Changes whenever the database does: total_changes() counts every row this
 * connection wrote, data_version moves when another connection (the CLI) commits.
 */
function changeKey(db: Db): string {
  const version = db.pragma('data_version', { simple: true }) as number;
  const changes = (prepared(db, 'SELECT total_changes() AS n').get() as { n: number }).n;
  return `${version}:${changes}`;
}

/** A figure computed again only after the database changed (首页 is opened often). */
function cached<T>(db: Db, name: string, compute: () => T): T {
  let entries = cache.get(db);
  if (!entries) cache.set(db, (entries = new Map()));
  const key = changeKey(db);
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
  for (const r of REGISTER_NAMES) {
    const def = REGISTERS[r];
    const col = dateColumn(def);
    const index = NARROW_DATE_INDEX[r];
    const rows = prepared(
      db,
      `SELECT CAST(substr(${col}, 6, 2) AS INTEGER) AS m, COUNT(*) AS n FROM ${def.table}${index ? ` INDEXED BY ${index}` : ''}
      WHERE deleted_at IS NULL AND ${col} >= @from AND ${col} < @to GROUP BY m`,
    ).all(p) as { m: number; n: number }[];
    const months = Array.from({ length: 12 }, () => 0);
    for (const row of rows) if (row.m >= 1 && row.m <= 12) months[row.m - 1] = row.n;
    monthly[r] = months;
  }
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
    disputeTypes: groupCount(db, 'mediation_cases', 'type', 'accepted_on', p),
    caseStatuses: groupCount(db, 'mediation_cases', 'status', 'accepted_on', p),
    inspectionFields: groupCount(db, 'inspections', 'field', 'date', p),
    inspectionOutcomes: groupCount(db, 'inspections', 'outcome', 'date', p),
    villagesWithoutActivity: [...known].filter((v) => !active.has(v)).sort((a, b) => a.localeCompare(b, 'zh-CN')),
    villagesWithActivity: active.size,
    villagesFrom: listed.length ? 'settings' : 'ledger',
  };
}
