// 案号 of 人民调解案件: assigned as the next number of the year in the pattern set in
// 设置 (default {简称}调〔{年度}〕{序号}号), and unique within the year of 受理.
import { DEFAULT_CASE_NO_PATTERN } from '../../shared/records.ts';
import type { Db } from '../db/connection.ts';
import { getSettings } from '../years/settings.ts';
import { prepared } from '../registers/repository.ts';
import { DISPUTE_TYPES, labelOf } from '../../shared/enums.ts';

/** 清河镇 → 清河; 小陶乡 → 小陶; 城关街道 → 城关 (the 简称 a 案号 uses). */
export function shortName(township: string): string {
  const s = township.trim().replace(/(街道办事处|街道|镇|乡|苏木)$/, '');
  return s || township.trim();
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function parts(pattern: string, township: string, year: number): { before: string; after: string; pad: number } {
  const m = /\{序号(?::(\d))?\}/.exec(pattern);
  const fill = (s: string) => s.replaceAll('{简称}', shortName(township)).replaceAll('{乡镇}', township.trim()).replaceAll('{年度}', String(year));
  if (!m) return { before: fill(pattern), after: '', pad: 0 };
  return { before: fill(pattern.slice(0, m.index)), after: fill(pattern.slice(m.index + m[0].length)), pad: Number(m[1] ?? 0) };
}

/** The 案号 of number n in the pattern. */
export function formatCaseNo(pattern: string, township: string, year: number, n: number): string {
  const p = parts(pattern, township, year);
  return `${p.before}${String(n).padStart(p.pad, '0')}${p.after}`;
}

/** The 序号 of a 案号 written in the pattern, else null. */
export function sequenceOf(pattern: string, township: string, year: number, caseNo: string): number | null {
  const p = parts(pattern, township, year);
  const m = new RegExp(`^${escapeRe(normalizeCaseNo(p.before))}0*(\\d{1,6})${escapeRe(normalizeCaseNo(p.after))}$`).exec(normalizeCaseNo(caseNo));
  return m ? Number(m[1]) : null;
}

/**
 * How two 案号 are compared: brackets typed as [] ［］ () （） 【】 or 〔〕 alike,
 * spaces ignored. 清河调[2025]201号 and 清河调〔2025〕201号 are the same number.
 */
export function normalizeCaseNo(s: string): string {
  return s
    .replace(/\s+/g, '')
    .replace(/[[［(（【〔]/g, '〔')
    .replace(/[\]］)）】〕]/g, '〕');
}

interface CaseNoRow {
  id: string;
  caseNo: string;
  acceptedOn: string;
  type: string;
  deleted: number;
}

function caseNosOfYear(db: Db, year: number): CaseNoRow[] {
  return prepared(
    db,
    `SELECT id, case_no AS caseNo, accepted_on AS acceptedOn, type, deleted_at IS NOT NULL AS deleted
    FROM mediation_cases WHERE accepted_on >= ? AND accepted_on < ? AND case_no IS NOT NULL AND case_no <> ''`,
  ).all(`${year}-01-01`, `${year + 1}-01-01`) as CaseNoRow[];
}

/** The next free 案号 of the year: one more than the highest 序号 in the pattern (回收站 included, so a number is never reused). */
export function nextCaseNo(db: Db, year: number): string {
  const s = getSettings(db);
  const pattern = s.caseNoPattern || DEFAULT_CASE_NO_PATTERN;
  const township = s.township?.name ?? '';
  let max = 0;
  for (const r of caseNosOfYear(db, year)) {
    const n = sequenceOf(pattern, township, year, r.caseNo);
    if (n !== null && n > max) max = n;
  }
  return formatCaseNo(pattern, township, year, max + 1);
}

/** “2025-03-02 受理的邻里纠纷”: names a case without personal data. */
export function describeCase(c: { acceptedOn: string; type: string; id: string; caseNo?: string | null }): string {
  return `${c.caseNo ? `${c.caseNo}，` : ''}${c.acceptedOn}受理的${labelOf(DISPUTE_TYPES, c.type)}纠纷`;
}

/** Another live case of the same year with this 案号, else null. */
export function findDuplicateCaseNo(db: Db, caseNo: string, acceptedOn: string, exceptId: string | null): CaseNoRow | null {
  const year = Number(acceptedOn.slice(0, 4));
  const want = normalizeCaseNo(caseNo);
  return caseNosOfYear(db, year).find((r) => !r.deleted && r.id !== exceptId && normalizeCaseNo(r.caseNo) === want) ?? null;
}

/** A 案号 not in its normal form (a space of any kind, or brackets other than 〔〕): the few values normalizeCaseNo changes. */
const ODD_CASE_NO = /[\s[［(（【\]］)）】]/;

/**
 * Groups of live cases sharing a 案号 within a year (existing data, listed as data warnings).
 * One pass over the 案号 index (case_no, accepted_on; its entries carry the rowid, so no
 * table row is read): each number keyed by its year and normal form in JS (normalised
 * only when written oddly), then only the rows of a repeated number are fetched.
 */
export function duplicateCaseNos(db: Db, year?: number): { year: number; caseNo: string; cases: CaseNoRow[] }[] {
  const live = `deleted_at IS NULL AND case_no IS NOT NULL AND case_no <> ''${year === undefined ? '' : ' AND accepted_on >= @from AND accepted_on < @to'}`;
  const params = year === undefined ? {} : { from: `${year}-01-01`, to: `${year + 1}-01-01` };
  const entries = prepared(db, `SELECT rowid, case_no, accepted_on FROM mediation_cases INDEXED BY mediation_cases_case_no WHERE ${live}`)
    .raw()
    .all(params) as [number, string, string][];
  const seen = new Map<string, number | number[]>();
  const repeated: number[][] = [];
  for (const [rowid, caseNo, acceptedOn] of entries) {
    const k = `${acceptedOn.slice(0, 4)}|${ODD_CASE_NO.test(caseNo) ? normalizeCaseNo(caseNo) : caseNo}`;
    const g = seen.get(k);
    if (g === undefined) seen.set(k, rowid);
    else if (typeof g === 'number') {
      const group = [g, rowid];
      seen.set(k, group);
      repeated.push(group);
    } else g.push(rowid);
  }
  if (!repeated.length) return [];
  const byRowid = prepared(db, 'SELECT id, case_no AS caseNo, accepted_on AS acceptedOn, type, 0 AS deleted FROM mediation_cases WHERE rowid = ?');
  return repeated.map((rowids) => {
    const cases = rowids.map((r) => byRowid.get(r) as CaseNoRow).sort((a, b) => a.acceptedOn.localeCompare(b.acceptedOn));
    return { year: Number(cases[0].acceptedOn.slice(0, 4)), caseNo: cases[0].caseNo, cases };
  });
}
