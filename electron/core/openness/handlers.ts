// openness.* handlers: the 政务公开年报.
import type { opennessContract } from '../../shared/contract/openness.ts';
import type { HandlersOf } from '../../shared/contract/index.ts';
import type { CoreContext } from '../context.ts';
import { opennessReview } from './checks.ts';
import { buildOpennessModel, exportOpenness, opennessStatus } from './service.ts';

export const opennessHandlers: HandlersOf<typeof opennessContract, CoreContext> = {
  'openness.model': ({ year, date }, ctx) => buildOpennessModel(ctx, year, date),
  'openness.export': ({ year, date }, ctx) => exportOpenness(ctx, year, date),
  'openness.checks': ({ year }, ctx) => opennessReview(ctx.db, year),
  'openness.status': ({ year }, ctx) => opennessStatus(ctx, year),
};
