// Numbered schema migrations, tracked in PRAGMA user_version. All pending ones
// run in one transaction; a database newer than this code is refused.
import type { Database } from 'better-sqlite3';
import { createKeywordIndex, registerKeywordFunctions } from '../registers/keyword-index.ts';
import { AppError } from '../util/errors.ts';
import { INCOMPLETE_INDEX_SQL } from '../cases/incomplete-sql.ts';

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
    up: (db) =>
      db.exec(`
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
  },
  {
    version: 3,
    name: 'report: clerk text per measure area, subsection titles, 复议/诉讼 confirmation',
    up: (db) =>
      db.exec(`
      -- JSON objects keyed by measure area (leadership, decisions, …): the clerk's text and title
      ALTER TABLE year_profiles ADD COLUMN narrative_measures TEXT;
      ALTER TABLE year_profiles ADD COLUMN narrative_measure_titles TEXT;
      -- NULL: not answered; 1: the clerk confirms no 行政复议/行政诉讼 named the township; 0: not confirmed
      ALTER TABLE year_profiles ADD COLUMN no_review_or_litigation INTEGER
        CHECK (no_review_or_litigation IS NULL OR no_review_or_litigation IN (0, 1));
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
  {
    version: 5,
    name: '依申请公开 register, openness year-profile fields, report exports',
    up: (db) => {
      db.exec(`
      CREATE TABLE disclosure_requests (
        id TEXT PRIMARY KEY, received_on TEXT NOT NULL, applicant_type TEXT NOT NULL,
        applicant TEXT, subject TEXT, channel TEXT, result TEXT, result_on TEXT, ${COMMON}
      );
      CREATE INDEX disclosure_requests_date ON disclosure_requests(received_on, search_text) WHERE deleted_at IS NULL;
      CREATE INDEX disclosure_requests_result_on ON disclosure_requests(result_on) WHERE deleted_at IS NULL;
      CREATE INDEX disclosure_requests_type ON disclosure_requests(applicant_type, received_on) WHERE deleted_at IS NULL;
      CREATE INDEX disclosure_requests_deleted ON disclosure_requests(deleted_at) WHERE deleted_at IS NOT NULL;

      ALTER TABLE year_profiles ADD COLUMN normative_issued INTEGER;
      ALTER TABLE year_profiles ADD COLUMN normative_repealed INTEGER;
      ALTER TABLE year_profiles ADD COLUMN normative_in_force INTEGER;
      ALTER TABLE year_profiles ADD COLUMN licenses INTEGER;
      ALTER TABLE year_profiles ADD COLUMN coercions INTEGER;
      ALTER TABLE year_profiles ADD COLUMN fees_wan REAL;
      ALTER TABLE year_profiles ADD COLUMN fees_charged TEXT;
      ALTER TABLE year_profiles ADD COLUMN disclosure_disputes TEXT;
      ALTER TABLE year_profiles ADD COLUMN openness_overview TEXT;
      ALTER TABLE year_profiles ADD COLUMN openness_problems TEXT;
      ALTER TABLE year_profiles ADD COLUMN openness_other_matters TEXT;

      -- the last export of a year's report and the figures it stated, so the other
      -- report can be checked against what was already published
      CREATE TABLE report_exports (
        report TEXT NOT NULL, year INTEGER NOT NULL, exported_at TEXT NOT NULL,
        file_name TEXT NOT NULL, figures TEXT NOT NULL,
        PRIMARY KEY (report, year)
      ) WITHOUT ROWID;
    `);
      // the new register's keyword index (issue 13)
      createKeywordIndex(db, { table: 'disclosure_requests' });
    },
  },
  {
    // issue 9: the mediation case file (卷宗)
    version: 6,
    name: 'mediation case file fields',
    up: (db) =>
      db.exec(`
      ALTER TABLE mediation_cases ADD COLUMN party_list TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE mediation_cases ADD COLUMN facts TEXT;
      ALTER TABLE mediation_cases ADD COLUMN agreement_terms TEXT;
      ALTER TABLE mediation_cases ADD COLUMN performance TEXT;
      ALTER TABLE mediation_cases ADD COLUMN copies INTEGER;
      ALTER TABLE mediation_cases ADD COLUMN follow_ups TEXT NOT NULL DEFAULT '[]';
      -- 案号 is unique within its year: looked up on every save
      CREATE INDEX mediation_cases_case_no ON mediation_cases(case_no, accepted_on) WHERE deleted_at IS NULL;
      -- 回访 due (首页 reminders): successes without a 回访, by 结案日期 (follow_up_on is set whenever 回访 entries exist)
      CREATE INDEX mediation_cases_visit_due ON mediation_cases(closed_on)
        WHERE deleted_at IS NULL AND status = 'success' AND follow_up_on IS NULL;
      -- 卷宗不完整 (the rules that do not depend on the day): counted on 首页 from this index
      ${INCOMPLETE_INDEX_SQL};
    `),
  },
  {
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
  },
  {
    // issue 22: the 矛盾纠纷排查 register, with its keyword index written out as
    // createKeywordIndex(db, { table: 'screenings' }) makes it (frozen SQL text)
    version: 22,
    name: '矛盾纠纷排查 register',
    up: (db) =>
      db.exec(`
      CREATE TABLE screenings (
        id TEXT PRIMARY KEY, date TEXT NOT NULL, village TEXT, committee TEXT,
        found INTEGER NOT NULL DEFAULT 0, prevented INTEGER NOT NULL DEFAULT 0,
        prevented_criminal INTEGER NOT NULL DEFAULT 0, prevented_suicide INTEGER NOT NULL DEFAULT 0,
        prevented_petition INTEGER NOT NULL DEFAULT 0, prevented_fight INTEGER NOT NULL DEFAULT 0,
        department TEXT, notes TEXT, search_text TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL, deleted_at TEXT
      );
      CREATE INDEX screenings_date ON screenings(date, search_text) WHERE deleted_at IS NULL;
      CREATE INDEX screenings_village ON screenings(village, date) WHERE deleted_at IS NULL;
      CREATE INDEX screenings_deleted ON screenings(deleted_at) WHERE deleted_at IS NOT NULL;

      CREATE VIEW screenings_fts_content AS
        SELECT r.rowid AS rid, fazhi_grams(r.search_text, 1) AS uni, fazhi_grams(r.search_text, 2) AS bi FROM screenings AS r WHERE r.deleted_at IS NULL;
      CREATE VIRTUAL TABLE screenings_fts USING fts5(uni, bi, content='screenings_fts_content', content_rowid='rid', tokenize='ascii', columnsize=0);
      CREATE TRIGGER screenings_fts_insert AFTER INSERT ON screenings WHEN new.deleted_at IS NULL BEGIN
        INSERT INTO screenings_fts (rowid, uni, bi) VALUES (new.rowid, fazhi_grams(new.search_text, 1), fazhi_grams(new.search_text, 2));
      END;
      CREATE TRIGGER screenings_fts_delete AFTER DELETE ON screenings WHEN old.deleted_at IS NULL BEGIN
        INSERT INTO screenings_fts (screenings_fts, rowid, uni, bi) VALUES ('delete', old.rowid, fazhi_grams(old.search_text, 1), fazhi_grams(old.search_text, 2));
      END;
      CREATE TRIGGER screenings_fts_update AFTER UPDATE OF search_text, deleted_at ON screenings
        WHEN (old.deleted_at IS NULL) <> (new.deleted_at IS NULL)
          OR (new.deleted_at IS NULL AND old.search_text IS NOT new.search_text) BEGIN
        INSERT INTO screenings_fts (screenings_fts, rowid, uni, bi)
          SELECT 'delete', old.rowid, fazhi_grams(old.search_text, 1), fazhi_grams(old.search_text, 2) WHERE old.deleted_at IS NULL;
        INSERT INTO screenings_fts (rowid, uni, bi)
          SELECT new.rowid, fazhi_grams(new.search_text, 1), fazhi_grams(new.search_text, 2) WHERE new.deleted_at IS NULL;
      END;
    `),
  },
];

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
