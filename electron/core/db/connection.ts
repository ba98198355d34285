// Opens the ledger database with the settings an office PC needs: WAL for
// concurrent readers, synchronous=FULL because offices lose power.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { assertNodeVersion } from '../util/node-version.ts';
import { migrate, type MigrateOptions } from './migrations.ts';

export type Db = Database.Database;

export function openDatabase(file: string, options: MigrateOptions = {}): Db {
  assertNodeVersion();
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    if (file !== ':memory:') db.pragma('journal_mode = WAL');
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
