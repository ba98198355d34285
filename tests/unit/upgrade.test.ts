// Upgrades keep every record. Each tests/fixtures/db/vN.sql is a ledger written by the
// code of schema version N itself (scripts/make-schema-fixtures.ts), kept as SQL text, with
// vN.json holding what that code showed through its API. Today's code opens
// each: it migrates, keeps a backup taken before, and shows every record with
// every field it had, and the same report figures as the same records
// imported fresh. Written against the API, not column lists, so it holds as
// migrations are added; a version without a fixture is reported loudly.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listBackups } from '../../electron/core/backup/backup.ts';
import { createCore, type Core } from '../../electron/core/index.ts';
import { LATEST_VERSION, MIGRATIONS } from '../../electron/core/db/migrations.ts';
import { AppError } from '../../electron/core/util/errors.ts';
import { registerKeywordFunctions } from '../../electron/core/registers/keyword-index.ts';
import { FIXTURE_DIR, fixtureVersions } from '../../scripts/make-schema-fixtures.ts';
import { loadLedger } from '../../scripts/ledger-sql.ts';
import { ok, tempDir } from '../helpers/core.ts';

const REGISTERS = ['activities', 'mediationCases', 'inspections', 'workItems'] as const;
type Register = (typeof REGISTERS)[number];
type Row = Record<string, unknown> & { id: string };

interface Snapshot {
  schemaVersion: number;
  madeAt: string;
  years: number[];
  registers: Record<Register, { active: Row[]; deleted: Row[] }>;
  package: { years: { year: number }[] } & Record<string, unknown>;
}

const NOW = new Date('2026-03-02T01:00:00.000Z');
const versions = fixtureVersions();
const temps: (() => void)[] = [];
afterAll(() => temps.forEach((c) => c()));

function work(version: number): { dir: string; dbPath: string } {
  const t = tempDir(`fazhi-upgrade-v${version}-`);
  temps.push(t.cleanup);
  const dbPath = join(t.dir, 'ledger.db');
  loadLedger(readFileSync(join(FIXTURE_DIR, `v${version}.sql`), 'utf8'), dbPath);
  return { dir: t.dir, dbPath };
}

const snapshotOf = (version: number): Snapshot => JSON.parse(readFileSync(join(FIXTURE_DIR, `v${version}.json`), 'utf8')) as Snapshot;

function userVersion(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
}

async function allRecords(core: Core, register: Register, deleted: boolean): Promise<Row[]> {
  const items: Row[] = [];
  for (let page = 1; ; page++) {
    const r = ok(await core.dispatch(`${register}.list`, { page, pageSize: 500, deleted })) as { items: Row[]; total: number };
    items.push(...r.items);
    if (items.length >= r.total || r.items.length === 0) return items.sort((a, b) => a.id.localeCompare(b.id));
  }
}

/** Every figure the year's report is made of, and the report model itself. */
async function figures(core: Core, year: number): Promise<{ stats: unknown; model: unknown }> {
  return {
    stats: ok(await core.dispatch('stats.year', { year })),
    model: ok(await core.dispatch('report.model', { year })),
  };
}

describe('schema fixtures', () => {
  it('exist for every schema version released before this test (1 and 2), each at its own version', () => {
    expect(versions).toEqual(expect.arrayContaining([1, 2]));
    for (const v of versions) {
      expect(userVersion(work(v).dbPath), `v${v}.sql`).toBe(v);
      expect(snapshotOf(v).schemaVersion, `v${v}.json`).toBe(v);
      // the fixtures are text: no database file committed beside them
      expect(existsSync(join(FIXTURE_DIR, `v${v}.db`))).toBe(false);
    }
    if (!versions.includes(LATEST_VERSION)) {
      console.warn(
        `\n!!! 升级测试：数据结构版本 ${LATEST_VERSION} 还没有测试数据库（tests/fixtures/db/v${LATEST_VERSION}.sql）。` +
          `\n!!! 发布前运行 node scripts/make-schema-fixtures.ts 并提交；发布流水线会因此拒绝发布。\n`,
      );
    }
  });
});

