// Migration 4, frozen: the SQL as it was when this version shipped. Never edit it;
// a later change to the schema is a new file.
import type { Migration } from '../migration.ts';

/**
 * The keyword index of one register table as created in version 4 (and for
 * disclosure_requests in version 5): an external-content FTS5 table over a view
 * that yields the grams of every live row, and the triggers that keep it in step.
 * fazhi_grams() is registered on every connection (db/connection.ts) before any
 * migration runs.
 */
export function keywordIndexSqlV4(t: string): string {
  const fts = `${t}_fts`;
  const uni = (row: string) => `fazhi_grams(${row}.search_text, 1)`;
  const bi = (row: string) => `fazhi_grams(${row}.search_text, 2)`;
  return `
    CREATE VIEW ${fts}_content AS
      SELECT r.rowid AS rid, ${uni('r')} AS uni, ${bi('r')} AS bi FROM ${t} AS r WHERE r.deleted_at IS NULL;
    CREATE VIRTUAL TABLE ${fts} USING fts5(uni, bi, content='${fts}_content', content_rowid='rid', tokenize='ascii', columnsize=0);

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
  `;
}

export const migration: Migration = {
  version: 4,
  // the FTS5 index of each register's search_text (character unigrams and bigrams),
  // built here for the records already in the ledger
  name: 'keyword index',
  up: (db) => {
    for (const table of ['activities', 'mediation_cases', 'inspections', 'work_items']) db.exec(keywordIndexSqlV4(table));
  },
};
