// Numbered schema migrations, tracked in PRAGMA user_version. All pending ones
// run in one transaction; a database newer than this code is refused.
import type { Database } from 'better-sqlite3';
import { createKeywordIndex, registerKeywordFunctions } from '../registers/keyword-index.ts';
import { AppError } from '../util/errors.ts';

export interface Migration {
  version: number;
  name: string;
  up: (db: Database) => void;
}

// search_text: the record's searchable fields joined; the date index covers it, so a
// keyword search within a year reads the index only, not the rows
const COMMON = `department TEXT, notes TEXT, search_text TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL, deleted_at TEXT`;

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'ledger tables',
    up: (db) => db.exec(`
      CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);

      CREATE TABLE year_profiles (
        year INTEGER PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
        mediation_committees INTEGER, mediators INTEGER, mediation_rooms INTEGER,
        certified_enforcers INTEGER, enforcement_quota INTEGER, enforcement_actual INTEGER,
        law_literates INTEGER, report_date TEXT,
        narrative_intro TEXT, narrative_leader_duties TEXT, narrative_shortcomings TEXT,
        narrative_next_year_plan TEXT, narrative_other TEXT,
        updated_at TEXT
      );

      CREATE TABLE activities (
        id TEXT PRIMARY KEY, date TEXT NOT NULL, title TEXT NOT NULL, kind TEXT NOT NULL,
        venue TEXT, place TEXT, village TEXT, occasion TEXT, laws TEXT NOT NULL DEFAULT '[]',
        audience INTEGER NOT NULL DEFAULT 0, materials INTEGER NOT NULL DEFAULT 0,
        banners INTEGER NOT NULL DEFAULT 0, boards INTEGER NOT NULL DEFAULT 0,
        consultations INTEGER NOT NULL DEFAULT 0, views INTEGER NOT NULL DEFAULT 0,
        organizer TEXT, ${COMMON}
      );
      CREATE INDEX activities_date ON activities(date, search_text) WHERE deleted_at IS NULL;
      CREATE INDEX activities_kind ON activities(kind, date) WHERE deleted_at IS NULL;
      CREATE INDEX activities_village ON activities(village, date) WHERE deleted_at IS NULL;
      CREATE INDEX activities_deleted ON activities(deleted_at) WHERE deleted_at IS NOT NULL;

      CREATE TABLE mediation_cases (
        id TEXT PRIMARY KEY, case_no TEXT, accepted_on TEXT NOT NULL, closed_on TEXT,
        type TEXT NOT NULL, source TEXT, village TEXT, committee TEXT, mediator TEXT,
        parties TEXT, party_count INTEGER NOT NULL DEFAULT 0, summary TEXT,
        status TEXT NOT NULL, agreement TEXT, amount REAL,
        judicial_confirmation INTEGER NOT NULL DEFAULT 0, follow_up_on TEXT, ${COMMON}
      );
      CREATE INDEX mediation_cases_date ON mediation_cases(accepted_on, search_text) WHERE deleted_at IS NULL;
      CREATE INDEX mediation_cases_type ON mediation_cases(type, accepted_on) WHERE deleted_at IS NULL;
      CREATE INDEX mediation_cases_status ON mediation_cases(status, accepted_on) WHERE deleted_at IS NULL;
      CREATE INDEX mediation_cases_village ON mediation_cases(village, accepted_on) WHERE deleted_at IS NULL;
      CREATE INDEX mediation_cases_deleted ON mediation_cases(deleted_at) WHERE deleted_at IS NOT NULL;

      CREATE TABLE inspections (
        id TEXT PRIMARY KEY, date TEXT NOT NULL, field TEXT NOT NULL, mode TEXT,
        target TEXT NOT NULL, target_type TEXT, village TEXT, inspectors TEXT,
        entrusted INTEGER NOT NULL DEFAULT 0,
        issues_found INTEGER NOT NULL DEFAULT 0, issues_rectified INTEGER NOT NULL DEFAULT 0,
        outcome TEXT NOT NULL, penalty_decision_no TEXT, penalty_kind TEXT, penalty_amount REAL,
        penalty_legal_review INTEGER NOT NULL DEFAULT 0, ${COMMON}
      );
      CREATE INDEX inspections_date ON inspections(date, search_text) WHERE deleted_at IS NULL;
      CREATE INDEX inspections_field ON inspections(field, date) WHERE deleted_at IS NULL;
      CREATE INDEX inspections_outcome ON inspections(outcome, date) WHERE deleted_at IS NULL;
      CREATE INDEX inspections_village ON inspections(village, date) WHERE deleted_at IS NULL;
      CREATE INDEX inspections_deleted ON inspections(deleted_at) WHERE deleted_at IS NOT NULL;

      CREATE TABLE work_items (
        id TEXT PRIMARY KEY, date TEXT NOT NULL, category TEXT NOT NULL, title TEXT NOT NULL,
        subkind TEXT, count INTEGER NOT NULL DEFAULT 1, participants INTEGER NOT NULL DEFAULT 0,
        passed INTEGER NOT NULL DEFAULT 0, opinions INTEGER NOT NULL DEFAULT 0,
        leader_appeared INTEGER NOT NULL DEFAULT 0, outcome TEXT, ${COMMON}
      );
      CREATE INDEX work_items_date ON work_items(date, search_text) WHERE deleted_at IS NULL;
      CREATE INDEX work_items_category ON work_items(category, date) WHERE deleted_at IS NULL;
      CREATE INDEX work_items_deleted ON work_items(deleted_at) WHERE deleted_at IS NOT NULL;
    `),
  },
  {
    version: 2,
    name: 'attachments and merge bookkeeping',
    up: (db) => db.exec(`
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
  },
  {
    version: 4,
    // the FTS5 index of each register's search_text (character unigrams and bigrams),
    // built here for the records already in the ledger; a register added later calls
    // createKeywordIndex in its own migration
    name: 'keyword index',
    up: (db) => {
      for (const table of ['activities', 'mediation_cases', 'inspections', 'work_items']) createKeywordIndex(db, { table });
    },
  },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

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
  const migrations = options.migrations ?? MIGRATIONS;
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
