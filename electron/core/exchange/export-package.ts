// Export of a data package: one year or everything, optionally one department.
import { localDateStamp } from '../util/local-date.ts';
import type { ExportResult } from '../../shared/contract/exchange.ts';
import { REGISTERS, REGISTER_NAMES, type RegisterName } from '../../shared/registers.ts';
import type { YearProfile } from '../../shared/records.ts';
import { opennessToPackage } from '../../shared/openness.ts';
import { emptyEnforcementDoc } from '../../shared/enforcement.ts';
import { isoNow, type CoreContext } from '../context.ts';
import { getSettings } from '../settings/settings.ts';
import { getProfile, profileYears } from '../years/year-profiles.ts';
import { allRecords } from '../registers/repository.ts';
import { rowToRecord } from '../registers/mapping.ts';
import { AppError } from '../util/errors.ts';
import { loadPartyNames, maskDeep, maskRecordTexts as maskRecord, type NameIndex } from '../privacy/screen.ts';
import { addEnterpriseData } from '../enterprise/package.ts';
import { PACKAGE_FORMAT, PACKAGE_KEYS, PACKAGE_VERSION, toPackageRecord } from './package-format.ts';

const setOnly = (o: Record<string, string | null>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null));

/** A year profile as data package v1 writes it: measures and their titles nest under narrative. */
export function profileToPackage(p: YearProfile): Record<string, unknown> {
  const out: Record<string, unknown> = { year: p.year };
  for (const [k, v] of Object.entries(p)) {
    if (k === 'year' || k === 'narrative' || k === 'measures' || k === 'measureTitles' || k === 'openness' || v === null) continue;
    if (k === 'enforcementDoc') {
      // the 行政执法数据's texts and settings, when the clerk has set any (a backup keeps them)
      if (JSON.stringify(v) !== JSON.stringify(emptyEnforcementDoc())) out[k] = v;
      continue;
    }
    if (k === 'enforcementActs') {
      // only the counts filled in; none: no key
      const acts = Object.fromEntries(Object.entries(v as Record<string, number | null>).filter(([, n]) => n !== null));
      if (Object.keys(acts).length) out[k] = acts;
      continue;
    }
    out[k] = v;
  }
  const narrative: Record<string, unknown> = setOnly(p.narrative);
  const measures = setOnly(p.measures);
  const titles = setOnly(p.measureTitles);
  if (Object.keys(measures).length) narrative.measures = measures;
  if (Object.keys(titles).length) narrative.measureTitles = titles;
  const openness = opennessToPackage(p.openness);
  Object.assign(out, openness.flat);
  if (openness.narrative) narrative.openness = openness.narrative;
  if (Object.keys(narrative).length) out.narrative = narrative;
  return out;
}

function carriedRequests(ctx: CoreContext, year: number, department?: string): Record<string, unknown>[] {
  const def = REGISTERS.disclosureRequests;
  const rows = ctx.db
    .prepare(
      `SELECT * FROM ${def.table} WHERE deleted_at IS NULL AND received_on < ?
      AND (result IS NULL OR result_on IS NULL OR result_on >= ?)${department !== undefined ? ' AND department = ?' : ''}
    ORDER BY received_on, id`,
    )
    .all(`${year}-01-01`, `${year}-01-01`, ...(department !== undefined ? [department] : [])) as Record<string, unknown>[];
  return rows.map((row) => rowToRecord<Record<string, unknown>>(def, row));
}

/** Penalties inspected before the year and decided in it: the year's 行政执法数据 counts them (表一). */
function carriedPenalties(ctx: CoreContext, year: number, department?: string): Record<string, unknown>[] {
  const def = REGISTERS.inspections;
  const rows = ctx.db
    .prepare(
      `SELECT * FROM ${def.table} WHERE deleted_at IS NULL AND date < ? AND outcome = 'penalty'
      AND penalty_decided_on >= ? AND penalty_decided_on < ?${department !== undefined ? ' AND department = ?' : ''}
    ORDER BY date, id`,
    )
    .all(`${year}-01-01`, `${year}-01-01`, `${year + 1}-01-01`, ...(department !== undefined ? [department] : [])) as Record<string, unknown>[];
  return rows.map((row) => rowToRecord<Record<string, unknown>>(def, row));
}

export function buildPackage(
  ctx: CoreContext,
  opts: { year?: number; department?: string; withPersonal?: boolean },
): { pkg: Record<string, unknown>; counts: Record<RegisterName, number> } {
  const township = getSettings(ctx.db).township;
  if (!township) throw new AppError('invalid_input', '尚未设置乡镇名称和发文机关，无法导出数据包。请先在“设置”中填写。');
  let index: NameIndex | undefined;
  const names = () => (index ??= loadPartyNames(ctx.db));
  const years = opts.year !== undefined ? [opts.year] : profileYears(ctx.db).sort();
  const pkg: Record<string, unknown> = {
    format: PACKAGE_FORMAT,
    version: PACKAGE_VERSION,
    exportedAt: isoNow(ctx),
    ...(opts.department ? { department: opts.department } : {}),
    // informative only (readers ignore unknown keys): 当事人等个人信息 left out unless the clerk ticked it
    personalData: !!opts.withPersonal,
    township: { name: township.name, authority: township.authority, ...(township.superior ? { superior: township.superior } : {}) },
    years: years
      .map((y) => getProfile(ctx.db, y))
      .filter((p) => p.updatedAt !== null)
      .map(profileToPackage)
      // the report texts, masked like the records when personal data stays out
      .map((y) => (opts.withPersonal || !y.narrative ? y : { ...y, narrative: maskDeep(y.narrative, names()) })),
  };
  // 涉企行政检查: the 检查事项清单 and the years' 检查计划 (issue 21)
  addEnterpriseData(ctx.db, pkg, opts.year);
  const counts = {} as Record<RegisterName, number>;
  for (const r of REGISTER_NAMES) {
    const recs = allRecords<Record<string, unknown>>(ctx.db, REGISTERS[r], { year: opts.year, department: opts.department });
    // a year's 政务公开年报 also counts the requests carried over from earlier years (上年结转):
    // a year's package carries them, so the report can be written from the package alone
    if (r === 'disclosureRequests' && opts.year !== undefined) recs.unshift(...carriedRequests(ctx, opts.year, opts.department));
    // and its 行政执法数据 the penalties inspected the year before and decided in this one
    if (r === 'inspections' && opts.year !== undefined) recs.unshift(...carriedPenalties(ctx, opts.year, opts.department));
    counts[r] = recs.length;
    pkg[PACKAGE_KEYS[r]] = recs.map((rec) => toPackageRecord(r, opts.withPersonal ? rec : maskRecord(r, rec, names()), { withPersonal: !!opts.withPersonal }));
  }
  return { pkg, counts };
}

export function exportPackage(ctx: CoreContext, opts: { year?: number; department?: string; withPersonal?: boolean }): ExportResult {
  const { pkg, counts } = buildPackage(ctx, opts);
  const township = (pkg.township as { name: string }).name;
  const stamp = localDateStamp(ctx.now());
  const fileName = `${township}${opts.department ?? ''}${opts.year ? `${opts.year}年` : '全部'}台账数据包-${stamp}.json`;
  return { fileName, content: `${JSON.stringify(pkg, null, 2)}\n`, counts };
}
