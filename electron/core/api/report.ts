// stats.* and report.* handlers.
import type { reportContract } from '../../shared/contract/report.ts';
import type { HandlersOf } from '../../shared/contract/index.ts';
import type { CoreContext } from '../context.ts';
import { buildReportModel, exportReport } from '../report/service.ts';
import { computeYearStats } from '../stats/year-stats.ts';

export const reportHandlers: HandlersOf<typeof reportContract, CoreContext> = {
  'stats.year': ({ year }, ctx) => computeYearStats(ctx.db, year),
  'report.model': ({ year, appendix }, ctx) => buildReportModel(ctx, year, appendix ?? false),
  'report.export': ({ year, appendix }, ctx) => exportReport(ctx, year, appendix ?? false),
};
