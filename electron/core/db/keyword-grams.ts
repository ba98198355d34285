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

export function charHexes(text: string): string[] {
  const out: string[] = [];
  for (const ch of text) out.push(hexOf(ch.codePointAt(0)!));
  return out;
}

/**
 * The grams of a text, space-separated: n = 2 its bigrams in text order (a phrase
 * needs their positions), n = 1 its characters each once (a one-character keyword
 * is a plain term lookup; once each halves the index of a long, repetitive text).
 */
export function keywordGrams(text: unknown, n: unknown): string {
  if (typeof text !== 'string' || text === '') return '';
  const hexes = charHexes(text);
  if (n === 1) return [...new Set(hexes)].join(' ');
  const out: string[] = [];
  for (let i = 0; i + 1 < hexes.length; i++) out.push(hexes[i] + hexes[i + 1]);
  return out.join(' ');
}

/** Makes fazhi_grams() known to this connection (the keyword index's triggers call it). */
export function registerKeywordFunctions(db: Database): void {
  db.function('fazhi_grams', { deterministic: true }, (text: unknown, n: unknown) => keywordGrams(text, n));
}
