// The FTS keyword index answers exactly what the scan (instr over search_text) answers:
// on every fixture, on random keywords of 1–6 characters, after edits, deletes,
// restores and purges, for a ledger migrated from before the index, and without it.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS } from '../../../electron/core/db/migrations.ts';
import { createKeywordIndex, dropKeywordIndex, keywordIndexName, keywordMatch, withBulkKeywordIndex } from '../../../electron/core/registers/keyword-index.ts';
import { importPackage } from '../../../electron/core/exchange/import-package.ts';
import { hasKeywordIndex, insertRecord, keywordPlan, listRecords, scanRecords } from '../../../electron/core/registers/repository.ts';
import type { Core } from '../../../electron/core/index.ts';
import type { ListQuery } from '../../../electron/shared/records.ts';
import { REGISTERS, REGISTER_NAMES, type RegisterDef, type RegisterName } from '../../../electron/shared/registers.ts';
import { fixtureNames, fixturePackage, memoryCore, ok, SAMPLES } from '../../helpers/core.ts';

/** A seeded generator, so a failure names a keyword that reproduces. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Db = Core['ctx']['db'];
const texts = (db: Db, def: RegisterDef) =>
  (db.prepare(`SELECT search_text AS s FROM ${def.table}`).all() as { s: string }[]).map((r) => r.s).filter((s) => s.length > 0);

/** Keywords drawn from the register's own text (1, 2, 3, 4 and 6 characters), every character, and random strings. */
function keywordsFor(db: Db, def: RegisterDef, rand: () => number, n = 60): string[] {
  const all = texts(db, def);
  const out = new Set<string>(['村', '纠纷', '合同', '2024', '〔', '号', 'a', '1', ' ', '宪法 民法典', '-', '%', '_']);
  const chars = [...new Set(all.flatMap((s) => Array.from(s)))];
  for (const c of chars) out.add(c);
  for (let i = 0; i < n && all.length; i++) {
    const s = Array.from(all[Math.floor(rand() * all.length)]);
    for (const len of [2, 3, 4, 6]) {
      if (s.length < len) continue;
      const at = Math.floor(rand() * (s.length - len + 1));
      const k = s
        .slice(at, at + len)
        .join('')
        .trim();
      if (k) out.add(k);
      if (k) out.add(k.toUpperCase());
    }
    // random strings over the ledger's characters: mostly no match, sometimes one
    const len = 1 + Math.floor(rand() * 4);
    out.add(
      Array.from({ length: len }, () => chars[Math.floor(rand() * chars.length)] ?? 'x')
        .join('')
        .trim() || 'x',
    );
  }
  return [...out].filter((k) => k.trim() !== '');
}

const ids = (r: { items: { id: string }[] }) => r.items.map((x) => x.id);

function expectSame(db: Db, def: RegisterDef, q: ListQuery) {
  const viaIndex = listRecords<{ id: string }>(db, def, q);
  const scanned = scanRecords<{ id: string }>(db, def, q);
  expect({ ids: ids(viaIndex), total: viaIndex.total }, `${def.name} ${JSON.stringify(q)}`).toEqual({ ids: ids(scanned), total: scanned.total });
  return scanned.total;
}

function compareAll(db: Db, name: RegisterName, seed: number, opts: { n?: number } = {}): { keywords: number; matched: number } {
  const def = REGISTERS[name];
  const rand = rng(seed);
  const years = (
    db.prepare(`SELECT DISTINCT substr(${def.fields.find((f) => f.key === def.dateKey)!.column}, 1, 4) AS y FROM ${def.table}`).all() as { y: string }[]
  ).map((r) => Number(r.y));
  let matched = 0;
  const keywords = keywordsFor(db, def, rand, opts.n);
  for (const keyword of keywords) {
    const total = expectSame(db, def, { keyword, pageSize: 500 });
    if (total > 0) matched++;
    expectSame(db, def, { keyword, page: 2, pageSize: 3 });
    expectSame(db, def, { keyword: ` ${keyword} `, sortBy: def.dateKey, sortOrder: 'asc', pageSize: 7 });
    if (years.length) expectSame(db, def, { keyword, year: years[Math.floor(rand() * years.length)], pageSize: 500 });
    expectSame(db, def, { keyword, deleted: true, pageSize: 500 });
  }
  return { keywords: keywords.length, matched };
}

