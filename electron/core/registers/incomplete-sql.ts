// 卷宗体检 in SQL (the 「卷宗不完整」 filter and its count on 首页). The rules are
// those of shared/case-file.ts; tests/unit/case-file.test.ts checks that both agree.
// The rules that do not depend on the day are one expression, STATIC_INCOMPLETE_SQL,
// which is also the condition of the partial index mediation_cases_incomplete
// (frozen in db/migrations/006; tests/unit/migrations.test.ts checks the planner uses it): the count of a year then reads that index, not 100 000 rows.
// Changing these rules needs a new migration that drops and recreates the index
// (an index built from the old text is simply no longer used: results stay right).
import { CLOSE_WITHIN_DAYS } from '../../shared/case-file.ts';

const blank = (col: string) => `(${col} IS NULL OR trim(${col}) = '')`;

/** What a file lacks whatever the day (no parameter). Must stay byte-identical to the index condition. */
export const STATIC_INCOMPLETE_SQL = `(json_array_length(party_list) < 2
  OR (${blank('facts')} AND ${blank('summary')})
  OR (status IN ('success', 'failed') AND ${blank('closed_on')})
  OR (${blank('notes')} AND status = 'suspended')
  OR (${blank('notes')} AND status IN ('success', 'failed') AND NOT ${blank('closed_on')} AND julianday(closed_on) - julianday(accepted_on) > ${CLOSE_WITHIN_DAYS})
  OR (status = 'success' AND agreement = 'written' AND (${blank('agreement_terms')} OR coalesce(copies, 0) < 1))
  OR (status = 'success' AND json_array_length(follow_ups) = 0 AND ${blank('follow_up_on')}))`;

/** 调解中 for more than a month without a note why; one `?` parameter: today (YYYY-MM-DD). */
export const LATE_SQL = `(status = 'in_progress' AND ${blank('notes')} AND julianday(?) - julianday(accepted_on) > ${CLOSE_WITHIN_DAYS})`;

/** True for a case whose file lacks something; one `?` parameter: today (YYYY-MM-DD). */
export const INCOMPLETE_SQL = `(${STATIC_INCOMPLETE_SQL} OR ${LATE_SQL})`;

/**
 * Cases of a year whose file lacks something, judged on `today`: the indexed static part plus the late ones,
 * these counted in the partial index mediation_cases_open_no_note (migration 25: 调解中, no note, nothing
 * else missing; its condition is the text above as of then; were the rules changed, INDEXED BY would fail
 * loudly in tests/unit/migrations.test.ts rather than quietly read every row).
 */
export const INCOMPLETE_COUNT_SQL = `SELECT
  (SELECT COUNT(*) FROM mediation_cases WHERE deleted_at IS NULL AND ${STATIC_INCOMPLETE_SQL}
     AND accepted_on >= @from AND accepted_on < @to)
  + (SELECT COUNT(*) FROM mediation_cases INDEXED BY mediation_cases_open_no_note WHERE deleted_at IS NULL AND status = 'in_progress'
     AND accepted_on >= @from AND accepted_on < @to AND accepted_on < @lateBefore
     AND ${blank('notes')} AND NOT ${STATIC_INCOMPLETE_SQL}) AS n`;
