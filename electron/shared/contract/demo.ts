// demo.*, demoData.*: the 示例数据 year, counted and cleared.
import { z } from 'zod';
import type { RegisterName } from '../registers.ts';
import { method, prefixed, yearNumber } from './define.ts';

export const demoContract = {
  ...prefixed('demo', {
    /** fills the year with a realistic demo ledger (refused when the year already has records) */
    generate: method<Record<RegisterName, number>>()(z.object({ year: yearNumber, seed: z.number().int().optional() })),
  }),
  ...prefixed('demoData', {
    /** how many demo records (示例数据) the ledger holds */
    count: method<Record<RegisterName, number>>()(z.object({})),
    /** moves the untouched demo records into the 回收站, after a backup (an edited one is the clerk's and stays) */
    clear: method<Record<RegisterName, number>>()(z.object({})),
  }),
};
