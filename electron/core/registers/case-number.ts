// 案号 of 人民调解案件: assigned as the next number of the year in the pattern set in
// 设置 (default {简称}调〔{年度}〕{序号}号), and unique within the year of 受理.
import { DEFAULT_CASE_NO_PATTERN } from '../../shared/records.ts';
import type { Db } from '../db/connection.ts';
import { getSettings } from '../settings/settings.ts';
import { prepared } from '../db/statements.ts';
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

/** Reads the 序号 of 案号 written in the pattern of a year (the pattern compiled once). */
export function sequenceReader(pattern: string, township: string, year: number): (caseNo: string) => number | null {
  const p = parts(pattern, township, year);
  const re = new RegExp(`^${escapeRe(normalizeCaseNo(p.before))}0*(\\d{1,6})${escapeRe(normalizeCaseNo(p.after))}$`);
  return (caseNo) => {
    const m = re.exec(normalizeCaseNo(caseNo));
    return m ? Number(m[1]) : null;
  };
}

/** The 序号 of a 案号 written in the pattern, else null. */
export function sequenceOf(pattern: string, township: string, year: number, caseNo: string): number | null {
  return sequenceReader(pattern, township, year)(caseNo);
}

/** Characters nobody sees: zero-width spaces and joiners, the BOM, the soft hyphen, word joiners. */
const INVISIBLE_RE = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g;

/**
 * How two 案号 are compared: full-width letters and digits as half-width (１３２ = 132),
 * brackets typed as [] ［］ () （） 【】 or 〔〕 alike, spaces and invisible characters
 * (a zero-width space pasted from a chat) ignored, and leading zeros of a number dropped
 * (0132 = 132). 清河调[2025]0132号 and 清河调〔2025〕１３２号 are the same number.
 */
export function normalizeCaseNo(s: string): string {
  return s
    .normalize('NFKC')
    .replace(INVISIBLE_RE, '')
    .replace(/\s+/g, '')
    .replace(/[[［(（【〔]/g, '〔')
    .replace(/[\]］)）】〕]/g, '〕')
    .replace(/(^|\D)0+(?=\d)/g, '$1');
}

interface CaseNoRow {
  id: string;
  caseNo: string;
  acceptedOn: string;
  type: string;
  deleted: number;
}

/**
 * The year a 案号 belongs to: the year written in its brackets (〔2025〕), else the year of
 * its 受理日期. A case whose 受理日期 moved to another year keeps its 〔2025〕 number within
 * 2025: no other case can be given it, and the next 2025 number goes past it.
 */
export function caseNoYear(caseNo: string, acceptedOn: string): number {
  return normYear(normalizeCaseNo(caseNo), acceptedOn);
}

/** caseNoYear of a 案号 already in its normal form. */
function normYear(norm: string, acceptedOn: string): number {
  const m = /〔(\d{4})〕/.exec(norm);
  return m ? Number(m[1]) : Number(acceptedOn.slice(0, 4));
}

/** The cases whose 案号 may belong to `year`: accepted in it, or carrying it in their 案号 (回收站 included), with their normal form. */
function caseNosOfYear(db: Db, year: number): (CaseNoRow & { norm: string })[] {
  const rows = prepared(
    db,
    `SELECT id, case_no AS caseNo, accepted_on AS acceptedOn, type, deleted_at IS NOT NULL AS deleted
    FROM mediation_cases WHERE ((accepted_on >= ? AND accepted_on < ?) OR instr(case_no, ?) > 0) AND case_no IS NOT NULL AND case_no <> ''`,
  ).all(`${year}-01-01`, `${year + 1}-01-01`, String(year)) as CaseNoRow[];
  const out: (CaseNoRow & { norm: string })[] = [];
  for (const r of rows) {
    const norm = normalizeCaseNo(r.caseNo);
    const named = /〔(\d{4})〕/.exec(norm);
    if ((named ? Number(named[1]) : Number(r.acceptedOn.slice(0, 4))) === year) out.push({ ...r, norm });
  }
  return out;
}

/**
 * A 序号 further than this beyond the one before it is taken for a slip of the keyboard
 * (999999 for 99): it stays that case's number, but the next number goes on from the
 * plausible ones. A township registers a few hundred cases a year at most.
 */
export const SEQUENCE_MAX_GAP = 500;

/** One more than the highest plausible 序号: walking up from 0, a number more than SEQUENCE_MAX_GAP past the last one ends the walk. */
export function nextSequence(numbers: Iterable<number>): number {
  let last = 0;
  for (const n of [...new Set(numbers)].sort((a, b) => a - b)) {
    if (n - last > SEQUENCE_MAX_GAP) break;
    last = n;
  }
  return last + 1;
}

export interface CaseNoHolder {
  id: string;
  caseNo: string;
  acceptedOn: string;
  type: string;
  /** how a message names the holder (清河调〔2025〕3号，2025-03-01受理的邻里纠纷 / 本数据包中的… / 表格第3行的…) */
  label: string;
  /** a case of the ledger (not one of the batch being planned) */
  inLedger?: boolean;
}

