// The one personal-data screen of every public document (法治政府 report and its
// appendix, 政务公开年报, 行政执法数据) and the one mask of exports without
// personal data. It finds ID numbers (18 digits or the old 15, spaced or dashed,
// trailing X), mobiles (+86, dashes, spaces), landlines with their area code, in
// half- or full-width digits, and every name in the parties lists.
//
// The names are read in one SQL pass (json_each over party_list) and matched with
// one scan of the text (names bucketed by their first character), never one
// regular expression per name.
import type { Db } from '../db/connection.ts';
import { ledgerStamp, prepared } from '../db/statements.ts';
import { REGISTERS, type RegisterName } from '../../shared/registers.ts';

export type HitKind = 'id' | 'mobile' | 'landline' | 'name';

export const HIT_WORDS: Record<HitKind, string> = {
  id: '身份证号',
  mobile: '手机号码',
  landline: '固定电话号码',
  name: '调解案件当事人的姓名',
};

/** The characters halfWidth() changes: a text without any (nearly every name) is returned as it is. */
const FULL_WIDTH = /[\uff01-\uff5e\u3000\u2010-\u2014\u2212]/;

/** Full-width digits, letters and separators as their half-width forms, one UTF-16 unit for one (positions kept). */
export function halfWidth(text: string): string {
  if (!FULL_WIDTH.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else if (c === 0x2010 || c === 0x2011 || c === 0x2012 || c === 0x2013 || c === 0x2014 || c === 0x2212) out += '-';
    else out += text[i];
  }
  return out;
}

/**
 * A run of digits that may be a number written for people: an optional +86, digits
 * with single spaces, dashes or an area code in brackets between them, a trailing X.
 */
const NUMBER_RUN = /(?:\+\s?86[\s-]?)?(?:\(\d{3,4}\)\s?)?\d(?:[\s-]?\d)*(?:[\s-]?[Xx])?/g;

/** What a written number is, by its digits (separators and +86 dropped). */
export function numberKind(written: string): HitKind | null {
  let digits = written.replace(/[^\dXx+]/g, '').toUpperCase();
  if (digits.startsWith('+86')) digits = digits.slice(3);
  else if (digits.startsWith('+')) digits = digits.slice(1);
  if (/^\d{17}[\dX]$/.test(digits) || /^\d{15}$/.test(digits)) return 'id';
  if (/X/.test(digits)) return null;
  if (/^1[3-9]\d{9}$/.test(digits)) return 'mobile';
  // 86 written without +: 8613800138000
  if (/^861[3-9]\d{9}$/.test(digits)) return 'mobile';
  // a landline with its area code: 0 + 2–3 digits + a 7–8 digit number
  if (/^0\d{9,11}$/.test(digits)) return 'landline';
  return null;
}

export interface Hit {
  kind: HitKind;
  start: number;
  end: number;
}

/**
 * Party names bucketed by their first character: each bucket the set of its names and
 * their lengths, longest first — a position of the text is looked up with one hash
 * lookup per length, however many names share a surname.
 */
export interface NameIndex {
  size: number;
  byFirst: Map<string, { lengths: number[]; names: Set<string> }>;
}

/** a two-unit text that is one character (a high surrogate, then a low one): 𠀀 */
const isSurrogatePair = (s: string) => /^[\ud800-\udbff][\udc00-\udfff]$/.test(s);

export function nameIndex(names: Iterable<string>): NameIndex {
  const byFirst: NameIndex['byFirst'] = new Map();
  let size = 0;
  for (const raw of names) {
    const n = halfWidth(raw.trim());
    // a single character would match everywhere (a pair of surrogates is one); past 30 it is no name
    if (n.length < 2 || (n.length === 2 && isSurrogatePair(n)) || n.length > 30 || /^[\d\s\-+()Xx]*$/.test(n)) continue;
    let bucket = byFirst.get(n[0]);
    if (!bucket) byFirst.set(n[0], (bucket = { lengths: [], names: new Set() }));
    if (bucket.names.has(n)) continue;
    bucket.names.add(n);
    size++;
    if (!bucket.lengths.includes(n.length)) bucket.lengths.push(n.length);
  }
  for (const b of byFirst.values()) b.lengths.sort((a, z) => z - a);
  return { size, byFirst };
}

export const EMPTY_NAMES: NameIndex = { size: 0, byFirst: new Map() };

/** Every piece of personal data in the text, in order, not overlapping. */
export function findPersonalData(text: string, names: NameIndex = EMPTY_NAMES, first = false): Hit[] {
  const hits: Hit[] = [];
  if (!text) return hits;
  const t = halfWidth(text);
  NUMBER_RUN.lastIndex = 0;
  for (let m = NUMBER_RUN.exec(t); m; m = NUMBER_RUN.exec(t)) {
    let start = m.index;
    let end = start + m[0].length;
    // a run joined to letters or digits on either side is part of something else (编号ABC…)
    const kind = numberKind(m[0]);
    if (!kind) continue;
    while (end > start && /[\s-]/.test(t[end - 1])) end--;
    while (start < end && /\s/.test(t[start])) start++;
    hits.push({ kind, start, end });
    if (first) return hits;
  }
  if (names.size) {
    for (let i = 0; i < t.length; i++) {
      const bucket = names.byFirst.get(t[i]);
      if (!bucket) continue;
      const len = bucket.lengths.find((l) => i + l <= t.length && bucket.names.has(t.slice(i, i + l)));
      if (len === undefined) continue;
      const n = t.slice(i, i + len);
      hits.push({ kind: 'name', start: i, end: i + n.length });
      if (first) return hits;
      i += n.length - 1;
    }
  }
  return hits.sort((a, b) => a.start - b.start).filter((h, k, all) => k === 0 || h.start >= all[k - 1].end);
}

