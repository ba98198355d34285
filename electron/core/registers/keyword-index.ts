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
// plain `ascii` tokenizer. The grams come from the SQL function fazhi_grams(),
// registered on every connection the app opens (migrate() does it); triggers call
// it, so the index stays in step for every write (the forms, an import, a
// restore). A connection without the function (a generic SQLite tool) can read
// the ledger but not write a register: the write fails, the index never drifts.
// A large import or restore runs inside withBulkKeywordIndex(): the triggers are
// set aside for its writes and the index filled once at the end (the grams made in
// JavaScript, row after row in rowid order), in the same transaction.
//
// External content: the FTS table stores no text; its content is a view over the
// register table that yields the grams of every live row (soft-deleted rows are
// not in the index; the 回收站 is searched as before). `rebuild` reads that view.
import type { Database } from 'better-sqlite3';
import type { RegisterDef } from '../../shared/registers.ts';
import { charHexes, keywordGrams, registerKeywordFunctions } from '../db/keyword-grams.ts';

export { keywordGrams, registerKeywordFunctions } from '../db/keyword-grams.ts';

/** The FTS table that indexes a register's table. */
export const keywordIndexName = (table: string) => `${table}_fts`;

/**
 * Creates the keyword index of a register and fills it from the rows already
 * there. One call in the migration that creates (or first indexes) a register.
 */
export function createKeywordIndex(db: Database, def: Pick<RegisterDef, 'table'>): void {
  registerKeywordFunctions(db);
  const t = def.table;
  const fts = keywordIndexName(t);
  db.exec(`
    CREATE VIEW ${fts}_content AS
      SELECT r.rowid AS rid, fazhi_grams(r.search_text, 1) AS uni, fazhi_grams(r.search_text, 2) AS bi FROM ${t} AS r WHERE r.deleted_at IS NULL;
    CREATE VIRTUAL TABLE ${fts} USING fts5(uni, bi, content='${fts}_content', content_rowid='rid', tokenize='ascii', columnsize=0);
    ${keywordTriggersSql(t)}
    INSERT INTO ${fts} (${fts}) VALUES ('rebuild');
  `);
}

/** The triggers that keep a register's index in step with its rows, row by row. */
function keywordTriggersSql(t: string): string {
  const fts = keywordIndexName(t);
  const uni = (row: string) => `fazhi_grams(${row}.search_text, 1)`;
  const bi = (row: string) => `fazhi_grams(${row}.search_text, 2)`;
  return `
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
    END;`;
}

const hasIndex = (db: Database, table: string) =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(keywordIndexName(table)) !== undefined;

/**
 * Runs a large write (an import, a restore) with the keyword index filled in bulk:
 * the tables' index triggers and their own indexes are dropped, `fn` writes, then
 * each index is built once (the keyword index from the live rows, as `rebuild`) and the
 * triggers are put back — all inside one
 * transaction (a savepoint when the caller already holds one), so a failure in
 * `fn` or after it leaves triggers, index and rows as they were. Row by row, the
 * triggers cost an FTS update per write; one rebuild tokenizes the table in one
 * sorted pass. A rebuild reads every live row of the table, so callers use this
 * when the write is large beside the table (see bulkIndexWorthIt).
 */
export function withBulkKeywordIndex<T>(db: Database, tables: readonly string[], fn: () => T): T {
  return db
    .transaction(() => {
      const bulk = [...new Set(tables)];
      const indexed = bulk.filter((t) => hasIndex(db, t));
      for (const t of indexed) {
        const fts = keywordIndexName(t);
        db.exec(`DROP TRIGGER IF EXISTS ${fts}_insert; DROP TRIGGER IF EXISTS ${fts}_delete; DROP TRIGGER IF EXISTS ${fts}_update;`);
      }
      // the tables' own indexes too: each row inserted into five or eight of them costs more than
      // sorting the table into each once. Put back as the schema holds them (their own SQL text);
      // the write looks records up by id only (the primary key stays).
      const own = !bulk.length
        ? []
        : (db
            .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${bulk.map(() => '?').join(', ')})`)
            .all(...bulk) as { name: string; sql: string }[]);
      for (const i of own) db.exec(`DROP INDEX "${i.name.replaceAll('"', '""')}"`);
      const value = fn();
      for (const i of own) db.exec(i.sql);
      for (const t of indexed) {
        fillKeywordIndex(db, t);
        db.exec(keywordTriggersSql(t));
      }
      return value;
    })
    .immediate();
}

