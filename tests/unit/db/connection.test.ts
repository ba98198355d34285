// How the app opens its own ledger: WAL, full sync, and the file read through a memory map
// (the year's statistics scan whole tables: mapped, no read() copy into SQLite's small cache).
// A backup being checked or restored is opened by backup/ without the map.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/connection.ts';
import { tempDir } from '../../helpers/core.ts';

const { dir, cleanup } = tempDir('fazhi-connection-');
afterAll(cleanup);

describe('openDatabase', () => {
  it('opens the ledger in WAL with full sync and maps the file for reading', () => {
    const db = openDatabase(join(dir, 'ledger.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('mmap_size', { simple: true })).toBe(1 << 30);
    db.close();
    // the map is the connection's setting, not the file's: another program's connection reads as it always did
    const other = new Database(join(dir, 'ledger.db'), { readonly: true });
    expect(other.pragma('mmap_size', { simple: true })).toBe(0);
    other.close();
  });

  it('gives the same figures mapped and not mapped, after writes the map has not seen', () => {
    const file = join(dir, 'figures.db');
    const db = openDatabase(file);
    db.exec("INSERT INTO settings (key, value) VALUES ('probe', '1')");
    const plain = new Database(file);
    plain.exec("UPDATE settings SET value = '2' WHERE key = 'probe'");
    expect(db.prepare("SELECT value FROM settings WHERE key = 'probe'").pluck().get()).toBe('2');
    plain.close();
    db.close();
  });
});