/** What personal data a text holds (first kind found), or null. */
export function screenText(text: string | null | undefined, names: NameIndex | ReadonlySet<string> = EMPTY_NAMES): HitKind | null {
  if (!text) return null;
  return findPersonalData(text, names instanceof Set ? nameIndex(names) : (names as NameIndex), true)[0]?.kind ?? null;
}

const MASKS: Record<HitKind, (s: string) => string> = {
  id: () => '［身份证号已隐去］',
  mobile: () => '［电话已隐去］',
  landline: () => '［电话已隐去］',
  // 王海波 → 王某某: the text stays readable
  name: (s) => `${Array.from(s)[0]}${'某'.repeat(Math.min(2, Math.max(1, Array.from(s).length - 1)))}`,
};

/** The text with every name, ID number and phone number masked (for exports without personal data). */
export function maskPersonalData(text: string, names: NameIndex = EMPTY_NAMES): string {
  if (!text) return text;
  const hits = findPersonalData(text, names);
  if (!hits.length) return text;
  let out = '';
  let at = 0;
  for (const h of hits) {
    out += text.slice(at, h.start) + MASKS[h.kind](text.slice(h.start, h.end));
    at = h.end;
  }
  return out + text.slice(at);
}

/** Every text of a value (nested objects and lists too) with names, ID numbers and phones masked. */
export function maskDeep<T>(v: T, names: NameIndex): T {
  if (typeof v === 'string') return maskPersonalData(v, names) as T;
  if (Array.isArray(v)) return v.map((x) => maskDeep(x, names)) as T;
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, maskDeep(x, names)])) as T;
  return v;
}

/**
 * A record for an export without personal data (the data package with personalData:false;
 * an Excel export without the personal columns): the parties' names, ID numbers and phones
 * masked wherever they were typed — 履行方式, 备注, 检查对象, 申请内容 … — in the text
 * fields only (ids, dates and codes are not texts a clerk types).
 */
export function maskRecordTexts(register: RegisterName, rec: Record<string, unknown>, names: NameIndex): Record<string, unknown> {
  const out = { ...rec };
  for (const f of REGISTERS[register].fields) {
    if (f.type === 'text' || f.type === 'longtext' || f.type === 'tags') out[f.key] = maskDeep(out[f.key], names);
  }
  return out;
}

/**
 * The one statement that reads the parties' names, only to look them up in a text
 * about to be made public (never printed, logged or returned): every name of every
 * parties list, and the 当事人 text of the cases whose list is empty (older records),
 * the 回收站 included (a name does not stop being personal when its case is binned).
 */
// UNION ALL, the repeats dropped in JS: SQLite's DISTINCT sorts 100 000 texts (twice as slow)
export const PARTY_NAMES_SQL = `SELECT TRIM(json_extract(j.value, '$.name')) FROM mediation_cases AS c, json_each(c.party_list) AS j
  WHERE json_valid(c.party_list) AND TRIM(COALESCE(json_extract(j.value, '$.name'), '')) <> ''
  UNION ALL SELECT parties FROM mediation_cases WHERE party_list IN ('', '[]') AND TRIM(COALESCE(parties, '')) <> ''`;

/** Party names in a 当事人 text: the pieces between separators, brackets (（女）) dropped. */
export function partyNames(parties: string): string[] {
  return parties
    .split(/[、，,;；\s/和与及]+/)
    .map((x) => x.replace(/[（(].*?[）)]/g, '').trim())
    .filter((x) => /^[\u3400-\u9fff·]{2,5}$/.test(x));
}

const nameCache = new WeakMap<Db, { key: string; names: NameIndex }>();

/**
 * Every party name of the register, indexed. Kept per database until it changes
 * (ledgerStamp).
 */
export function loadPartyNames(db: Db): NameIndex {
  const key = ledgerStamp(db);
  const hit = nameCache.get(db);
  if (hit && hit.key === key) return hit.names;
  // the repeats are dropped by nameIndex (a Set of 100 000 texts first cost more than it saved)
  const rows = prepared(db, PARTY_NAMES_SQL, 'pluck').all() as string[];
  const all: string[] = [];
  for (const v of rows) {
    // a list entry is one name; a 当事人 text holds several
    if (/[、，,;；/]/.test(v) || v.length > 30) all.push(...partyNames(v));
    else all.push(v);
  }
  const names = nameIndex(all);
  nameCache.set(db, { key, names });
  return names;
}

export interface ScreenedText {
  /** 第12条普法活动 / 年度信息 / 乡镇信息 */
  record: string;
  field: string;
  text: string | null | undefined;
}

export interface ScreenFinding<T extends ScreenedText> {
  item: T;
  kind: HitKind;
  /** 「第3条普法活动的“地点”含有手机号码」 — names the record and field, never the data */
  where: string;
}

/** Each text holding personal data, with a message naming its record and field. */
export function screenTexts<T extends ScreenedText>(items: Iterable<T>, names: NameIndex): ScreenFinding<T>[] {
  const out: ScreenFinding<T>[] = [];
  for (const item of items) {
    if (!item.text) continue;
    const kind = screenText(item.text, names);
    if (kind) out.push({ item, kind, where: `${item.record}的“${item.field}”含有${HIT_WORDS[kind]}` });
  }
  return out;
}
