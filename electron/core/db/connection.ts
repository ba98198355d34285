// Opens the ledger database with the settings an office PC needs: WAL for
// concurrent readers, synchronous=FULL because offices lose power.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { assertNodeVersion } from '../util/node-version.ts';
import { migrate, type MigrateOptions } from './migrations.ts';

export type Db = Database.Database;

/**
 * Bytes of the ledger read through a memory map rather than read() into SQLite's own page
 * cache (2 MB): a year's statistics scan each register table, and at 100 000 records a
 * register each scan copied 40–60 MB through read() (measured: the report's aggregates
 * 0.90–0.96 s with read(), 0.57 s mapped). Chromium's SQLite wrapper maps its databases
 * the same way. Only the app's own ledger: a backup being checked or restored (a file
 * from elsewhere) is opened without it.
 */
const MMAP_BYTES = 1 << 30;

export function openDatabase(file: string, options: MigrateOptions = {}): Db {
  assertNodeVersion();
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    if (file !== ':memory:') {
      db.pragma('journal_mode = WAL');
      db.pragma(`mmap_size = ${MMAP_BYTES}`);
    }
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, options);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}
