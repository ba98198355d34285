// Migration 6, frozen: the SQL as it was when this version shipped. Never edit it;
// a later change to the schema is a new file.
import type { Migration } from '../migration.ts';

export const migration: Migration = {
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
    -- 卷宗不完整 (the rules that do not depend on the day): counted on 首页 from this index;
    -- its condition must equal STATIC_INCOMPLETE_SQL (cases/incomplete-sql.ts) for the planner to use it
    CREATE INDEX mediation_cases_incomplete ON mediation_cases(accepted_on)
      WHERE deleted_at IS NULL AND (json_array_length(party_list) < 2
      OR ((facts IS NULL OR trim(facts) = '') AND (summary IS NULL OR trim(summary) = ''))
      OR (status IN ('success', 'failed') AND (closed_on IS NULL OR trim(closed_on) = ''))
      OR ((notes IS NULL OR trim(notes) = '') AND status = 'suspended')
      OR ((notes IS NULL OR trim(notes) = '') AND status IN ('success', 'failed') AND NOT (closed_on IS NULL OR trim(closed_on) = '') AND julianday(closed_on) - julianday(accepted_on) > 30)
      OR (status = 'success' AND agreement = 'written' AND ((agreement_terms IS NULL OR trim(agreement_terms) = '') OR coalesce(copies, 0) < 1))
      OR (status = 'success' AND json_array_length(follow_ups) = 0 AND (follow_up_on IS NULL OR trim(follow_up_on) = '')));
  `),
};
