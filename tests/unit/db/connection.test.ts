// How the app opens its own ledger (WAL, full sync) and reads it for a large read: through a
// memory map for the duration of that read only (a year's statistics, the report's checks
// scan whole tables), never for the connection's life — an I/O error under a map ends the
// process, where read() gives an error the app names.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, withMappedReads } from '../../../electron/core/db/connection.ts';
import { registerKeywordFunctions } from '../../../electron/core/db/keyword-grams.ts';
import { computeYearStats } from '../../../electron/core/stats/year-stats.ts';
import { tempDir } from '../../helpers/core.ts';

const { dir, cleanup } = tempDir('fazhi-connection-');
afterAll(cleanup);

const mmapSize = (db: Database.Database) => (db.pragma('mmap_size', { simple: true }) as number | undefined) ?? 0;

describe('openDatabase', () => {
  it('opens the ledger in WAL with full sync, and without a memory map', () => {
    const db = openDatabase(join(dir, 'ledger.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(mmapSize(db)).toBe(0);
    db.close();
  });
});

describe('withMappedReads', () => {
  it('maps the file while the read runs, and stops after it, also when it throws', () => {
    const db = openDatabase(join(dir, 'mapped.db'));
    expect(withMappedReads(db, () => mmapSize(db))).toBe(1 << 30);
    expect(mmapSize(db)).toBe(0);
    expect(() =>
      withMappedReads(db, () => {
        throw new Error('read failed');
      }),
    ).toThrow('read failed');
    expect(mmapSize(db)).toBe(0);
    // nested: mapped once, unmapped by the outer call only
    withMappedReads(db, () => {
      withMappedReads(db, () => undefined);
      expect(mmapSize(db)).toBe(1 << 30);
    });
    expect(mmapSize(db)).toBe(0);
    db.close();
  });

  it('the year statistics read mapped, and see a write another connection made meanwhile', () => {
    const file = join(dir, 'figures.db');
    const db = openDatabase(file);
    db.exec(
      "INSERT INTO activities (id, date, title, kind, search_text, updated_at) VALUES ('a1', '2025-03-01', '宪法宣传', 'campaign', '宪法宣传', '2025-03-01T00:00:00.000Z')",
    );
    expect(computeYearStats(db, 2025).activities.total).toBe(1);
    const other = new Database(file);
    registerKeywordFunctions(other); // the keyword index's triggers call it
    other.exec(
      "INSERT INTO activities (id, date, title, kind, search_text, updated_at) VALUES ('a2', '2025-04-01', '民法典宣传', 'campaign', '民法典宣传', '2025-04-01T00:00:00.000Z')",
    );
    other.close();
    expect(computeYearStats(db, 2025).activities.total).toBe(2);
    expect(mmapSize(db)).toBe(0);
    db.close();
  });

  it('leaves an in-memory ledger as it is', () => {
    const db = openDatabase(':memory:');
    expect(withMappedReads(db, () => mmapSize(db))).toBe(0);
    db.close();
  });
});
