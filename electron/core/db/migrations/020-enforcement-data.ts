// Migration 20, frozen: the SQL as it was when this version shipped. Never edit it;
// a later change to the schema is a new file.
import type { Migration } from '../migration.ts';

export const migration: Migration = {
  // issue 20: 行政执法数据年度公开 — a penalty's 并处 kinds, 决定日期 and 程序; the year's 应持证人数,
  // the 许可/强制/征收… counts kept on paper, and the publication's texts and settings
  version: 20,
  name: 'enforcement data',
  up: (db) =>
    db.exec(`
    ALTER TABLE inspections ADD COLUMN penalty_also_kinds TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE inspections ADD COLUMN penalty_decided_on TEXT;
    ALTER TABLE inspections ADD COLUMN penalty_procedure TEXT;
    ALTER TABLE year_profiles ADD COLUMN enforcers_required INTEGER;
    ALTER TABLE year_profiles ADD COLUMN enforcement_acts TEXT;
    ALTER TABLE year_profiles ADD COLUMN enforcement_doc TEXT;
  `),
};
