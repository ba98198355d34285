// Loads what the report needs (statistics, year profile, settings), composes the
// model with its 审稿 list, and renders the .docx — refused while the
// personal-data screen finds anything. Entry points stay async (the .docx
// renderer may be loaded lazily).
import type { ReportExport, ReportModel } from '../../shared/contract/report.ts';
import { ACTIVITY_KINDS, reportLabel } from '../../shared/enums.ts';
import type { CoreContext } from '../context.ts';
import { withMappedReads, type Db } from '../db/connection.ts';
import { getSettings } from '../settings/settings.ts';
import { getProfile } from '../years/year-profiles.ts';
import { prepared } from '../db/statements.ts';
import { computeYearStats } from '../stats/year-stats.ts';
import { AppError } from '../util/errors.ts';
import { localDate } from '../util/local-date.ts';
import { composeReport, type ActivityRow } from './compose.ts';
import type { LeaderRecord } from './drafts.ts';
import type { ReviewCase } from './measures.ts';
import { screenReport } from './privacy.ts';
import { runReview } from './review.ts';

export { CHECK_SQL } from './review.ts';

const ACTIVITY_ROWS = `SELECT id, date, title, kind, village, place, audience FROM activities
    WHERE deleted_at IS NULL AND date >= @from AND date < @to ORDER BY date, title`;

export function activityRows(db: Db, year: number): ActivityRow[] {
  const rows = prepared(db, ACTIVITY_ROWS).all({ from: `${year}-01-01`, to: `${year + 1}-01-01` }) as ActivityRow[];
  for (const r of rows) {
    r.kindCode = r.kind;
    r.kind = reportLabel('activityKinds', ACTIVITY_KINDS, r.kind);
  }
  return rows;
}

const REVIEW_CASES = `SELECT category, NULLIF(TRIM(outcome), '') AS outcome, COALESCE(SUM(count), 0) AS count FROM work_items
    WHERE deleted_at IS NULL AND date >= @from AND date < @to AND category IN ('reconsideration', 'litigation')
    GROUP BY category, NULLIF(TRIM(outcome), '') ORDER BY category, outcome`;
// the leaders' records the drafts of 第一责任人 name: meetings, 学法 and 述法
const LEADER_RECORDS = `SELECT category, date, title FROM work_items
    WHERE deleted_at IS NULL AND date >= @from AND date < @to AND (category IN ('meeting', 'study') OR title LIKE '%述法%')
    ORDER BY date, title LIMIT 200`;

/**
 * The report's model with its 审稿 list, each thing computed once: the year's statistics
 * (this year's and the previous year's figures, one set of aggregate statements) are
 * computed here and handed to the composer, the personal-data screen, the data checks,
 * the case warnings and the agreement checks with the 政务公开年报; none of them runs
 * them again. A report build is one call: nothing is kept between calls.
 */
export function buildReportModel(ctx: CoreContext, year: number, appendix = false, date?: string): ReportModel {
  // the statistics, the parties' names and the case checks read whole tables: mapped, not copied
  return withMappedReads(ctx.db, () => reportModel(ctx, year, appendix, date));
}

function reportModel(ctx: CoreContext, year: number, appendix: boolean, date?: string): ReportModel {
  const range = { from: `${year}-01-01`, to: `${year + 1}-01-01` };
  const today = localDate(ctx.now());
  const stats = computeYearStats(ctx.db, year);
  const profile = getProfile(ctx.db, year);
  const settings = getSettings(ctx.db);
  const model = composeReport({
    stats,
    profile,
    settings,
    today,
    appendixActivities: appendix ? activityRows(ctx.db, year) : undefined,
    date,
    reviewCases: prepared(ctx.db, REVIEW_CASES).all(range) as ReviewCase[],
    leaderRecords: prepared(ctx.db, LEADER_RECORDS).all(range) as LeaderRecord[],
  });
  const privacy = screenReport(ctx.db, profile, settings, appendix, stats);
  model.review = runReview(ctx.db, year, { today, composed: model.review, privacy, stats });
  return model;
}

/** The .docx; refused (AppError naming record and field) while personal data would reach it. */
export async function exportReport(ctx: CoreContext, year: number, appendix = false, date?: string): Promise<ReportExport> {
  const model = buildReportModel(ctx, year, appendix, date);
  if (model.dateRefused) throw new AppError('invalid_input', model.dateRefused, [{ field: 'reportDate', message: model.dateRefused }]);
  const blocked = model.review.filter((r) => r.severity === 'block');
  if (blocked.length) {
    throw new AppError(
      'invalid_input',
      `报告中会出现个人信息，已停止导出：${blocked
        .slice(0, 3)
        .map((b) => b.message.replace(/，报告是公开文件.*$/, ''))
        .join('；')}${blocked.length > 3 ? `等${blocked.length}处` : ''}。`,
      blocked.map((b) => ({ field: b.link && 'field' in b.link && b.link.field ? b.link.field : 'report', message: b.message })),
    );
  }
  const { renderReportDocx } = await import('./render-docx.ts');
  const buf = await renderReportDocx(model);
  return { fileName: model.fileName, base64: buf.toString('base64'), bytes: buf.length, review: model.review };
}
