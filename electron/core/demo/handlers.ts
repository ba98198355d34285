// demo.*, demoData.*: the 示例数据 year, counted and cleared.
import type { demoContract } from '../../shared/contract/demo.ts';
import type { HandlersOf } from '../../shared/contract/index.ts';
import { isoNow, type CoreContext } from '../context.ts';
import { createBackup } from '../backup/backup.ts';
import { mutator } from '../mutator.ts';
import { clearDemo, countDemo } from './demo-marks.ts';
import { generateDemoYear } from './demo-year.ts';

const clearInTransaction = mutator((_input: Record<string, never>, ctx: CoreContext) => clearDemo(ctx.db, isoNow(ctx)));

export const demoHandlers: HandlersOf<typeof demoContract, CoreContext> = {
  'demo.generate': mutator(({ year, seed }, ctx) => generateDemoYear(ctx, year, seed)),
  'demoData.count': (_input, ctx) => countDemo(ctx.db),
  // a backup first (a demo record may hold what the clerk added), then one BEGIN IMMEDIATE
  'demoData.clear': async (_input, ctx) => {
    if (ctx.dbPath !== ':memory:') await createBackup(ctx, 'before-clear');
    return clearInTransaction(_input, ctx);
  },
};
