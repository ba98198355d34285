// Loads what the report needs (statistics, year profile, settings, data checks)
// and composes the model; renders the .docx.
import type { ReportExport, ReportModel, ReportWarning } from '../../shared/contract/report.ts';
import { ACTIVITY_KINDS, labelOf } from '../../shared/enums.ts';
import type { CoreContext } from '../context.ts';
import type { Db } from '../db/connection.ts';
import { getSettings } from '../ledger/settings.ts';
import { getProfile } from '../ledger/year-profiles.ts';
import { prepared } from '../registers/repository.ts';
import { computeYearStats } from '../stats/year-stats.ts';
import { caseDataWarnings } from '../cases/checks.ts';
import { composeReport, type ActivityRow } from './compose.ts';
import { renderReportDocx } from './render-docx.ts';

const LIVE_IN_YEAR = (col: string) => `deleted_at IS NULL AND ${col} >= @from AND ${col} < @to`;

/** Data checks before export; reads dates and statuses only. */
export const CHECK_SQL = {
  inProgress: `SELECT COUNT(*) AS n FROM mediation_cases WHERE ${LIVE_IN_YEAR('accepted_on')} AND status = 'in_progress'`,
  closedBeforeAccepted: `SELECT COUNT(*) AS n FROM mediation_cases WHERE ${LIVE_IN_YEAR('accepted_on')}
    AND closed_on IS NOT NULL AND closed_on <> '' AND closed_on < accepted_on`,
  future: `SELECT
      (SELECT COUNT(*) FROM activities WHERE ${LIVE_IN_YEAR('date')} AND date > @today) +
      (SELECT COUNT(*) FROM mediation_cases WHERE ${LIVE_IN_YEAR('accepted_on')} AND (accepted_on > @today OR closed_on > @today)) +
      (SELECT COUNT(*) FROM inspections WHERE ${LIVE_IN_YEAR('date')} AND date > @today) +
      (SELECT COUNT(*) FROM work_items WHERE ${LIVE_IN_YEAR('date')} AND date > @today) AS n`,
  activityRows: `SELECT date, title, kind, village, place, audience FROM activities
    WHERE ${LIVE_IN_YEAR('date')} ORDER BY date, title`,
} as const;

export function localDate(d: Date): string {
  const p = (x: number) => String(x).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export function dataWarnings(db: Db, year: number, today: string): ReportWarning[] {
  const p = { from: `${year}-01-01`, to: `${year + 1}-01-01`, today };
  const out: ReportWarning[] = [];
  const n = (sql: string) => (prepared(db, sql).get(p) as { n: number }).n;
  const inProgress = n(CHECK_SQL.inProgress);
  if (inProgress > 0) out.push({ code: 'cases_in_progress', target: 'mediationCases', message: `有${inProgress}件调解案件仍为“调解中”，不计入调解成功率。请核实是否已结案。` });
  const bad = n(CHECK_SQL.closedBeforeAccepted);
  if (bad > 0) out.push({ code: 'impossible_dates', target: 'mediationCases', message: `有${bad}件调解案件的结案日期早于受理日期，请更正。` });
  const future = n(CHECK_SQL.future);
  if (future > 0) out.push({ code: 'future_dates', message: `有${future}条记录的日期晚于今天（${today}），请核实。` });
  // duplicate 案号 and 调结 cases without 结案日期 (issue 9)
  for (const w of caseDataWarnings(db, year)) out.push({ code: w.code, target: 'mediationCases', message: w.message });
  return out;
}

export function activityRows(db: Db, year: number): ActivityRow[] {
  const rows = prepared(db, CHECK_SQL.activityRows).all({ from: `${year}-01-01`, to: `${year + 1}-01-01` }) as ActivityRow[];
  for (const r of rows) r.kind = labelOf(ACTIVITY_KINDS, r.kind);
  return rows;
}

export function buildReportModel(ctx: CoreContext, year: number, appendix = false): ReportModel {
  const today = localDate(ctx.now());
  const stats = computeYearStats(ctx.db, year);
  const warnings = dataWarnings(ctx.db, year, today);
  const total = stats.activities.total + stats.mediation.total + stats.inspections.total + Object.keys(stats.work).length;
  if (total === 0) warnings.unshift({ code: 'no_records', message: `${year}年台账中还没有记录，报告只有框架和草稿。` });
  return composeReport({
    stats,
    profile: getProfile(ctx.db, year),
    settings: getSettings(ctx.db),
    today,
    dataWarnings: warnings,
    appendixActivities: appendix ? activityRows(ctx.db, year) : undefined,
  });
}

export async function exportReport(ctx: CoreContext, year: number, appendix = false): Promise<ReportExport> {
  const model = buildReportModel(ctx, year, appendix);
  const buf = await renderReportDocx(model);
  return { fileName: model.fileName, base64: buf.toString('base64'), bytes: buf.length };
}
