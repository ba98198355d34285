// Per-year figures (调委会, 持证人员 …) and the clerk's narrative texts.
import {
  emptyMeasures,
  MEASURE_KEYS,
  orderedMeasureKeys,
  NARRATIVE_KEYS,
  PROFILE_FIGURE_KEYS,
  type MeasureKey,
  type Measures,
  type Narrative,
  type YearProfile,
} from '../../shared/records.ts';
import { emptyOpenness, parseOpenness } from '../../shared/openness.ts';
import {
  emptyEnforcementActs,
  emptyEnforcementDoc,
  ENFORCEMENT_ACT_KEYS,
  parseEnforcementActs,
  parseEnforcementDoc,
  readJsonObject,
} from '../../shared/enforcement.ts';
import type { Db } from '../db/connection.ts';
import { prepared } from '../db/statements.ts';
import { AppError } from '../util/errors.ts';
import { OPENNESS_COLUMNS, opennessFromRow, opennessValues } from './openness-profile.ts';

const FIGURE_COLUMNS: Record<(typeof PROFILE_FIGURE_KEYS)[number], string> = {
  mediationCommittees: 'mediation_committees',
  mediators: 'mediators',
  mediationRooms: 'mediation_rooms',
  certifiedEnforcers: 'certified_enforcers',
  enforcementQuota: 'enforcement_quota',
  enforcementActual: 'enforcement_actual',
  lawLiterates: 'law_literates',
};

const NARRATIVE_COLUMNS: Record<keyof Narrative, string> = {
  intro: 'narrative_intro',
  leaderDuties: 'narrative_leader_duties',
  shortcomings: 'narrative_shortcomings',
  nextYearPlan: 'narrative_next_year_plan',
  other: 'narrative_other',
};

export function emptyProfile(year: number): YearProfile {
  return {
    year,
    mediationCommittees: null,
    mediators: null,
    mediationRooms: null,
    certifiedEnforcers: null,
    enforcementQuota: null,
    enforcementActual: null,
    lawLiterates: null,
    reportDate: null,
    narrative: { intro: null, leaderDuties: null, shortcomings: null, nextYearPlan: null, other: null },
    openness: emptyOpenness(),
    measures: emptyMeasures(),
    measureTitles: emptyMeasures(),
    noReviewOrLitigation: null,
    enforcersRequired: null,
    enforcementActs: emptyEnforcementActs(),
    enforcementDoc: emptyEnforcementDoc(),
    measureOrder: null,
    sectionOrder: 'regulation',
    updatedAt: null,
  };
}

/** A stored JSON object of measure texts; unknown keys and non-strings are dropped. */
function readMeasures(json: unknown): Measures {
  const out = emptyMeasures();
  if (typeof json !== 'string' || !json) return out;
  let obj: unknown;
  try {
    obj = JSON.parse(json);
  } catch {
    return out;
  }
  if (!obj || typeof obj !== 'object') return out;
  for (const k of MEASURE_KEYS) {
    const v = Object.hasOwn(obj, k) ? (obj as Record<string, unknown>)[k] : undefined;
    if (typeof v === 'string' && v.trim() !== '') out[k] = v;
  }
  return out;
}

/** A stored measureOrder: known keys once each, the others appended; null when unset or unreadable. */
function readOrder(json: unknown): MeasureKey[] | null {
  if (typeof json !== 'string' || !json) return null;
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? orderedMeasureKeys(v.filter((x): x is string => typeof x === 'string')) : null;
  } catch {
    return null;
  }
}

function writeMeasures(m: Measures): string | null {
  const set = MEASURE_KEYS.filter((k) => m[k] != null);
  return set.length ? JSON.stringify(Object.fromEntries(set.map((k) => [k, m[k]]))) : null;
}

export function getProfile(db: Db, year: number): YearProfile {
  const row = prepared(db, 'SELECT * FROM year_profiles WHERE year = ?').get(year) as Record<string, unknown> | undefined;
  const p = emptyProfile(year);
  if (!row) return p;
  for (const k of PROFILE_FIGURE_KEYS) p[k] = (row[FIGURE_COLUMNS[k]] as number | null) ?? null;
  for (const k of NARRATIVE_KEYS) p.narrative[k] = (row[NARRATIVE_COLUMNS[k]] as string | null) ?? null;
  p.reportDate = (row.report_date as string | null) ?? null;
  p.openness = opennessFromRow(row);
  p.measures = readMeasures(row.narrative_measures);
  p.measureTitles = readMeasures(row.narrative_measure_titles);
  p.noReviewOrLitigation = row.no_review_or_litigation == null ? null : row.no_review_or_litigation === 1;
  p.enforcersRequired = (row.enforcers_required as number | null) ?? null;
  // stored as written by saveProfile: a damaged value reads as not filled in
  const ignore = () => undefined;
  p.enforcementActs = parseEnforcementActs(readJsonObject(row.enforcement_acts), p.enforcementActs, ignore);
  p.enforcementDoc = parseEnforcementDoc(readJsonObject(row.enforcement_doc), p.enforcementDoc, ignore);
  p.measureOrder = readOrder(row.measure_order);
  p.sectionOrder = row.section_order === 'leaderDutiesSecond' ? 'leaderDutiesSecond' : 'regulation';
  p.updatedAt = (row.updated_at as string | null) ?? null;
  return p;
}

export function profileExists(db: Db, year: number): boolean {
  return !!prepared(db, 'SELECT 1 FROM year_profiles WHERE year = ?').get(year);
}

