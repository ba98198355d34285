import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection.ts';
import { OPENNESS_SQL } from '../../electron/core/openness/figures.ts';
import { LATEST_VERSION, migrate, MIGRATIONS, schemaVersion, type Migration } from '../../electron/core/db/migrations.ts';
import { REGISTERS } from '../../electron/shared/registers.ts';
import { tempDir } from '../helpers/core.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { INCOMPLETE_COUNT_SQL, STATIC_INCOMPLETE_SQL } from '../../electron/core/registers/incomplete-sql.ts';

const MIGRATIONS_DIR = new URL('../../electron/core/db/migrations/', import.meta.url);
const migrationFiles = readdirSync(MIGRATIONS_DIR).filter((n) => /^\d{3}-.+\.ts$/.test(n));

const tables = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);

describe('migrations', () => {
  it('are numbered in increasing order (gaps allowed: each issue has its own number)', () => {
    const v = MIGRATIONS.map((m) => m.version);
    expect(v[0]).toBe(1);
    expect(v).toEqual([...v].sort((a, b) => a - b));
    expect(new Set(v).size).toBe(v.length);
  });

  it('are one frozen file each, NNN-name.ts with NNN its version, all in the list', () => {
    expect(migrationFiles.map((n) => Number(n.slice(0, 3)))).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('import no domain code: only the Migration type and each other (the SQL of their time)', () => {
    for (const name of readdirSync(MIGRATIONS_DIR)) {
      const text = readFileSync(new URL(name, MIGRATIONS_DIR), 'utf8');
      const imports = [...text.matchAll(/^import\s[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1]);
      for (const spec of imports) expect(spec, `${name} imports ${spec}`).toMatch(/^(\.\/[\w-]+\.ts|\.\.\/migration\.ts)$/);
    }
  });

  it('leave the 卷宗不完整 index usable: the planner counts a year from it', () => {
    const db = new Database(':memory:');
    migrate(db);
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT COUNT(*) FROM mediation_cases WHERE deleted_at IS NULL AND ${STATIC_INCOMPLETE_SQL} AND accepted_on >= ? AND accepted_on < ?`,
      )
      .all('2025-01-01', '2026-01-01') as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toContain('mediation_cases_incomplete');
    db.close();
  });

  it("read the 政务公开年报's requests in the figures index's order: no sort of the year's requests (issue 24)", () => {
    const db = new Database(':memory:');
    migrate(db);
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${OPENNESS_SQL.requests}`).all({ from: '2025-01-01', to: '2026-01-01' }) as { detail: string }[])
      .map((p) => p.detail)
      .join('\n');
    expect(plan).toContain('disclosure_requests_figures');
    expect(plan).not.toContain('TEMP B-TREE');
    db.close();
  });

  it('leave the 首页 indexes of migration 25 usable: the 卷宗不完整 count reads two partial indexes, no row', () => {
    const db = new Database(':memory:');
    migrate(db);
    // INDEXED BY would make prepare() throw were a condition no longer the index's
    const plan = (
      db.prepare(`EXPLAIN QUERY PLAN ${INCOMPLETE_COUNT_SQL}`).all({ from: '2025-01-01', to: '2026-01-01', lateBefore: '2025-11-15' }) as { detail: string }[]
    )
      .map((p) => p.detail)
      .join('\n');
    expect(plan).toContain('mediation_cases_incomplete');
    expect(plan).toContain('mediation_cases_open_no_note');
    expect(plan).not.toMatch(/SCAN mediation_cases(?! USING COVERING)/);
    db.close();
  });

  it('tolerate a gap: 1, 2, then 5 applies 5 and sets user_version to 5', () => {
    const db = new Database(':memory:');
    const withGap: Migration[] = [...MIGRATIONS.slice(0, 2), { version: 5, name: 'later', up: (d) => d.exec('CREATE TABLE later (x)') }];
    expect(migrate(db, { migrations: withGap })).toEqual([1, 2, 5]);
    expect(schemaVersion(db)).toBe(5);
    // user_version is a high-water mark: a lower number is not run again on a database past it
    // (released builds carry every merged migration, so no database stops between them)
    const merged: Migration[] = [...MIGRATIONS.slice(0, 2), { version: 3, name: 'mid', up: (d) => d.exec('CREATE TABLE mid (x)') }, withGap[2]];
    expect(migrate(db, { migrations: merged })).toEqual([]);
    db.close();
  });

  for (const m of MIGRATIONS) {
    it(`migration ${m.version} (${m.name}) applies on top of the previous ones`, () => {
      const db = new Database(':memory:');
      const earlier = MIGRATIONS.filter((x) => x.version < m.version);
      migrate(db, { migrations: earlier });
      expect(schemaVersion(db)).toBe(earlier.at(-1)?.version ?? 0);
      const applied = migrate(db, { migrations: MIGRATIONS.filter((x) => x.version <= m.version) });
      expect(applied).toEqual([m.version]);
      expect(schemaVersion(db)).toBe(m.version);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
    });
  }

  it('create a column for every field of every register', () => {
    const db = new Database(':memory:');
    migrate(db);
    for (const def of Object.values(REGISTERS)) {
      const cols = (db.prepare(`PRAGMA table_info(${def.table})`).all() as { name: string }[]).map((c) => c.name);
      for (const f of def.fields) expect(cols, `${def.table}.${f.column}`).toContain(f.column);
      expect(cols).toEqual(expect.arrayContaining(['id', 'updated_at', 'deleted_at']));
    }
    db.close();
  });

  it('do nothing on an up-to-date database', () => {
    const db = new Database(':memory:');
    migrate(db);
    expect(migrate(db)).toEqual([]);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
  });

  it('refuse a database made by a newer version of the app, with a clear message', () => {
    const db = new Database(':memory:');
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    expect(() => migrate(db)).toThrow(/更新版本的法治台账.*拒绝打开/);
    expect(tables(db)).toEqual([]);
  });

  it('roll back every pending migration when one fails', () => {
    const db = new Database(':memory:');
    const broken: Migration[] = [
      ...MIGRATIONS,
      { version: LATEST_VERSION + 1, name: 'adds a table', up: (d) => d.exec('CREATE TABLE extra (x)') },
      {
        version: LATEST_VERSION + 2,
        name: 'fails',
        up: () => {
          throw new Error('boom');
        },
      },
    ];
    expect(() => migrate(db, { migrations: broken })).toThrow('boom');
    expect(schemaVersion(db)).toBe(0);
    expect(tables(db)).toEqual([]);
  });

  it('call the backup hook before migrating an existing database, not a new one', () => {
    const db = new Database(':memory:');
    const calls: [number, number][] = [];
    migrate(db, { migrations: MIGRATIONS.slice(0, 1), beforeMigrate: (a, b) => calls.push([a, b]) });
    expect(calls).toEqual([]);
    const next: Migration[] = [...MIGRATIONS, { version: LATEST_VERSION + 1, name: 'next', up: (d) => d.exec('CREATE TABLE extra (x)') }];
    migrate(db, { migrations: next, beforeMigrate: (a, b) => calls.push([a, b]) });
    expect(calls).toEqual([[1, LATEST_VERSION + 1]]);
  });

  it('open a file database with WAL, synchronous=FULL, foreign keys and a busy timeout', () => {
    const { dir, cleanup } = tempDir();
    try {
      const db = openDatabase(`${dir}/sub/ledger.db`);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
      expect(schemaVersion(db)).toBe(LATEST_VERSION);
      db.close();
    } finally {
      cleanup();
    }
  });
});
