// Migration 3, frozen: the SQL as it was when this version shipped. Never edit it;
// a later change to the schema is a new file.
import type { Migration } from '../migration.ts';

export const migration: Migration = {
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
};
