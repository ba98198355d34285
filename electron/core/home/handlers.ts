// reminders.list, dashboard.*: 首页 — the reminders of every kind and the year's figures.
import type { homeContract } from '../../shared/contract/home.ts';
import type { HandlersOf } from '../../shared/contract/index.ts';
import type { CoreContext } from '../context.ts';
import { localDate } from '../util/local-date.ts';
import { dashboardOf, incompleteCasesOf } from './dashboard.ts';
import { computeReminders } from './reminders.ts';

export const homeHandlers: HandlersOf<typeof homeContract, CoreContext> = {
  'reminders.list': ({ date }, ctx) => computeReminders(ctx.db, date ?? localDate(ctx.now())),
  'dashboard.get': ({ year }, ctx) => dashboardOf(ctx.db, year),
  'dashboard.incompleteCases': ({ year, date }, ctx) => incompleteCasesOf(ctx.db, year, date ?? localDate(ctx.now())),
};