let cores: Core[] = [];
afterEach(() => {
  for (const c of cores) c.close();
  cores = [];
  keywordPlan.indexDrivenMax = 4000;
});
const newCore = () => {
  const c = memoryCore();
  cores.push(c);
  return c;
};

describe('keyword index: the same results as the scan', () => {
  for (const fixture of fixtureNames()) {
    it(`fixture ${fixture}: every character, random substrings and random strings`, async () => {
      const core = newCore();
      ok(await core.call('exchange.import', { content: fixturePackage(fixture) }));
      for (const [i, name] of REGISTER_NAMES.entries()) {
        if (!hasKeywordIndex(core.ctx.db, REGISTERS[name])) throw new Error(`${name} has no keyword index`);
        const { keywords, matched } = compareAll(core.ctx.db, name, 1000 + i);
        const rows = (core.ctx.db.prepare(`SELECT count(*) AS n FROM ${REGISTERS[name].table}`).get() as { n: number }).n;
        if (rows > 0) expect(matched, `${name}: keywords that match`).toBeGreaterThan(keywords / 4);
      }
    });
  }

  it('a common keyword (the ordered scan with the total from the index) gives the same pages', async () => {
    keywordPlan.indexDrivenMax = 0;
    const core = newCore();
    ok(await core.call('exchange.import', { content: fixturePackage(fixtureNames()[0]) }));
    for (const [i, name] of REGISTER_NAMES.entries()) compareAll(core.ctx.db, name, 2000 + i, { n: 20 });
  });

  it('follows creates, edits, deletes, restores and purges', async () => {
    const core = newCore();
    const rand = rng(7);
    const alphabet = Array.from('村纠纷合同调解张王李AbC12 -〔〕号');
    const word = (len: number) => Array.from({ length: len }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
    const made: Record<string, string[]> = {};
    for (const name of REGISTER_NAMES) {
      made[name] = [];
      for (let i = 0; i < 60; i++) {
        // 案号 is unique within a year: each case its own
        const caseNo = (j: number) => (name === 'mediationCases' ? { caseNo: `清河调〔2024〕${j + 1}号` } : {});
        const base = { ...SAMPLES[name], ...caseNo(i), notes: word(3 + Math.floor(rand() * 12)), department: word(2) } as Record<string, unknown>;
        const r = ok(await core.dispatch(`${name}.create`, { record: base })) as { id: string };
        made[name].push(r.id);
      }
      for (const [j, id] of made[name].entries()) {
        const caseNo = name === 'mediationCases' ? { caseNo: `清河调〔2024〕${j + 1}号` } : {};
        if (j % 3 === 0)
          ok(await core.dispatch(`${name}.update`, { id, record: { ...SAMPLES[name], ...caseNo, notes: word(6), department: j % 2 ? word(3) : '' } }));
        if (j % 4 === 1) ok(await core.dispatch(`${name}.delete`, { id }));
        if (j % 8 === 1) ok(await core.dispatch(`${name}.restore`, { id }));
        if (j % 8 === 5) {
          ok(await core.dispatch(`${name}.delete`, { id }));
          ok(await core.dispatch(`${name}.purge`, { id }));
        }
      }
      const def = REGISTERS[name];
      const live = (core.ctx.db.prepare(`SELECT count(*) AS n FROM ${def.table} WHERE deleted_at IS NULL`).get() as { n: number }).n;
      // every live row is in the index once, no deleted or purged row is
      const indexed = (
        core.ctx.db
          .prepare(`SELECT count(*) AS n FROM ${keywordIndexName(def.table)} WHERE ${keywordIndexName(def.table)} MATCH ?`)
          .get(keywordMatch(Array.from(texts(core.ctx.db, def)[0])[0])) as { n: number }
      ).n;
      expect(indexed).toBeLessThanOrEqual(live);
      core.ctx.db.prepare(`INSERT INTO ${keywordIndexName(def.table)} (${keywordIndexName(def.table)}, rank) VALUES ('integrity-check', 1)`).run();
      compareAll(core.ctx.db, name, 3000, { n: 40 });
      keywordPlan.indexDrivenMax = 0;
      compareAll(core.ctx.db, name, 3001, { n: 20 });
      keywordPlan.indexDrivenMax = 4000;
    }
  });

  it('is built by the migration for a ledger made before it, and a register without one is still searched', () => {
    const def = REGISTERS.mediationCases;
    // rows as a version-3 ledger holds them (its columns only)
    const oldRow = (db: Database.Database, id: string, caseNo: string, parties: string, deletedAt: string | null) =>
      db
        .prepare(
          `INSERT INTO mediation_cases (id, case_no, accepted_on, type, status, parties, search_text, updated_at, deleted_at)
        VALUES (?, ?, '2024-04-02', 'neighbor', 'success', ?, ?, '2024-01-01T00:00:00.000Z', ?)`,
        )
        .run(id, caseNo, parties, `${caseNo}\n${parties}`.toLowerCase(), deletedAt);
    const db = new Database(':memory:');
    migrate(db, { migrations: MIGRATIONS.filter((m) => m.version < 4) });
    oldRow(db, 'old-1', '旧案〔2023〕9号', '张三', null);
    oldRow(db, 'old-2', 'QH-2024-7', '王五、赵六', null);
    expect(hasKeywordIndex(db, def)).toBe(false);
    db.close();

    const db2 = new Database(':memory:');
    migrate(db2, { migrations: MIGRATIONS.filter((m) => m.version < 4) });
    oldRow(db2, 'old-1', '旧案〔2023〕9号', '张三', '2024-02-01');
    oldRow(db2, 'old-2', 'QH-2024-7', '王五、赵六', null);
    migrate(db2);
    expect(hasKeywordIndex(db2, def)).toBe(true);
    const fts = keywordIndexName(def.table);
    const count = (k: string) => (db2.prepare(`SELECT count(*) AS n FROM ${fts} WHERE ${fts} MATCH ?`).get(keywordMatch(k)) as { n: number }).n;
    expect(count('王')).toBe(1);
    expect(count('qh-2024')).toBe(1);
    expect(count('旧案')).toBe(0); // old-1 is in the 回收站: not in the index
    expect(listRecords<{ id: string }>(db2, def, { keyword: 'QH-2024' }).items.map((r) => r.id)).toEqual(['old-2']);
    expect(listRecords<{ id: string }>(db2, def, { keyword: '旧案', deleted: true }).items.map((r) => r.id)).toEqual(['old-1']);
    // the register added later (issue 12) got its index in its own migration
    expect(hasKeywordIndex(db2, REGISTERS.disclosureRequests)).toBe(true);
    db2.close();
  });

  it('createKeywordIndex is one call for a register added later; dropping it falls back to the scan', () => {
    const db = new Database(':memory:');
    migrate(db);
    db.exec(
      `CREATE TABLE later_register (id TEXT PRIMARY KEY, date TEXT NOT NULL, search_text TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL, deleted_at TEXT)`,
    );
    db.prepare(`INSERT INTO later_register VALUES ('x1', '2025-01-02', '申请公开 村务', '2025', NULL)`).run();
    createKeywordIndex(db, { table: 'later_register' });
    const fts = keywordIndexName('later_register');
    expect((db.prepare(`SELECT rowid FROM ${fts} WHERE ${fts} MATCH ?`).all(keywordMatch('公开')) as unknown[]).length).toBe(1);
    db.prepare(`INSERT INTO later_register VALUES ('x2', '2025-01-03', '依申请公开', '2025', NULL)`).run();
    expect((db.prepare(`SELECT rowid FROM ${fts} WHERE ${fts} MATCH ?`).all(keywordMatch('公开')) as unknown[]).length).toBe(2);

    const def = REGISTERS.workItems;
    const w1 = { ...SAMPLES.workItems, participants: 0, passed: 0, leaderAppeared: false };
    const fresh = new Database(':memory:');
    migrate(fresh);
    dropKeywordIndex(fresh, def);
    insertRecord(fresh, def, 'w1', w1, '2024-01-01T00:00:00.000Z');
    expect(hasKeywordIndex(fresh, def)).toBe(false);
    expect(listRecords<{ id: string }>(fresh, def, { keyword: '审查' }).items.map((r) => r.id)).toEqual(['w1']);
    db.close();
    fresh.close();
  });

  it('the list reads the index, not the table (shown by an index deliberately left stale)', () => {
    const db = new Database(':memory:');
    migrate(db);
    const def = REGISTERS.inspections;
    insertRecord(db, def, 'i1', { ...SAMPLES.inspections, village: '东风村', entrusted: false }, '2024-01-01T00:00:00.000Z');
    db.exec(`DROP TRIGGER ${keywordIndexName(def.table)}_update`);
    db.prepare(`UPDATE ${def.table} SET search_text = 'changed' WHERE id = 'i1'`).run();
    expect(listRecords(db, def, { keyword: '东风' }).total).toBe(1);
    expect(scanRecords(db, def, { keyword: '东风' }).total).toBe(0);
    db.close();
  });

  it('a keyword is the character itself or the phrase of its bigrams (hex of UTF-8, no escaping needed)', () => {
    expect(keywordMatch('村')).toBe('uni : "e69d91"');
    expect(keywordMatch('a"b')).toBe('bi : "6122 2262"');
    expect(keywordMatch('𠀀x')).toBe('bi : "f0a0808078"');
  });
});

describe('keyword index filled in bulk (a large import or restore)', () => {
  const W = { ...SAMPLES.workItems, participants: 0, passed: 0, leaderAppeared: false };
  /** A package of n 其他法治工作 records, ids w<from>…, each titled by its number. */
  const workItemsPackage = (n: number, from: number, title: (k: number) => string) =>
    JSON.stringify({
      format: 'fazhi-ledger-package',
      version: 1,
      township: { name: '清河镇', authority: '临江县清河镇人民政府' },
      workItems: Array.from({ length: n }, (_, i) => ({ id: `w${from + i}`, ...W, date: '2024-05-06', title: title(from + i) })),
    });
  /** Every live row's grams, as the index holds them, against the index itself: integrity-check compares both. */
  const integrity = (db: Db, table: string) =>
    db.prepare(`INSERT INTO ${keywordIndexName(table)} (${keywordIndexName(table)}, rank) VALUES ('integrity-check', 1)`).run();

  it('an import of a package through the bulk path gives an index equal to the scan, and the triggers are back', async () => {
    const core = newCore();
    ok(await core.call('exchange.import', { content: fixturePackage(fixtureNames()[0]) }));
    const db = core.ctx.db;
    const triggers = () => (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_fts_%'").get() as { n: number }).n;
    const before = triggers();
    // the bulk path on a ledger already holding rows: rows added, edited and binned inside it
    withBulkKeywordIndex(
      db,
      REGISTER_NAMES.map((n) => REGISTERS[n].table),
      () => {
        expect(triggers()).toBe(before - 3 * REGISTER_NAMES.length);
        insertRecord(db, REGISTERS.workItems, 'bulk-1', { ...W, title: '批量写入的宅基地审查' }, '2025-01-01T00:00:00.000Z');
        db.prepare("UPDATE activities SET search_text = search_text || ' 批量改动' WHERE rowid % 2 = 0").run();
        db.prepare("UPDATE inspections SET deleted_at = '2025-01-02' WHERE rowid % 3 = 0").run();
      },
    );
    expect(triggers()).toBe(before);
    for (const [i, name] of REGISTER_NAMES.entries()) {
      integrity(db, REGISTERS[name].table);
      compareAll(db, name, 4000 + i, { n: 30 });
    }
    expect(listRecords<{ id: string }>(db, REGISTERS.workItems, { keyword: '宅基地审' }).items.map((r) => r.id)).toEqual(['bulk-1']);
    expect(listRecords(db, REGISTERS.activities, { keyword: '批量改' }).total).toBe(scanRecords(db, REGISTERS.activities, { keyword: '批量改' }).total);
    // after it, a single write is indexed by the triggers again
    insertRecord(db, REGISTERS.workItems, 'after-1', { ...W, title: '之后的单条记录' }, '2025-01-01T00:00:00.000Z');
    expect(listRecords<{ id: string }>(db, REGISTERS.workItems, { keyword: '之后的单' }).items.map((r) => r.id)).toEqual(['after-1']);
  });

  it('a failed bulk write leaves rows, index and triggers exactly as they were', async () => {
    const core = newCore();
    ok(await core.call('exchange.import', { content: fixturePackage(fixtureNames()[0]) }));
    const db = core.ctx.db;
    const snapshot = () =>
      JSON.stringify([
        db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all(),
        ...REGISTER_NAMES.map((n) => db.prepare(`SELECT rowid, search_text, deleted_at FROM ${REGISTERS[n].table} ORDER BY rowid`).all()),
        ...REGISTER_NAMES.map((n) => db.prepare(`SELECT * FROM ${keywordIndexName(REGISTERS[n].table)}_data ORDER BY id`).all()),
      ]);
    const before = snapshot();
    expect(() =>
      withBulkKeywordIndex(db, ['activities', 'work_items'], () => {
        insertRecord(db, REGISTERS.workItems, 'doomed', { ...W, title: '不该留下的记录' }, '2025-01-01T00:00:00.000Z');
        db.prepare("UPDATE activities SET search_text = 'gone'").run();
        throw new Error('导入失败');
      }),
    ).toThrow('导入失败');
    expect(snapshot()).toBe(before);
    for (const [i, name] of REGISTER_NAMES.entries()) compareAll(db, name, 5000 + i, { n: 10 });
  });

  it('a large package import fills the index in bulk (equal to the scan); one failing after its writes leaves nothing', () => {
    const pkg = (n: number, from: number) => workItemsPackage(n, from, (k) => `批量法治工作${k}号宅基地`);
    const core = newCore();
    const db = core.ctx.db;
    const triggerSql = () => JSON.stringify(db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all());
    // the whole schema: the tables' own indexes (set aside for the bulk write too) come back as they were
    const schemaSql = () => JSON.stringify(db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name').all());
    const triggers = triggerSql();
    const schema = schemaSql();
    expect(schema).toContain('work_items_date');
    // 2 500 new rows into an empty register: the bulk path (bulkIndexWorthIt)
    importPackage(core.ctx, pkg(2500, 0), { dryRun: false });
    expect(triggerSql()).toBe(triggers);
    expect(schemaSql()).toBe(schema);
    // every index holds every row it should (integrity_check compares each index with its table)
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare("SELECT count(*) FROM work_items INDEXED BY work_items_date WHERE date >= '2024-01-01' AND deleted_at IS NULL").pluck().get()).toBe(2500);
    integrity(db, 'work_items');
    // the grams made in JavaScript give the very index that `rebuild` (fazhi_grams in the content view) gives
    const data = () => JSON.stringify(db.prepare('SELECT * FROM work_items_fts_data ORDER BY id').all());
    const filled = data();
    db.exec("INSERT INTO work_items_fts (work_items_fts) VALUES ('rebuild')");
    expect(data()).toBe(filled);
    compareAll(db, 'workItems', 6000, { n: 30 });
    expect(listRecords(db, REGISTERS.workItems, { keyword: '工作2499号' }).total).toBe(1);
    const fts = keywordIndexName('work_items');
    const indexState = () => JSON.stringify([db.prepare(`SELECT * FROM ${fts}_data ORDER BY id`).all(), db.prepare('SELECT count(*) FROM work_items').get()]);
    const before = indexState();
    expect(() =>
      importPackage(core.ctx, pkg(3000, 5000), {
        dryRun: false,
        afterWrite: () => {
          throw new Error('附件写入失败');
        },
      }),
    ).toThrow('附件写入失败');
    expect(indexState()).toBe(before);
    expect(triggerSql()).toBe(triggers);
    expect(schemaSql()).toBe(schema);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(listRecords(db, REGISTERS.workItems, { keyword: '工作5001号' }).total).toBe(0);
    compareAll(db, 'workItems', 6001, { n: 20 });
  });

  it("a township's package of a few dozen records a register is filled in bulk too; a few records into a larger register go row by row", () => {
    const pkg = (n: number, from: number) => workItemsPackage(n, from, (k) => `小包法治工作${k}号`);
    const core = newCore();
    const db = core.ctx.db;
    // the bulk path sets the triggers and indexes aside and back: the schema's version moves; row by row it does not
    const schemaVersion = () => db.pragma('schema_version', { simple: true }) as number;
    const triggers = () => JSON.stringify(db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all());
    const triggersBefore = triggers();
    let v = schemaVersion();
    expect(importPackage(core.ctx, pkg(60, 0), { dryRun: false }).totals.new).toBe(60);
    expect(schemaVersion()).toBeGreaterThan(v);
    expect(triggers()).toBe(triggersBefore);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    integrity(db, 'work_items');
    compareAll(db, 'workItems', 7000, { n: 20 });
    expect(listRecords(db, REGISTERS.workItems, { keyword: '工作59号' }).total).toBe(1);
    // 20 more beside 60: below minWrites, by the triggers
    v = schemaVersion();
    expect(importPackage(core.ctx, pkg(20, 100), { dryRun: false }).totals.new).toBe(20);
    expect(schemaVersion()).toBe(v);
    expect(listRecords(db, REGISTERS.workItems, { keyword: '工作119号' }).total).toBe(1);
    integrity(db, 'work_items');
    compareAll(db, 'workItems', 7001, { n: 20 });
  });
});
