// Migration 17, frozen: the SQL as it was when this version shipped. Never edit it;
// a later change to the schema is a new file.
import type { Migration } from '../migration.ts';

export const migration: Migration = {
  version: 17,
  name: "the clerk's order of the report: subsections of 一 and parts 二/三",
  up: (db) =>
    db.exec(`
    ALTER TABLE year_profiles ADD COLUMN measure_order TEXT;
    ALTER TABLE year_profiles ADD COLUMN section_order TEXT;
    ALTER TABLE year_profiles ADD COLUMN openness_report_date TEXT;
  `),
};
