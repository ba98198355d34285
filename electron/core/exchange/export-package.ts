// Export of a data package: one year or everything, optionally one department.
import type { ExportResult } from '../../shared/contract/ledger.ts';
import { REGISTERS, REGISTER_NAMES, type RegisterName } from '../../shared/registers.ts';
import type { YearProfile } from '../../shared/records.ts';
import { isoNow, type CoreContext } from '../context.ts';
import { getSettings } from '../ledger/settings.ts';
import { getProfile, profileYears } from '../ledger/year-profiles.ts';
import { allRecords } from '../registers/repository.ts';
import { AppError } from '../util/errors.ts';
import { PACKAGE_FORMAT, PACKAGE_KEYS, PACKAGE_VERSION, toPackageRecord } from './package-format.ts';

const setOnly = (o: Record<string, string | null>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null));

/** A year profile as data package v1 writes it: measures and their titles nest under narrative. */
export function profileToPackage(p: YearProfile): Record<string, unknown> {
  const out: Record<string, unknown> = { year: p.year };
  for (const [k, v] of Object.entries(p)) {
    if (k === 'year' || k === 'narrative' || k === 'measures' || k === 'measureTitles' || v === null) continue;
    out[k] = v;
  }
  const narrative: Record<string, unknown> = setOnly(p.narrative);
  const measures = setOnly(p.measures);
  const titles = setOnly(p.measureTitles);
  if (Object.keys(measures).length) narrative.measures = measures;
  if (Object.keys(titles).length) narrative.measureTitles = titles;
  if (Object.keys(narrative).length) out.narrative = narrative;
  return out;
}

export function buildPackage(ctx: CoreContext, opts: { year?: number; department?: string }): { pkg: Record<string, unknown>; counts: Record<RegisterName, number> } {
  const township = getSettings(ctx.db).township;
  if (!township) throw new AppError('invalid_input', '尚未设置乡镇名称和发文机关，无法导出数据包。请先在“设置”中填写。');
  const years = opts.year !== undefined ? [opts.year] : profileYears(ctx.db).sort();
  const pkg: Record<string, unknown> = {
    format: PACKAGE_FORMAT,
    version: PACKAGE_VERSION,
    exportedAt: isoNow(ctx),
    ...(opts.department ? { department: opts.department } : {}),
    township: { name: township.name, authority: township.authority, ...(township.superior ? { superior: township.superior } : {}) },
    years: years.map((y) => getProfile(ctx.db, y)).filter((p) => p.updatedAt !== null).map(profileToPackage),
  };
  const counts = {} as Record<RegisterName, number>;
  for (const r of REGISTER_NAMES) {
    const recs = allRecords<Record<string, unknown>>(ctx.db, REGISTERS[r], { year: opts.year, department: opts.department });
    counts[r] = recs.length;
    pkg[PACKAGE_KEYS[r]] = recs.map((rec) => toPackageRecord(r, rec));
  }
  return { pkg, counts };
}

export function exportPackage(ctx: CoreContext, opts: { year?: number; department?: string }): ExportResult {
  const { pkg, counts } = buildPackage(ctx, opts);
  const township = (pkg.township as { name: string }).name;
  const stamp = isoNow(ctx).slice(0, 10).replace(/-/g, '');
  const fileName = `${township}${opts.department ?? ''}${opts.year ? `${opts.year}年` : '全部'}台账数据包-${stamp}.json`;
  return { fileName, content: `${JSON.stringify(pkg, null, 2)}\n`, counts };
}