export type ProfilePatch = Partial<
  Omit<YearProfile, 'year' | 'narrative' | 'measures' | 'measureTitles' | 'updatedAt' | 'openness' | 'sectionOrder' | 'enforcementActs' | 'enforcementDoc'>
> & {
  /** keys given are written (checked by parseEnforcementActs / parseEnforcementDoc) */
  enforcementActs?: Record<string, unknown>;
  enforcementDoc?: Record<string, unknown>;
  year: number;
  sectionOrder?: YearProfile['sectionOrder'] | null;
  narrative?: Partial<Narrative>;
  measures?: Partial<Measures>;
  measureTitles?: Partial<Measures>;
  /** openness keys given are written (checked by parseOpenness) */
  openness?: Record<string, unknown>;
};

const oneLine = (s: string | null | undefined) => (s == null || s.trim() === '' ? null : s.replace(/\s*[\r\n]+\s*/g, '').trim());

const blankToNull = (s: string | null | undefined) => (s == null || s.trim() === '' ? null : s.replace(/\r\n?/g, '\n'));

/** Writes the given keys only (narrative keys merge); returns the stored profile. */
export function saveProfile(db: Db, patch: ProfilePatch, updatedAt: string): YearProfile {
  const next = getProfile(db, patch.year);
  for (const k of PROFILE_FIGURE_KEYS) if (patch[k] !== undefined) next[k] = patch[k] ?? null;
  if (patch.reportDate !== undefined) next.reportDate = patch.reportDate ?? null;
  for (const k of NARRATIVE_KEYS) {
    if (patch.narrative && patch.narrative[k] !== undefined) next.narrative[k] = blankToNull(patch.narrative[k]);
  }
  if (patch.openness) {
    const issues: { field: string; message: string }[] = [];
    next.openness = parseOpenness({ openness: patch.openness }, next.openness, (message, field) => issues.push({ field, message }));
    if (issues.length) throw new AppError('invalid_input', `年度信息未保存：${issues.map((i) => i.message).join('；')}`, issues);
  }
  for (const k of MEASURE_KEYS) {
    if (patch.measures && patch.measures[k] !== undefined) next.measures[k] = blankToNull(patch.measures[k]);
    if (patch.measureTitles && patch.measureTitles[k] !== undefined) next.measureTitles[k] = oneLine(patch.measureTitles[k]);
  }
  if (patch.noReviewOrLitigation !== undefined) next.noReviewOrLitigation = patch.noReviewOrLitigation;
  if (patch.enforcersRequired !== undefined) next.enforcersRequired = patch.enforcersRequired ?? null;
  if (patch.enforcementActs || patch.enforcementDoc) {
    const issues: { field: string; message: string }[] = [];
    const fail = (message: string, field: string) => issues.push({ field, message });
    next.enforcementActs = parseEnforcementActs(patch.enforcementActs, next.enforcementActs, fail);
    next.enforcementDoc = parseEnforcementDoc(patch.enforcementDoc, next.enforcementDoc, fail);
    if (issues.length) throw new AppError('invalid_input', `年度信息未保存：${issues.map((i) => i.message).join('；')}`, issues);
  }
  if (patch.measureOrder !== undefined) next.measureOrder = patch.measureOrder ? orderedMeasureKeys(patch.measureOrder) : null;
  if (patch.sectionOrder !== undefined) next.sectionOrder = patch.sectionOrder ?? 'regulation';
  writeProfile(db, next, updatedAt);
  return getProfile(db, patch.year);
}

/** Stores a whole profile as given. */
export function writeProfile(db: Db, p: YearProfile, updatedAt: string): void {
  const cols = [
    ...Object.values(FIGURE_COLUMNS),
    'report_date',
    ...Object.values(NARRATIVE_COLUMNS),
    'narrative_measures',
    'narrative_measure_titles',
    'no_review_or_litigation',
    'measure_order',
    'section_order',
    ...OPENNESS_COLUMNS,
    'enforcers_required',
    'enforcement_acts',
    'enforcement_doc',
    'updated_at',
  ];
  const values = [
    ...PROFILE_FIGURE_KEYS.map((k) => p[k]),
    p.reportDate,
    ...NARRATIVE_KEYS.map((k) => p.narrative[k]),
    writeMeasures(p.measures),
    writeMeasures(p.measureTitles),
    p.noReviewOrLitigation == null ? null : p.noReviewOrLitigation ? 1 : 0,
    p.measureOrder ? JSON.stringify(p.measureOrder) : null,
    p.sectionOrder === 'leaderDutiesSecond' ? 'leaderDutiesSecond' : null,
    ...opennessValues(p.openness),
    p.enforcersRequired,
    ENFORCEMENT_ACT_KEYS.some((k) => p.enforcementActs[k] !== null) ? JSON.stringify(p.enforcementActs) : null,
    JSON.stringify(p.enforcementDoc) === JSON.stringify(emptyEnforcementDoc()) ? null : JSON.stringify(p.enforcementDoc),
    updatedAt,
  ];
  prepared(
    db,
    `INSERT INTO year_profiles (year, ${cols.join(', ')}) VALUES (?, ${cols.map(() => '?').join(', ')})
    ON CONFLICT(year) DO UPDATE SET ${cols.map((c) => `${c} = excluded.${c}`).join(', ')}`,
  ).run(p.year, ...values);
}

export function profileYears(db: Db): number[] {
  return (prepared(db, 'SELECT year FROM year_profiles ORDER BY year DESC').all() as { year: number }[]).map((r) => r.year);
}
