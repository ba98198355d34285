// Migration 22, frozen: the SQL as it was when this version shipped. Never edit it;
// a later change to the schema is a new file.
import type { Migration } from '../migration.ts';

export const migration: Migration = {
  // issue 22: the 矛盾纠纷排查 register, with its keyword index written out as
  // createKeywordIndex(db, { table: 'screenings' }) makes it (frozen SQL text)
  version: 22,
  name: '矛盾纠纷排查 register',
  up: (db) =>
    db.exec(`
    CREATE TABLE screenings (
      id TEXT PRIMARY KEY, date TEXT NOT NULL, village TEXT, committee TEXT,
      found INTEGER NOT NULL DEFAULT 0, prevented INTEGER NOT NULL DEFAULT 0,
      prevented_criminal INTEGER NOT NULL DEFAULT 0, prevented_suicide INTEGER NOT NULL DEFAULT 0,
      prevented_petition INTEGER NOT NULL DEFAULT 0, prevented_fight INTEGER NOT NULL DEFAULT 0,
      department TEXT, notes TEXT, search_text TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL, deleted_at TEXT
    );
    CREATE INDEX screenings_date ON screenings(date, search_text) WHERE deleted_at IS NULL;
    CREATE INDEX screenings_village ON screenings(village, date) WHERE deleted_at IS NULL;
    CREATE INDEX screenings_deleted ON screenings(deleted_at) WHERE deleted_at IS NOT NULL;

    CREATE VIEW screenings_fts_content AS
      SELECT r.rowid AS rid, fazhi_grams(r.search_text, 1) AS uni, fazhi_grams(r.search_text, 2) AS bi FROM screenings AS r WHERE r.deleted_at IS NULL;
    CREATE VIRTUAL TABLE screenings_fts USING fts5(uni, bi, content='screenings_fts_content', content_rowid='rid', tokenize='ascii', columnsize=0);
    CREATE TRIGGER screenings_fts_insert AFTER INSERT ON screenings WHEN new.deleted_at IS NULL BEGIN
      INSERT INTO screenings_fts (rowid, uni, bi) VALUES (new.rowid, fazhi_grams(new.search_text, 1), fazhi_grams(new.search_text, 2));
    END;
    CREATE TRIGGER screenings_fts_delete AFTER DELETE ON screenings WHEN old.deleted_at IS NULL BEGIN
      INSERT INTO screenings_fts (screenings_fts, rowid, uni, bi) VALUES ('delete', old.rowid, fazhi_grams(old.search_text, 1), fazhi_grams(old.search_text, 2));
    END;
    CREATE TRIGGER screenings_fts_update AFTER UPDATE OF search_text, deleted_at ON screenings
      WHEN (old.deleted_at IS NULL) <> (new.deleted_at IS NULL)
        OR (new.deleted_at IS NULL AND old.search_text IS NOT new.search_text) BEGIN
      INSERT INTO screenings_fts (screenings_fts, rowid, uni, bi)
        SELECT 'delete', old.rowid, fazhi_grams(old.search_text, 1), fazhi_grams(old.search_text, 2) WHERE old.deleted_at IS NULL;
      INSERT INTO screenings_fts (rowid, uni, bi)
        SELECT new.rowid, fazhi_grams(new.search_text, 1), fazhi_grams(new.search_text, 2) WHERE new.deleted_at IS NULL;
    END;
  `),
};
