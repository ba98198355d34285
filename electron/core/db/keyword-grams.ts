// The grams of the keyword index (see registers/keyword-index.ts): each character and
// character bigram of a text as the hex of its UTF-8 bytes, and the SQL function
// fazhi_grams() that yields them. Plumbing below the domains: every connection the app
// opens registers it (db/migrations.ts migrate()), before any register exists.
import type { Database } from 'better-sqlite3';

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** The hex of one character's UTF-8 bytes (a lone surrogate as U+FFFD, as SQLite stores it). */
function hexOf(cp: number): string {
  if (cp < 0x80) return HEX[cp];
  if (cp < 0x800) return HEX[0xc0 | (cp >> 6)] + HEX[0x80 | (cp & 63)];
  if (cp >= 0xd800 && cp <= 0xdfff) return 'efbfbd';
  if (cp < 0x10000) return HEX[0xe0 | (cp >> 12)] + HEX[0x80 | ((cp >> 6) & 63)] + HEX[0x80 | (cp & 63)];
  return HEX[0xf0 | (cp >> 18)] + HEX[0x80 | ((cp >> 12) & 63)] + HEX[0x80 | ((cp >> 6) & 63)] + HEX[0x80 | (cp & 63)];
}

/** Characters met before, by code point (a ledger's text draws on a few thousand): the hex built once each. */
const hexCache = new Map<number, string>();
const HEX_CACHE_MAX = 1 << 16;

function hexOfCached(cp: number): string {
  let h = hexCache.get(cp);
  if (h === undefined) {
    h = hexOf(cp);
    if (hexCache.size < HEX_CACHE_MAX) hexCache.set(cp, h);
  }
  return h;
}

export function charHexes(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++; // a surrogate pair is one character
    out.push(hexOfCached(cp));
  }
  return out;
}

// fazhi_grams() is called twice for each row (uni, then bi, of the same text): the
// characters of the last text are kept for the second call.
let lastText = '';
let lastHexes: string[] = [];

/**
 * The grams of a text, space-separated: n = 2 its bigrams in text order (a phrase
 * needs their positions), n = 1 its characters each once (a one-character keyword
 * is a plain term lookup; once each halves the index of a long, repetitive text).
 */
export function keywordGrams(text: unknown, n: unknown): string {
  if (typeof text !== 'string' || text === '') return '';
  if (text !== lastText) {
    lastHexes = charHexes(text);
    lastText = text;
  }
  const hexes = lastHexes;
  if (n === 1) {
    let out = '';
    const seen = new Set<string>();
    for (const h of hexes) {
      if (seen.has(h)) continue;
      seen.add(h);
      out = out === '' ? h : `${out} ${h}`;
    }
    return out;
  }
  let out = '';
  for (let i = 0; i + 1 < hexes.length; i++) out = i === 0 ? hexes[0] + hexes[1] : `${out} ${hexes[i]}${hexes[i + 1]}`;
  return out;
}

/** Makes fazhi_grams() known to this connection (the keyword index's triggers call it). */
export function registerKeywordFunctions(db: Database): void {
  db.function('fazhi_grams', { deterministic: true }, (text: unknown, n: unknown) => keywordGrams(text, n));
}
