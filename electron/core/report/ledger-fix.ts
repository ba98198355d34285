// 改为台账数字: the one-click fix of a 必须核对 item — the clerk's contradicting number
// is rewritten with the ledger's in the stored text. Only a fix the 审稿 list offers
// now is applied (the ledger may have changed since the page was drawn).
import { MEASURE_KEYS, NARRATIVE_KEYS, type MeasureKey, type NarrativeKey } from '../../shared/records.ts';
import type { LedgerFix } from '../../shared/contract/report.ts';
import type { Db } from '../db/connection.ts';
import { computeYearStats } from '../stats/year-stats.ts';
import { AppError } from '../util/errors.ts';
import { getProfile, saveProfile } from '../years/year-profiles.ts';
import { findContradictions } from './consistency.ts';

export function useLedgerNumber(db: Db, input: LedgerFix & { year: number }, updatedAt: string): { section: string; text: string } {
  const profile = getProfile(db, input.year);
  const c = findContradictions(computeYearStats(db, input.year), profile).find(
    (x) => x.section === input.section && x.found === input.found && x.replacement === input.replacement,
  );
  if (!c)
    throw new AppError('invalid_input', `没有改成：${input.year}年报告中“${input.found}”已不是与台账不一致的数字（可能已改过，或台账已变），请刷新审稿列表。`, [
      { field: input.section, message: '这处数字已不需要改为台账数字' },
    ]);
  const measure = input.section.startsWith('measure-') ? (input.section.slice('measure-'.length) as MeasureKey) : null;
  if (measure && !(MEASURE_KEYS as readonly string[]).includes(measure)) throw new AppError('invalid_input', `没有“${input.section}”这一节`);
  const key = measure ? null : (input.section as NarrativeKey);
  if (key && !(NARRATIVE_KEYS as readonly string[]).includes(key)) throw new AppError('invalid_input', `没有“${input.section}”这一节`);
  const before = (measure ? profile.measures[measure] : profile.narrative[key!]) ?? '';
  const text = before.replace(c.found, c.replacement);
  if (measure) saveProfile(db, { year: input.year, measures: { [measure]: text } }, updatedAt);
  else saveProfile(db, { year: input.year, narrative: { [key!]: text } }, updatedAt);
  return { section: input.section, text };
}
