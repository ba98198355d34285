// Migration 1, frozen: the SQL as it was when this version shipped. Never edit it;
// a later change to the schema is a new file.
import type { Migration } from '../migration.ts';
import { COMMON_COLUMNS as COMMON } from './common-columns.ts';

export const migration: Migration = {
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
};
