// Migration 5, frozen: the SQL as it was when this version shipped. Never edit it;
// a later change to the schema is a new file.
import type { Migration } from '../migration.ts';
import { keywordIndexSqlV4 } from './004-keyword-index.ts';
import { COMMON_COLUMNS as COMMON } from './common-columns.ts';

export const migration: Migration = {
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
    db.exec(keywordIndexSqlV4('disclosure_requests'));
  },
};
