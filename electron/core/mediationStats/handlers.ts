// mediationStats.*: the 人民调解 statistics of a month, quarter or year, and its report form.
import type { HandlersOf } from '../../shared/contract/index.ts';
import type { mediationStatsContract } from '../../shared/contract/mediationStats.ts';
import type { CoreContext } from '../context.ts';
import { exportMediationStats } from './export.ts';
import { computeMediationStats } from './compute.ts';

export const mediationStatsHandlers: HandlersOf<typeof mediationStatsContract, CoreContext> = {
  'mediationStats.compute': (q, ctx) => computeMediationStats(ctx.db, q),
  'mediationStats.exportXlsx': async (q, ctx) => {
    const f = await exportMediationStats(ctx, q);
    return { fileName: f.fileName, base64: f.bytes.toString('base64') };
  },
};