/** FTS5's buffer of new terms (its 'hashsize'): its own 1 MB, and 64 MB while a bulk fill runs. */
const FTS5_HASH_BYTES = 1 << 20;
const FILL_HASH_BYTES = 64 << 20;

/** Rows read at a time while the keyword index is filled. */
const FILL_CHUNK = 5000;

/**
 * What `rebuild` does (the index emptied, then every live row's grams added), with the
 * grams made here rather than by fazhi_grams() in the content view: SQLite calling a
 * JavaScript function twice a row cost more than the FTS index itself (1.2 s of 1.7 s for
 * 150 000 short rows). The same grams in the same rowid order: the index `rebuild` gives
 * (byte for byte at a few thousand rows; at 100 000 its segments may be cut elsewhere,
 * the terms and rows they hold the same — FTS5's integrity-check agrees).
 */
function fillKeywordIndex(db: Database, table: string): void {
  const fts = keywordIndexName(table);
  db.exec(`INSERT INTO ${fts} (${fts}) VALUES ('delete-all')`);
  // FTS5 writes a segment each time its buffer fills and merges the segments as they pile up:
  // with its usual 1 MB buffer, 150 000 rows made dozens of segments merged over and over
  db.exec(`INSERT INTO ${fts} (${fts}, rank) VALUES ('hashsize', ${FILL_HASH_BYTES})`);
  const read = db.prepare(`SELECT rowid, search_text FROM ${table} WHERE rowid > ? AND deleted_at IS NULL ORDER BY rowid LIMIT ${FILL_CHUNK}`).raw();
  const add = db.prepare(`INSERT INTO ${fts} (rowid, uni, bi) VALUES (?, ?, ?)`);
  let after = Number.MIN_SAFE_INTEGER;
  for (;;) {
    const rows = read.all(after) as [number, string | null][];
    for (const [rowid, text] of rows) add.run(rowid, keywordGrams(text, 1), keywordGrams(text, 2));
    if (rows.length < FILL_CHUNK) break;
    after = rows[rows.length - 1][0];
  }
  db.exec(`INSERT INTO ${fts} (${fts}, rank) VALUES ('hashsize', ${FTS5_HASH_BYTES})`);
}

/**
 * The smallest write (rows of one register) filled in bulk. Below it, setting the index and
 * the table's own indexes aside and back costs more than the triggers do row by row (≈50 µs
 * a row: a township's yearly package of a few thousand records went row by row at 2000).
 * Measured in-process, a package into an empty ledger, bulk / row by row: 6 writes a register
 * 6.6 / 4.1 ms, 21 writes 8.8 / 13.2 ms, 51 writes 12.3 / 17.4 ms, 600 writes 90 / 197 ms.
 */
export const bulkIndexPolicy = { minWrites: 50 };

/**
 * Whether `writes` rows written to a table of `existing` rows are better indexed by one
 * rebuild than row by row: a rebuild re-reads the existing rows too (and re-sorts the
 * table's own indexes), so only when the write is at least minWrites rows and at least as
 * many as a third of the table. (At 300 writes a register, bulk was ahead up to about six
 * times as many rows already there: 84 / 125 ms at twice, 155 / 148 ms at eight times.)
 */
export function bulkIndexWorthIt(writes: number, existing: number): boolean {
  return writes >= bulkIndexPolicy.minWrites && writes * 3 >= existing;
}

/** Removes a register's keyword index (its list then searches by scanning, as before). */
export function dropKeywordIndex(db: Database, def: Pick<RegisterDef, 'table'>): void {
  const fts = keywordIndexName(def.table);
  db.exec(`
    DROP TRIGGER IF EXISTS ${fts}_insert; DROP TRIGGER IF EXISTS ${fts}_delete; DROP TRIGGER IF EXISTS ${fts}_update;
    DROP TABLE IF EXISTS ${fts}; DROP VIEW IF EXISTS ${fts}_content;
  `);
}

/**
 * The FTS5 query for a keyword (already lower-cased, non-empty): its character in
 * `uni`, or the phrase of its bigrams in `bi`. Hex tokens need no escaping.
 */
export function keywordMatch(keyword: string): string {
  const hexes = charHexes(keyword);
  return hexes.length === 1 ? `uni : "${hexes[0]}"` : `bi : "${keywordGrams(keyword, 2)}"`;
}
