// Migration 16, frozen: the SQL as it was when this version shipped. Never edit it;
// a later change to the schema is a new file.
import type { Migration } from '../migration.ts';

export const migration: Migration = {
  // issue 9's second migration: which records are demo data (示例数据), so they can be removed exactly
  version: 16,
  name: 'demo record marks',
  up: (db) =>
    db.exec(`
    CREATE TABLE demo_records (
      register TEXT NOT NULL, record_id TEXT NOT NULL,
      PRIMARY KEY (register, record_id)
    ) WITHOUT ROWID;
  `),
};
