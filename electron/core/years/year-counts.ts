// 首页's counts per register and the years that hold records: SQL over every register's date index.
import type { YearCounts } from '../../shared/contract/years.ts';
import { REGISTERS, REGISTER_NAMES, type RegisterName } from '../../shared/registers.ts';
import type { CoreContext } from '../context.ts';
import { monthCounts } from '../home/dashboard.ts';
import { dateColumn } from '../registers/repository.ts';
import { prepared } from '../db/statements.ts';
import { profileYears } from './year-profiles.ts';

export function yearCounts(ctx: CoreContext, year: number): YearCounts {
  const counts = {} as Record<RegisterName, number>;
  const deleted = {} as Record<RegisterName, number>;
  for (const r of REGISTER_NAMES) {
    const def = REGISTERS[r];
    const col = dateColumn(def);
    const range = [`${year}-01-01`, `${year + 1}-01-01`];
    // live rows: the months 首页's chart counts (home/dashboard.ts, cached until the ledger changes),
    // deleted ones from the 回收站 index
    counts[r] = monthCounts(ctx.db, r, year).reduce((a, b) => a + b, 0);
    deleted[r] = (
      prepared(
        ctx.db,
        `SELECT COUNT(*) AS n FROM ${def.table}
      WHERE deleted_at IS NOT NULL AND ${col} >= ? AND ${col} < ?`,
      ).get(...range) as { n: number }
    ).n;
  }
  return { year, counts, deleted };
}

export function listYears(ctx: CoreContext): number[] {
  const years = new Set<number>([ctx.now().getFullYear(), ...profileYears(ctx.db)]);
  for (const r of REGISTER_NAMES) {
    const def = REGISTERS[r];
    const col = dateColumn(def);
    // walk the date index year by year instead of scanning every row
    let y = (prepared(ctx.db, `SELECT MIN(${col}) AS d FROM ${def.table} WHERE deleted_at IS NULL`).get() as { d: string | null }).d;
    while (y) {
      const year = Number(y.slice(0, 4));
      years.add(year);
      y = (
        prepared(ctx.db, `SELECT MIN(${col}) AS d FROM ${def.table} WHERE deleted_at IS NULL AND ${col} >= ?`).get(`${year + 1}-01-01`) as { d: string | null }
      ).d;
    }
  }
  return [...years].sort((a, b) => b - a);
}
