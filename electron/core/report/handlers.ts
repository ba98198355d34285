// report.*: the year-end report's model and its .docx.
import type { HandlersOf } from '../../shared/contract/index.ts';
import type { reportContract } from '../../shared/contract/report.ts';
import { isoNow, type CoreContext } from '../context.ts';
import { mutator } from '../mutator.ts';
import { useLedgerNumber } from './ledger-fix.ts';

// the report's composer and Word renderer (docx, jszip) load with the first report
const reportService = () => import('./service.ts');

export const reportHandlers: HandlersOf<typeof reportContract, CoreContext> = {
  'report.model': async ({ year, appendix, date }, ctx) => (await reportService()).buildReportModel(ctx, year, appendix ?? false, date),
  'report.export': async ({ year, appendix, date }, ctx) => (await reportService()).exportReport(ctx, year, appendix ?? false, date),
  'report.useLedgerNumber': mutator((input, ctx) => useLedgerNumber(ctx.db, input, isoNow(ctx))),
};
