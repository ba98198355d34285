// Migration 24, frozen: the SQL as it was when this version shipped. Never edit it;
// a later change to the schema is a new file.
import type { Migration } from '../migration.ts';

export const migration: Migration = {
  // issue 24: 首页's 依申请公开 reminder reads the open requests only (no reply yet), by the
  // date received (then id: a steady order within a day): a partial index holding just those, so counting the ones due is a short
  // range of it at 100 000 requests a year (the condition is written as the query writes it,
  // which is what lets SQLite use a partial index).
  version: 24,
  name: 'home reminder indexes',
  up: (db) =>
    db.exec(`
    CREATE INDEX disclosure_requests_open ON disclosure_requests(received_on, id)
      WHERE deleted_at IS NULL AND (result IS NULL OR result = '' OR result_on IS NULL);
  `),
};