/**
 * The 案号 rules of one write (a form save) or one batch (an Excel sheet, a data package),
 * run inside the write's transaction: the ledger's numbers, read once per year, plus the
 * numbers the batch has already given or claimed. Two writers cannot both take a number:
 * the second one's transaction starts after the first one's commit and reads it.
 */
export class CaseNumbers {
  readonly db: Db;
  private readonly years = new Map<number, (CaseNoRow & { norm: string })[]>();
  /** the ledger's cases of a year by the normal form of their 案号 (the rows of `years`, in their order) */
  private readonly yearsByNorm = new Map<number, Map<string, (CaseNoRow & { norm: string })[]>>();
  /** numbers given in this batch, by record id, with their year and normal form */
  private readonly claims = new Map<string, CaseNoHolder & { key: string }>();
  /**
   * the same claims by `year|normal form`: a batch of 150 000 cases looks a number up in
   * one step, not by walking every claim (which made a package import quadratic)
   */
  private readonly claimsByKey = new Map<string, Map<string, CaseNoHolder>>();
  /** numbers the batch's records bring with them (announced before any is planned) */
  private readonly reserved: { caseNo: string; acceptedOn: string }[] = [];

  constructor(db: Db) {
    this.db = db;
  }

  private ledger(year: number): (CaseNoRow & { norm: string })[] {
    let rows = this.years.get(year);
    if (!rows) this.years.set(year, (rows = caseNosOfYear(this.db, year)));
    return rows;
  }

  private ledgerByNorm(year: number): Map<string, (CaseNoRow & { norm: string })[]> {
    let byNorm = this.yearsByNorm.get(year);
    if (!byNorm) {
      byNorm = new Map();
      for (const r of this.ledger(year)) {
        const list = byNorm.get(r.norm);
        if (list) list.push(r);
        else byNorm.set(r.norm, [r]);
      }
      this.yearsByNorm.set(year, byNorm);
    }
    return byNorm;
  }

  private pattern(): { pattern: string; township: string } {
    const s = getSettings(this.db);
    return { pattern: s.caseNoPattern || DEFAULT_CASE_NO_PATTERN, township: s.township?.name ?? '' };
  }

  /** The next free 案号 of the year (回收站 included: a deleted case keeps its number while it is there). */
  next(year: number): string {
    const { pattern, township } = this.pattern();
    const claimed = [...this.claims.values(), ...this.reserved]
      .filter((c) => caseNoYear(c.caseNo, c.acceptedOn) === year)
      .map((c) => ({ caseNo: c.caseNo, norm: normalizeCaseNo(c.caseNo) }));
    const rows = [...this.ledger(year).filter((r) => !this.claims.has(r.id)), ...claimed];
    const read = sequenceReader(pattern, township, year);
    const nums = rows.map((r) => read(r.norm)).filter((n): n is number => n !== null);
    let n = nextSequence(nums);
    // past a mistyped number the walk may reach it one day: never give a number that is held
    const held = new Set(rows.map((r) => r.norm));
    while (held.has(normalizeCaseNo(formatCaseNo(pattern, township, year, n)))) n++;
    return formatCaseNo(pattern, township, year, n);
  }

  /** Another live case holding this number (ledger or batch), else null. */
  holder(caseNo: string, acceptedOn: string, exceptId: string | null): CaseNoHolder | null {
    const want = normalizeCaseNo(caseNo);
    const year = normYear(want, acceptedOn);
    const claimed = this.claimsByKey.get(`${year}|${want}`);
    if (claimed) for (const c of claimed.values()) if (c.id !== exceptId) return c;
    const row = this.ledgerByNorm(year)
      .get(want)
      ?.find((r) => !r.deleted && r.id !== exceptId && !this.claims.has(r.id));
    return row ? { id: row.id, caseNo: row.caseNo, acceptedOn: row.acceptedOn, type: row.type, label: describeCase(row), inLedger: true } : null;
  }

  /** A number a record of the batch brings: a case numbered before it is planned goes past it. */
  reserve(caseNo: string, acceptedOn: string): void {
    this.reserved.push({ caseNo, acceptedOn });
  }

  /** The number a planned record will hold (the batch's later records see it). */
  claim(holder: CaseNoHolder): void {
    this.release(holder.id);
    const norm = normalizeCaseNo(holder.caseNo);
    const key = `${normYear(norm, holder.acceptedOn)}|${norm}`;
    this.claims.set(holder.id, { ...holder, key });
    let byId = this.claimsByKey.get(key);
    if (!byId) this.claimsByKey.set(key, (byId = new Map()));
    byId.set(holder.id, holder);
  }

  /** A record of the batch that will not be written after all (its number is free again). */
  release(id: string): void {
    const c = this.claims.get(id);
    if (!c) return;
    this.claims.delete(id);
    const byId = this.claimsByKey.get(c.key);
    byId?.delete(id);
    if (byId && !byId.size) this.claimsByKey.delete(c.key);
  }

