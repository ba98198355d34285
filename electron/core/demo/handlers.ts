// demo.*, demoData.*: the 示例数据 year, counted and cleared.
import type { demoContract } from '../../shared/contract/demo.ts';
import type { HandlersOf } from '../../shared/contract/index.ts';
import type { CoreContext } from '../context.ts';
import { mutator } from '../db/mutator.ts';
import { clearDemo, countDemo } from './demo-marks.ts';
import { generateDemoYear } from './demo-year.ts';

export const demoHandlers: HandlersOf<typeof demoContract, CoreContext> = {
  'demo.generate': mutator(({ year, seed }, ctx) => generateDemoYear(ctx, year, seed)),
  'demoData.count': (_input, ctx) => countDemo(ctx.db),
  'demoData.clear': mutator((_input, ctx) => clearDemo(ctx.db)),
};
