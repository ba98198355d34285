import type { ledgerContract, YearCounts } from '../../shared/contract/ledger.ts';
import type { HandlersOf } from '../../shared/contract/index.ts';
import { REGISTERS, REGISTER_NAMES, type RegisterName } from '../../shared/registers.ts';
import { isoNow, type CoreContext } from '../context.ts';
import { schemaVersion } from '../db/migrations.ts';
import { generateDemoYear } from '../demo/demo-year.ts';
import { backupBeforeImport } from './custody.ts';
import { exportPackage } from '../exchange/export-package.ts';
import { importPackage } from '../exchange/import-package.ts';
import { getSettings, updateSettings } from '../ledger/settings.ts';
import { getProfile, profileYears, saveProfile } from '../ledger/year-profiles.ts';
import { dateColumn, prepared } from '../registers/repository.ts';
import { NARROW_DATE_INDEX } from '../cases/dashboard.ts';
import { APP_VERSION } from '../version.ts';

function yearCounts(ctx: CoreContext, year: number): YearCounts {
  const counts = {} as Record<RegisterName, number>;
  const deleted = {} as Record<RegisterName, number>;
  for (const r of REGISTER_NAMES) {
    const def = REGISTERS[r];
    const col = dateColumn(def);
    const range = [`${year}-01-01`, `${year + 1}-01-01`];
    // live rows from a narrow index (首页 at 100 000 records), deleted ones from the 回收站 index
    const index = NARROW_DATE_INDEX[r];
    counts[r] = (prepared(ctx.db, `SELECT COUNT(*) AS n FROM ${def.table}${index ? ` INDEXED BY ${index}` : ''}
      WHERE deleted_at IS NULL AND ${col} >= ? AND ${col} < ?`).get(...range) as { n: number }).n;
    deleted[r] = (prepared(ctx.db, `SELECT COUNT(*) AS n FROM ${def.table}
      WHERE deleted_at IS NOT NULL AND ${col} >= ? AND ${col} < ?`).get(...range) as { n: number }).n;
  }
  return { year, counts, deleted };
}

function listYears(ctx: CoreContext): number[] {
  const years = new Set<number>([ctx.now().getFullYear(), ...profileYears(ctx.db)]);
  for (const r of REGISTER_NAMES) {
    const def = REGISTERS[r];
    const col = dateColumn(def);
    // walk the date index year by year instead of scanning every row
    let y = (prepared(ctx.db, `SELECT MIN(${col}) AS d FROM ${def.table} WHERE deleted_at IS NULL`).get() as { d: string | null }).d;
    while (y) {
      const year = Number(y.slice(0, 4));
      years.add(year);
      y = (prepared(ctx.db, `SELECT MIN(${col}) AS d FROM ${def.table} WHERE deleted_at IS NULL AND ${col} >= ?`).get(`${year + 1}-01-01`) as { d: string | null }).d;
    }
  }
  return [...years].sort((a, b) => b - a);
}

export const ledgerHandlers: HandlersOf<typeof ledgerContract, CoreContext> = {
  'app.info': (_input, ctx) => ({
    version: APP_VERSION,
    schemaVersion: schemaVersion(ctx.db),
    dbPath: ctx.dbPath,
    dataDir: ctx.dataDir,
    mode: ctx.mode,
    nodeVersion: process.versions.node,
  }),
  'settings.get': (_input, ctx) => getSettings(ctx.db),
  'settings.update': (patch, ctx) => updateSettings(ctx.db, patch),
  'years.list': (_input, ctx) => listYears(ctx),
  'years.getProfile': ({ year }, ctx) => getProfile(ctx.db, year),
  'years.saveProfile': (patch, ctx) => ctx.db.transaction(() => saveProfile(ctx.db, patch, isoNow(ctx))).immediate(),
  'years.counts': ({ year }, ctx) => yearCounts(ctx, year),
  'exchange.preview': ({ content, skipInvalid }, ctx) => importPackage(ctx, content, { dryRun: true, skipInvalid }),
  'exchange.import': async ({ content, skipInvalid }, ctx) => {
    // back up first, unless the package would be refused anyway
    const plan = importPackage(ctx, content, { dryRun: true, skipInvalid });
    if (plan.issues.length > 0 && !skipInvalid) return { ...plan, dryRun: false };
    await backupBeforeImport(ctx);
    return importPackage(ctx, content, { dryRun: false, skipInvalid });
  },
  'exchange.export': (opts, ctx) => exportPackage(ctx, opts),
  'demo.generate': ({ year, seed }, ctx) => generateDemoYear(ctx, year, seed),
};