describe.each(versions)('a ledger written by schema version %i, opened by today’s code', (version) => {
  const snap = snapshotOf(version);
  const { dir, dbPath } = work(version);
  const original = readFileSync(dbPath);
  let core: Core;

  it(`migrates to version ${LATEST_VERSION}, keeping a backup taken before when there was something to migrate`, () => {
    core = createCore({ dbPath, mode: 'desktop', now: () => NOW });
    temps.push(() => core.close());
    expect(core.ctx.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    const before = listBackups(dir).filter((b) => b.kind === 'before-migrate');
    if (version === LATEST_VERSION) {
      expect(before).toEqual([]);
      return;
    }
    expect(before).toHaveLength(1);
    expect(before[0].name).toMatch(/\.db$/);
    // the backup is the ledger as it was: same schema version, same rows
    expect(userVersion(before[0].path)).toBe(version);
    const a = new Database(before[0].path, { readonly: true });
    const b = new Database(original, { readonly: true } as Database.Options);
    // the keyword index's content views call the ledger's SQL function
    registerKeywordFunctions(a);
    registerKeywordFunctions(b);
    try {
      const tables = (b.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
      // every row of every table (some are WITHOUT ROWID: compare as sorted sets)
      const rows = (db: Database.Database, t: string) => (db.prepare(`SELECT * FROM "${t}"`).all() as unknown[]).map((r) => JSON.stringify(r)).sort();
      expect(tables.length).toBeGreaterThanOrEqual(6);
      for (const t of tables) expect(rows(a, t), `backup table ${t}`).toEqual(rows(b, t));
    } finally {
      a.close();
      b.close();
    }
  });

  it('shows every record, 回收站 included, with every field it had', async () => {
    for (const register of REGISTERS) {
      for (const state of ['active', 'deleted'] as const) {
        const now = await allRecords(core, register, state === 'deleted');
        const then = snap.registers[register][state];
        expect(
          now.map((r) => r.id),
          `${register} ${state}`,
        ).toEqual(then.map((r) => r.id));
        // fields added by later migrations may appear; none of the old ones may change
        now.forEach((r, i) => expect(r, `${register} ${r.id}`).toMatchObject(then[i]));
      }
    }
    const total = REGISTERS.reduce((n, r) => n + snap.registers[r].active.length, 0);
    expect(total).toBeGreaterThan(50); // the fixture is a real ledger, not an empty file
    expect(REGISTERS.filter((r) => snap.registers[r].deleted.length > 0).length).toBeGreaterThanOrEqual(3);
    expect(ok(await core.dispatch('years.list', {}))).toEqual(expect.arrayContaining(snap.years));
  });

  it('gives the same report figures as the same records imported into a new ledger', async () => {
    const fresh = createCore({ dbPath: ':memory:', now: () => NOW });
    try {
      const report = ok(await fresh.dispatch('exchange.import', { content: JSON.stringify(snap.package) })) as { issues: unknown[] };
      expect(report.issues).toEqual([]);
      const years = [...new Set([...snap.years, ...snap.package.years.map((y) => y.year)])].sort();
      expect(years.length).toBeGreaterThan(0);
      for (const year of years) {
        const migrated = await figures(core, year);
        const control = await figures(fresh, year);
        expect(migrated.stats, `stats ${year}`).toEqual(control.stats);
        expect(migrated.model, `report ${year}`).toEqual(control.model);
      }
      // and they are real figures: the year has counted records
      const stats = ok(await core.dispatch('stats.year', { year: years[0] }));
      expect(JSON.stringify(stats)).toMatch(/[1-9]/);
    } finally {
      fresh.close();
    }
  });

  it('an older program refuses the upgraded ledger, names the backup to use, and that backup opens', () => {
    core.close();
    // the build before today's: the newest migration below the latest (version numbers have gaps)
    const previous = Math.max(0, ...MIGRATIONS.filter((m) => m.version < LATEST_VERSION).map((m) => m.version));
    const older = Math.min(version, previous);
    if (older < 1) return;
    const olderBuild = { migrations: MIGRATIONS.filter((m) => m.version <= older) };
    let refusal: unknown;
    try {
      createCore({ dbPath, mode: 'desktop', migrate: olderBuild }).close();
    } catch (e) {
      refusal = e;
    }
    expect(refusal).toBeInstanceOf(AppError);
    const message = (refusal as AppError).message;
    expect((refusal as AppError).code).toBe('db_too_new');
    // migration versions have gaps (issue-numbered): the older build supports its highest one
    const supported = Math.max(...olderBuild.migrations.map((m) => m.version));
    expect(message).toContain(`数据结构版本 ${LATEST_VERSION}，本程序支持到 ${supported}`);
    expect(userVersion(dbPath)).toBe(LATEST_VERSION); // refused, not touched

    const backup = listBackups(dir).find((b) => b.kind === 'before-migrate');
    if (version < LATEST_VERSION) {
      expect(backup).toBeDefined();
      expect(message).toContain(backup?.path);
      expect(message).toContain('重新安装较新版本');
      // doing what the message says: the older program opens the backup and sees every record
      renameSync(dbPath, `${dbPath}.newer`);
      copyFileSync(backup?.path ?? '', dbPath);
      const back = createCore({ dbPath, mode: 'desktop', migrate: olderBuild });
      try {
        expect(back.ctx.db.pragma('user_version', { simple: true })).toBe(version);
        for (const register of REGISTERS) {
          const n = (back.ctx.db.prepare(`SELECT COUNT(*) AS n FROM ${tableOf(register)}`).get() as { n: number }).n;
          expect(n, register).toBe(snap.registers[register].active.length + snap.registers[register].deleted.length);
        }
      } finally {
        back.close();
      }
    } else {
      expect(message).toContain('没有本版本能打开的升级前备份');
    }
  });
});

function tableOf(register: Register): string {
  return { activities: 'activities', mediationCases: 'mediation_cases', inspections: 'inspections', workItems: 'work_items' }[register];
}
