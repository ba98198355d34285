// The schema migrations, tracked in PRAGMA user_version: one frozen file each under
// migrations/ (NNN-name.ts, NNN = the version), holding the SQL of its time and importing
// no domain code, so a later change to today's code never changes what an old migration
// does. All pending ones run in one transaction; a database newer than this code is refused.
import type { Database } from 'better-sqlite3';
import { registerKeywordFunctions } from './keyword-grams.ts';
import { AppError } from '../util/errors.ts';
import type { Migration } from './migration.ts';
import { migration as m001 } from './migrations/001-ledger-tables.ts';
import { migration as m002 } from './migrations/002-attachments-and-merge-bookkeeping.ts';
import { migration as m003 } from './migrations/003-report-clerk-text.ts';
import { migration as m004 } from './migrations/004-keyword-index.ts';
import { migration as m005 } from './migrations/005-disclosure-requests.ts';
import { migration as m006 } from './migrations/006-mediation-case-file.ts';
import { migration as m016 } from './migrations/016-demo-record-marks.ts';
import { migration as m017 } from './migrations/017-report-orders.ts';
import { migration as m020 } from './migrations/020-enforcement-data.ts';
import { migration as m021 } from './migrations/021-enterprise-inspections.ts';
import { migration as m022 } from './migrations/022-screenings.ts';
import { migration as m023 } from './migrations/023-facts-searchable.ts';
import { migration as m024 } from './migrations/024-disclosure-figures-index.ts';
import { migration as m025 } from './migrations/025-home-reminder-indexes.ts';

export type { Migration } from './migration.ts';

/** Every migration, oldest first: one line per file in migrations/. */
export const MIGRATIONS: Migration[] = [m001, m002, m003, m004, m005, m006, m016, m017, m020, m021, m022, m023, m024, m025];

export const LATEST_VERSION = Math.max(...MIGRATIONS.map((m) => m.version));

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export interface MigrateOptions {
  /** called once before pending migrations run on a non-empty database (a backup hook) */
  beforeMigrate?: (from: number, to: number) => void;
  migrations?: Migration[];
}

/** Brings the schema up to date; returns the versions applied. */
export function migrate(db: Database, options: MigrateOptions = {}): number[] {
  // the SQL functions the schema's triggers call, on every connection the app opens
  registerKeywordFunctions(db);
  // versions are per issue, so the list may have gaps: apply every version above the
  // database's, in order, and end at the highest
  const migrations = [...(options.migrations ?? MIGRATIONS)].sort((a, b) => a.version - b.version);
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  const current = schemaVersion(db);
  if (current > latest) {
    throw new AppError(
      'db_too_new',
      `数据库由更新版本的法治台账创建（数据结构版本 ${current}，本程序支持到 ${latest}），为防止损坏数据已拒绝打开。请升级法治台账后再打开。`,
    );
  }
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return [];
  if (current > 0) options.beforeMigrate?.(current, latest);
  db.transaction(() => {
    for (const m of pending) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  }).immediate();
  return pending.map((m) => m.version);
}