  /** The refusal of a number held by another case, naming it and the next free number. */
  refusal(caseNo: string, acceptedOn: string, other: CaseNoHolder): string {
    const year = caseNoYear(caseNo, acceptedOn);
    return `案号“${caseNo}”在${year}年已被另一件案件使用：${other.label}。请改用 ${this.next(year)}`;
  }
}

/** The next free 案号 of the year: one more than the highest plausible 序号 (see nextSequence), 回收站 included. */
export function nextCaseNo(db: Db, year: number): string {
  return new CaseNumbers(db).next(year);
}

/** “2025-03-02 受理的邻里纠纷”: names a case without personal data. */
export function describeCase(c: { acceptedOn: string; type: string; id: string; caseNo?: string | null }): string {
  return `${c.caseNo ? `${c.caseNo}，` : ''}${c.acceptedOn}受理的${labelOf(DISPUTE_TYPES, c.type)}纠纷`;
}

/**
 * A 案号 not in its plain form — any character but Han characters, ASCII digits and 〔〕 (spaces,
 * other brackets, full-width digits, invisible characters), or a 序号 with a leading zero: the few
 * values normalizeCaseNo changes, so the others are compared as written.
 */
const ODD_CASE_NO = /[^\p{Script=Han}0-9〔〕]|〕0/u;

/**
 * What may be an odd 案号, as SQLite's GLOB can tell: a character outside ASCII digits, 〔〕 and the
 * two main Han blocks, or 〕0. A superset of ODD_CASE_NO (rarer Han characters are let through to
 * it): each such row is then judged by ODD_CASE_NO itself.
 */
const MAYBE_ODD_SQL = "(case_no GLOB '*[^0-9〔〕㐀-䶿一-鿿]*' OR case_no GLOB '*〕0*')";

/**
 * Groups of live cases sharing a 案号 within a year (existing data, listed as data warnings).
 * Set-based over the 案号 index (case_no, accepted_on): SQLite groups the numbers written alike
 * and returns only the repeated ones and those that may be written oddly (a few rows, not the
 * year's 100 000); an odd one is normalised in JS and joined by the number it stands for.
 * For one year the groups follow the index order with no sort.
 */
export function duplicateCaseNos(db: Db, year?: number): { year: number; caseNo: string; cases: CaseNoRow[] }[] {
  const live = `deleted_at IS NULL AND case_no IS NOT NULL AND case_no <> ''${year === undefined ? '' : ' AND accepted_on >= @from AND accepted_on < @to'}`;
  const params = year === undefined ? {} : { from: `${year}-01-01`, to: `${year + 1}-01-01` };
  const groups = prepared(
    db,
    `SELECT case_no, MIN(substr(accepted_on, 1, 4)) AS y, group_concat(rowid) FROM mediation_cases INDEXED BY mediation_cases_case_no
    WHERE ${live} GROUP BY case_no${year === undefined ? ', substr(accepted_on, 1, 4)' : ''} HAVING COUNT(*) > 1 OR ${MAYBE_ODD_SQL}`,
    'raw',
  ).all(params) as [string, string, string][];
  const byKey = new Map<string, Set<number>>();
  const add = (key: string, rowids: Iterable<number>) => {
    const g = byKey.get(key) ?? new Set<number>();
    for (const r of rowids) g.add(r);
    byKey.set(key, g);
  };
  const sameNumber = prepared(
    db,
    'SELECT rowid FROM mediation_cases INDEXED BY mediation_cases_case_no WHERE deleted_at IS NULL AND case_no = @caseNo AND accepted_on >= @from AND accepted_on < @to',
    'pluck',
  );
  for (const [caseNo, y, rowids] of groups) {
    const normal = ODD_CASE_NO.test(caseNo) ? normalizeCaseNo(caseNo) : caseNo;
    add(`${y}|${normal}`, rowids.split(',').map(Number));
    // the plainly written case of the same number, when it is alone (not among the groups above)
    if (normal !== caseNo) add(`${y}|${normal}`, sameNumber.all({ caseNo: normal, from: `${y}-01-01`, to: `${Number(y) + 1}-01-01` }) as number[]);
  }
  const repeated = [...byKey.values()].filter((g) => g.size > 1).map((g) => [...g]);
  if (!repeated.length) return [];
  const byRowid = prepared(db, 'SELECT id, case_no AS caseNo, accepted_on AS acceptedOn, type, 0 AS deleted FROM mediation_cases WHERE rowid = ?');
  return repeated.map((rowids) => {
    const cases = rowids.map((r) => byRowid.get(r) as CaseNoRow).sort((a, b) => a.acceptedOn.localeCompare(b.acceptedOn));
    return { year: Number(cases[0].acceptedOn.slice(0, 4)), caseNo: cases[0].caseNo, cases };
  });
}
