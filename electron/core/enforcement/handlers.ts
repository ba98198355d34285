// enforcement.* handlers: the 行政执法数据年度公开.
import type { enforcementContract } from '../../shared/contract/enforcement.ts';
import type { HandlersOf } from '../../shared/contract/index.ts';
import type { CoreContext } from '../context.ts';
import { buildEnforcementModel, enforcementChecks, exportEnforcement, exportEnforcementXlsx } from './service.ts';

export const enforcementHandlers: HandlersOf<typeof enforcementContract, CoreContext> = {
  'enforcement.model': ({ year, date }, ctx) => buildEnforcementModel(ctx, year, date),
  'enforcement.export': ({ year, date }, ctx) => exportEnforcement(ctx, year, date),
  'enforcement.exportXlsx': ({ year }, ctx) => exportEnforcementXlsx(ctx, year),
  'enforcement.checks': ({ year }, ctx) => enforcementChecks(ctx, year),
};
