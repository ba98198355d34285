// 首页: the reminders of every kind and the year's dashboard (counts, 卷宗体检).
import { z } from 'zod';
import type { Dashboard, Reminders } from './cases.ts';
import { isoDate, method, prefixed, yearNumber } from './define.ts';

const date = isoDate;

export const homeContract = {
  ...prefixed('reminders', {
    list: method<Reminders>()(z.object({ date: date.optional() })),
  }),
  ...prefixed('dashboard', {
    get: method<Dashboard>()(z.object({ year: yearNumber })),
    /** cases of the year whose 卷宗 lacks something (卷宗体检, judged on `date`, default today) */
    incompleteCases: method<number>()(z.object({ year: yearNumber, date: date.optional() })),
  }),
};
