// Migration 2, frozen: the SQL as it was when this version shipped. Never edit it;
// a later change to the schema is a new file.
import type { Migration } from '../migration.ts';

export const migration: Migration = {
  version: 2,
  name: 'attachments and merge bookkeeping',
  up: (db) =>
    db.exec(`
    CREATE TABLE attachments (
      id TEXT PRIMARY KEY,
      register TEXT NOT NULL CHECK (register IN ('activities', 'mediationCases', 'inspections')),
      record_id TEXT NOT NULL,
      file_name TEXT NOT NULL,
      mime TEXT NOT NULL,
      size INTEGER NOT NULL CHECK (size >= 0),
      sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
      created_at TEXT NOT NULL,
      deleted_at TEXT
    );
    CREATE INDEX attachments_record ON attachments(register, record_id) WHERE deleted_at IS NULL;
    CREATE INDEX attachments_sha ON attachments(sha256);
    -- a record removed for good (purged from the 回收站) takes its attachment rows with it
    CREATE TRIGGER activities_purge_attachments AFTER DELETE ON activities
      BEGIN DELETE FROM attachments WHERE register = 'activities' AND record_id = OLD.id; END;
    CREATE TRIGGER mediation_cases_purge_attachments AFTER DELETE ON mediation_cases
      BEGIN DELETE FROM attachments WHERE register = 'mediationCases' AND record_id = OLD.id; END;
    CREATE TRIGGER inspections_purge_attachments AFTER DELETE ON inspections
      BEGIN DELETE FROM attachments WHERE register = 'inspections' AND record_id = OLD.id; END;

    -- the updatedAt of each record as last received from a data package:
    -- a record changed on both sides since then is a merge conflict
    CREATE TABLE exchange_seen (
      register TEXT NOT NULL, record_id TEXT NOT NULL, updated_at TEXT NOT NULL,
      PRIMARY KEY (register, record_id)
    ) WITHOUT ROWID;
  `),
};
