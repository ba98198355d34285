// The keyword index of a register: an FTS5 table over the record's search_text
// (the `search: true` fields joined, lower-cased; see mapping.ts), so that a
// keyword search reads an index instead of scanning the table.
//
// Chinese keywords are mostly one or two characters, which no word tokenizer
// serves. So the text is indexed the way Lucene's CJKAnalyzer does it, as its
// single characters (column `uni`) and its character bigrams (column `bi`), every
// character included (Latin, digits, punctuation, the newline between fields).
// A keyword of one character is the lookup of that character; a longer keyword
// is the phrase of its bigrams, which matches exactly where the keyword is a
// substring of the text: the same rows as `instr(search_text, keyword)`.
//
// SQLite cannot take a tokenizer written in JavaScript, so each character or
// bigram is written as the hex of its UTF-8 bytes (UTF-8 is prefix-free, so the
// hex names one character string and nothing else) and the FTS table uses the
// plain `ascii` tokenizer. The grams are computed in SQL, so the triggers keep
// the index in step for every writer (the app, an import, a restore, a script).
//
// External content: the FTS table stores no text; its content is a view over the
// register table that yields the grams of every live row (soft-deleted rows are
// not in the index; the 回收站 is searched as before). `rebuild` reads that view.
import type { Database } from 'better-sqlite3';
import type { RegisterDef } from '../../shared/registers.ts';

/** The FTS table that indexes a register's table. */
export const keywordIndexName = (table: string) => `${table}_fts`;

/** SQL: the space-separated hex grams of length n (1 or 2) of the text expression x. */
function gramsSql(x: string, n: 1 | 2): string {
  return `(WITH RECURSIVE c(i) AS (SELECT 1 WHERE length(${x}) >= ${n} UNION ALL SELECT i + 1 FROM c WHERE i <= length(${x}) - ${n})
    SELECT coalesce(group_concat(hex(substr(${x}, i, ${n})), ' ' ORDER BY i), '') FROM c)`;
}

/**
 * Creates the keyword index of a register and fills it from the rows already
 * there. One call in the migration that creates (or first indexes) a register.
 */
export function createKeywordIndex(db: Database, def: Pick<RegisterDef, 'table'>): void {
  const t = def.table;
  const fts = keywordIndexName(t);
  const uni = (row: string) => gramsSql(`${row}.search_text`, 1);
  const bi = (row: string) => gramsSql(`${row}.search_text`, 2);
  db.exec(`
    CREATE VIEW ${fts}_content AS
      SELECT r.rowid AS rid, ${uni('r')} AS uni, ${bi('r')} AS bi FROM ${t} AS r WHERE r.deleted_at IS NULL;
    CREATE VIRTUAL TABLE ${fts} USING fts5(uni, bi, content='${fts}_content', content_rowid='rid', tokenize='ascii');

    CREATE TRIGGER ${fts}_insert AFTER INSERT ON ${t} WHEN new.deleted_at IS NULL BEGIN
      INSERT INTO ${fts} (rowid, uni, bi) VALUES (new.rowid, ${uni('new')}, ${bi('new')});
    END;
    CREATE TRIGGER ${fts}_delete AFTER DELETE ON ${t} WHEN old.deleted_at IS NULL BEGIN
      INSERT INTO ${fts} (${fts}, rowid, uni, bi) VALUES ('delete', old.rowid, ${uni('old')}, ${bi('old')});
    END;
    -- one trigger, so the old grams always leave before the new ones arrive
    CREATE TRIGGER ${fts}_update AFTER UPDATE OF search_text, deleted_at ON ${t}
      WHEN (old.deleted_at IS NULL) <> (new.deleted_at IS NULL)
        OR (new.deleted_at IS NULL AND old.search_text IS NOT new.search_text) BEGIN
      INSERT INTO ${fts} (${fts}, rowid, uni, bi)
        SELECT 'delete', old.rowid, ${uni('old')}, ${bi('old')} WHERE old.deleted_at IS NULL;
      INSERT INTO ${fts} (rowid, uni, bi)
        SELECT new.rowid, ${uni('new')}, ${bi('new')} WHERE new.deleted_at IS NULL;
    END;

    INSERT INTO ${fts} (${fts}) VALUES ('rebuild');
  `);
}

/** Removes a register's keyword index (its list then searches by scanning, as before). */
export function dropKeywordIndex(db: Database, def: Pick<RegisterDef, 'table'>): void {
  const fts = keywordIndexName(def.table);
  db.exec(`
    DROP TRIGGER IF EXISTS ${fts}_insert; DROP TRIGGER IF EXISTS ${fts}_delete; DROP TRIGGER IF EXISTS ${fts}_update;
    DROP TABLE IF EXISTS ${fts}; DROP VIEW IF EXISTS ${fts}_content;
  `);
}

const hex = (s: string) => Buffer.from(s, 'utf8').toString('hex');

/**
 * The FTS5 query for a keyword (already lower-cased, non-empty): its character in
 * `uni`, or the phrase of its bigrams in `bi`. Hex tokens need no escaping.
 */
export function keywordMatch(keyword: string): string {
  const chars = Array.from(keyword);
  if (chars.length === 1) return `uni : "${hex(chars[0])}"`;
  const grams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) grams.push(hex(chars[i] + chars[i + 1]));
  return `bi : "${grams.join(' ')}"`;
}
