// The statistics of a period as the .xlsx report form, named by township and period.
import type { MediationStatsBy } from '../../shared/contract/mediationStats.ts';
import type { CoreContext } from '../context.ts';
import { getSettings } from '../settings/settings.ts';
import { computeMediationStats, type PeriodQuery } from './compute.ts';
import { renderMediationStatsXlsx } from './render-xlsx.ts';

const BY_NAME = { type: '', village: '（按村）', committee: '（按调委会）' } as const;

export async function exportMediationStats(ctx: CoreContext, q: PeriodQuery & { by?: MediationStatsBy }): Promise<{ fileName: string; bytes: Buffer }> {
  const stats = computeMediationStats(ctx.db, q);
  const township = getSettings(ctx.db).township;
  // the 司法所 files the monthly statistics; without a township set, the line is left to fill in by hand
  const authority = township ? `${township.name}司法所` : '';
  const bytes = await renderMediationStatsXlsx(stats, { authority, filledOn: ctx.now() });
  return { fileName: `${stats.township}人民调解统计表-${stats.period.label}${BY_NAME[stats.by]}.xlsx`, bytes };
}
