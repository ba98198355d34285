// 卷宗体检 in SQL (the 「卷宗不完整」 filter). The rules are those of
// shared/case-file.ts; tests/unit/case-file.test.ts checks that both agree.
import { CLOSE_WITHIN_DAYS } from '../../shared/case-file.ts';

const blank = (col: string) => `(${col} IS NULL OR trim(${col}) = '')`;

/** True for a case whose file lacks something; one `?` parameter: today (YYYY-MM-DD). */
export const INCOMPLETE_SQL = `(
  json_array_length(party_list) < 2
  OR (${blank('facts')} AND ${blank('summary')})
  OR (status IN ('success', 'failed') AND ${blank('closed_on')})
  OR (${blank('notes')} AND (
    status = 'suspended'
    OR (status = 'in_progress' AND julianday(?) - julianday(accepted_on) > ${CLOSE_WITHIN_DAYS})
    OR (status IN ('success', 'failed') AND NOT ${blank('closed_on')} AND julianday(closed_on) - julianday(accepted_on) > ${CLOSE_WITHIN_DAYS})
  ))
  OR (status = 'success' AND agreement = 'written' AND (${blank('agreement_terms')} OR coalesce(copies, 0) < 1))
  OR (status = 'success' AND json_array_length(follow_ups) = 0 AND ${blank('follow_up_on')})
)`;
