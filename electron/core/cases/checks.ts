// Mediation data warnings: existing rows the form would now refuse.
export { INCOMPLETE_SQL } from '../registers/incomplete-sql.ts';
import { STATIC_INCOMPLETE_SQL } from '../registers/incomplete-sql.ts';
import type { CaseWarning } from '../../shared/contract/cases.ts';
import type { Db } from '../db/connection.ts';
import { prepared } from '../db/statements.ts';
import { describeCase, duplicateCaseNos } from '../registers/case-number.ts';

/**
 * Existing data that the form would now refuse: duplicate 案号, 调解成功/不成功 without 结案日期.
 * `closedWithoutDate`: that count when the caller already has it (the year's statistics
 * count it in their scan); then the rows are read only when there are some.
 */
export function caseDataWarnings(db: Db, year?: number, known: { closedWithoutDate?: number } = {}): CaseWarning[] {
  const out: CaseWarning[] = [];
  for (const g of duplicateCaseNos(db, year)) {
    out.push({
      code: 'duplicate_case_no',
      ids: g.cases.map((c) => c.id),
      message: `案号“${g.caseNo}”在${g.year}年有${g.cases.length}件案件重复使用：${g.cases.map((c) => describeCase({ ...c, caseNo: null })).join('；')}。请修改其中的案号。`,
    });
  }
  if (known.closedWithoutDate === 0) return out;
  const yearSql = year === undefined ? '' : ' AND accepted_on >= @from AND accepted_on < @to';
  // STATIC_INCOMPLETE_SQL holds for every such row (a closed case without 结案日期 is an incomplete
  // file): stated, it lets the 卷宗不完整 partial index serve, so complete files are never read
  const rows = prepared(
    db,
    `SELECT id, case_no AS caseNo, accepted_on AS acceptedOn, type, status FROM mediation_cases
    WHERE deleted_at IS NULL AND ${STATIC_INCOMPLETE_SQL} AND status IN ('success', 'failed') AND (closed_on IS NULL OR closed_on = '')${yearSql}
    ORDER BY accepted_on`,
  ).all(year === undefined ? {} : { from: `${year}-01-01`, to: `${year + 1}-01-01` }) as {
    id: string;
    caseNo: string | null;
    acceptedOn: string;
    type: string;
    status: string;
  }[];
  if (rows.length) {
    const listed = rows
      .slice(0, 10)
      .map((r) => describeCase(r))
      .join('；');
    out.push({
      code: 'closed_without_date',
      ids: rows.map((r) => r.id),
      message: `有${rows.length}件案件已调结（调解成功或不成功）但没有结案日期：${listed}${rows.length > 10 ? ' 等' : ''}。请补填结案日期。`,
    });
  }
  return out;
}
