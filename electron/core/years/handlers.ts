// settings.*, years.*: the township's settings and the year profiles (年度信息).
import type { HandlersOf } from '../../shared/contract/index.ts';
import type { yearsContract } from '../../shared/contract/years.ts';
import { isoNow, type CoreContext } from '../context.ts';
import { mutator } from '../mutator.ts';
import { getSettings, updateSettings } from '../settings/settings.ts';
import { listYears, yearCounts } from './year-counts.ts';
import { getProfile, saveProfile } from './year-profiles.ts';

export const yearsHandlers: HandlersOf<typeof yearsContract, CoreContext> = {
  'settings.get': (_input, ctx) => getSettings(ctx.db),
  'settings.update': mutator((patch, ctx) => updateSettings(ctx.db, patch)),
  'years.list': (_input, ctx) => listYears(ctx),
  'years.getProfile': ({ year }, ctx) => getProfile(ctx.db, year),
  'years.saveProfile': mutator((patch, ctx) => saveProfile(ctx.db, patch, isoNow(ctx))),
  'years.counts': ({ year }, ctx) => yearCounts(ctx, year),
};
