// stats.* and report.* handlers.
import type { reportContract } from '../../shared/contract/report.ts';
import type { HandlersOf } from '../../shared/contract/index.ts';
import type { CoreContext } from '../context.ts';
import { computeYearStats } from '../stats/year-stats.ts';

// the report's composer and Word renderer (docx, jszip) load with the first report
const reportService = () => import('../report/service.ts');

export const reportHandlers: HandlersOf<typeof reportContract, CoreContext> = {
  'stats.year': ({ year }, ctx) => computeYearStats(ctx.db, year),
  'report.model': async ({ year, appendix }, ctx) => (await reportService()).buildReportModel(ctx, year, appendix ?? false),
  'report.export': async ({ year, appendix }, ctx) => (await reportService()).exportReport(ctx, year, appendix ?? false),
};
