// report.*: the year-end report's model and its .docx.
import type { HandlersOf } from '../../shared/contract/index.ts';
import type { reportContract } from '../../shared/contract/report.ts';
import type { CoreContext } from '../context.ts';

// the report's composer and Word renderer (docx, jszip) load with the first report
const reportService = () => import('./service.ts');

export const reportHandlers: HandlersOf<typeof reportContract, CoreContext> = {
  'report.model': async ({ year, appendix }, ctx) => (await reportService()).buildReportModel(ctx, year, appendix ?? false),
  'report.export': async ({ year, appendix }, ctx) => (await reportService()).exportReport(ctx, year, appendix ?? false),
};
