// Migration 25, frozen: the SQL as it was when this version shipped. Never edit it;
// a later change to the schema is a new file.
import type { Migration } from '../migration.ts';

export const migration: Migration = {
  // issue 24, 首页 at 100 000 records a register: two partial indexes, each condition written as
  // the query writes it (which is what lets SQLite use a partial index).
  // 1. The 依申请公开 reminder reads the open requests only (no reply yet), by the date received
  //    (then id: a steady order within a day), so counting the ones due is a short range of it.
  // 2. The 「卷宗不完整」 count's second part: cases 调解中 without a note whose file lacks nothing
  //    else (they become incomplete once a month old). It read every 调解中 case of the year row by
  //    row; this index holds just those, its condition the text of registers/incomplete-sql.ts as of
  //    today (status, blank notes, NOT the static rules).
  // IF NOT EXISTS: a ledger set back to an older version (tests/unit/registers/facts-search) runs it again.
  version: 25,
  name: 'home reminder indexes',
  up: (db) =>
    db.exec(`
    CREATE INDEX IF NOT EXISTS disclosure_requests_open ON disclosure_requests(received_on, id)
      WHERE deleted_at IS NULL AND (result IS NULL OR result = '' OR result_on IS NULL);
    CREATE INDEX IF NOT EXISTS mediation_cases_open_no_note ON mediation_cases(accepted_on)
      WHERE deleted_at IS NULL AND status = 'in_progress' AND (notes IS NULL OR trim(notes) = '') AND NOT (json_array_length(party_list) < 2
  OR ((facts IS NULL OR trim(facts) = '') AND (summary IS NULL OR trim(summary) = ''))
  OR (status IN ('success', 'failed') AND (closed_on IS NULL OR trim(closed_on) = ''))
  OR ((notes IS NULL OR trim(notes) = '') AND status = 'suspended')
  OR ((notes IS NULL OR trim(notes) = '') AND status IN ('success', 'failed') AND NOT (closed_on IS NULL OR trim(closed_on) = '') AND julianday(closed_on) - julianday(accepted_on) > 30)
  OR (status = 'success' AND agreement = 'written' AND ((agreement_terms IS NULL OR trim(agreement_terms) = '') OR coalesce(copies, 0) < 1))
  OR (status = 'success' AND json_array_length(follow_ups) = 0 AND (follow_up_on IS NULL OR trim(follow_up_on) = '')));
  `),
};
