// stats.*: the year's figures.
import type { HandlersOf } from '../../shared/contract/index.ts';
import type { statsContract } from '../../shared/contract/stats.ts';
import type { CoreContext } from '../context.ts';
import { computeYearStats } from './year-stats.ts';

export const statsHandlers: HandlersOf<typeof statsContract, CoreContext> = {
  'stats.year': ({ year }, ctx) => computeYearStats(ctx.db, year),
};
