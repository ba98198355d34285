// Attacks on restore: a backup is data, never code. Each crafted backup below
// broke the ledger before restore rebuilt it from rows (issue 8, attacks 1–3, 10).
import Database from 'better-sqlite3';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackup } from '../../../electron/core/backup/backup.ts';
import { createCore, type Core } from '../../../electron/core/index.ts';
import { LATEST_VERSION, migrate } from '../../../electron/core/db/migrations.ts';
import { REGISTER_NAMES } from '../../../electron/shared/registers.ts';
import { err, ok, SAMPLES, tempDir } from '../../helpers/core.ts';

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function fileCore(): { core: Core; dir: string; reopen: () => Core } {
  const { dir, cleanup } = tempDir('fazhi-hostile-');
  const dbPath = join(dir, 'ledger.db');
  const core = createCore({ dbPath });
  const opened: Core[] = [core];
  cleanups.push(() => {
    for (const c of opened) c.close();
    cleanup();
  });
  return {
    core,
    dir,
    reopen: () => {
      const c = createCore({ dbPath });
      opened.push(c);
      return c;
    },
  };
}

const total = async (core: Core, r: string) => (ok(await core.dispatch(`${r}.list`, { pageSize: 1 })) as { total: number }).total;

async function seed(core: Core, activities = 5) {
  ok(await core.call('settings.update', { township: { name: '小陶镇', authority: '永安市小陶镇人民政府' } }));
  const ids: string[] = [];
  for (let i = 0; i < activities; i++) ids.push(ok(await core.call('activities.create', { record: { ...SAMPLES.activities, title: `活动${i + 1}` } })).id);
  for (const r of REGISTER_NAMES.filter((x) => x !== 'activities')) ok(await core.dispatch(`${r}.create`, { record: SAMPLES[r] }));
  const att = ok(await core.call('attachments.add', { register: 'activities', recordId: ids[0], fileName: '现场照片.png', base64: PNG.toString('base64') }));
  return { ids, att };
}

/** A copy of the live database, changed by `tamper`, as a bare ledger.db a clerk might pick. */
function craft(core: Core, dir: string, name: string, tamper: (db: Database.Database) => void, opts: { pageSize?: number } = {}): Buffer {
  const file = join(dir, name);
  if (opts.pageSize) {
    const tmp = join(dir, `${name}.plain`);
    core.ctx.db.prepare('VACUUM INTO ?').run(tmp);
    const t = new Database(tmp);
    t.pragma('journal_mode = DELETE');
    t.pragma(`page_size = ${opts.pageSize}`);
    t.exec('VACUUM');
    t.prepare('VACUUM INTO ?').run(file);
    t.close();
  } else {
    core.ctx.db.prepare('VACUUM INTO ?').run(file);
  }
  const db = new Database(file);
  db.pragma('journal_mode = DELETE');
  tamper(db);
  db.close();
  return readFileSync(file);
}

const objects = (core: Core, type: string) =>
  (core.ctx.db.prepare('SELECT name FROM sqlite_master WHERE type = ?').all(type) as { name: string }[]).map((r) => r.name).sort();
const columns = (db: Database.Database, table: string) => (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);

describe('restore: a backup is data, never code', () => {
  it('1. user_version 1 with the newer tables present: restored as version 1 rows, upgraded, and the app keeps working', async () => {
    const { core, dir, reopen } = fileCore();
    await seed(core);
    const bytes = craft(core, dir, 'old.db', (db) => db.pragma('user_version = 1'));
    const before = ok(await core.call('backup.check', { base64: bytes.toString('base64') }));
    expect(before.ok).toBe(true);
    expect(before.schemaVersion).toBe(1);
    const r = ok(await core.call('backup.restore', { base64: bytes.toString('base64') }));
    expect(r.schemaVersion).toBe(LATEST_VERSION);
    expect(await total(core, 'activities')).toBe(5);
    // attachments belong to version 2: a version-1 backup brings none
    expect((core.ctx.db.prepare('SELECT COUNT(*) AS n FROM attachments').get() as { n: number }).n).toBe(0);
    // a restart (CLI, web, desktop) opens it; the safety backup restores too
    const again = reopen();
    expect(await total(again, 'activities')).toBe(5);
    again.close();
    ok(await core.call('backup.restore', { name: r.safetyBackup.name }));
    expect(await total(core, 'activities')).toBe(5);
    expect((core.ctx.db.prepare('SELECT COUNT(*) AS n FROM attachments').get() as { n: number }).n).toBe(1);
  });

  it('1b. a genuine version-1 backup (without the tables later versions added) restores; a missing ledger table is named', async () => {
    const { core, dir } = fileCore();
    await seed(core);
    const v1 = craft(core, dir, 'v1.db', (db) => {
      for (const { name } of db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all() as { name: string }[]) db.exec(`DROP TRIGGER "${name}"`);
      db.exec('DROP TABLE attachments; DROP TABLE exchange_seen');
      db.pragma('user_version = 1');
    });
    ok(await core.call('backup.restore', { base64: v1.toString('base64') }));
    expect(await total(core, 'activities')).toBe(5);
    const broken = craft(core, dir, 'no-cases.db', (db) => {
      for (const { type, name } of db.prepare("SELECT type, name FROM sqlite_master WHERE type IN ('trigger', 'view')").all() as {
        type: string;
        name: string;
      }[]) {
        db.exec(`DROP ${type.toUpperCase()} IF EXISTS "${name}"`);
      }
      db.exec('DROP TABLE mediation_cases');
    });
    expect(err(await core.call('backup.restore', { base64: broken.toString('base64') })).message).toMatch(/缺少数据表：mediation_cases/);
  });

  it('2. a trigger in the backup does not come along: creating one activity deletes nothing, nothing leaks into other rows', async () => {
    const { core, dir } = fileCore();
    await seed(core, 20);
    const bytes = craft(core, dir, 'trigger.db', (db) =>
      db.exec(`
      CREATE TRIGGER wipe AFTER INSERT ON activities BEGIN DELETE FROM activities WHERE id <> NEW.id; END;
      CREATE TRIGGER leak AFTER INSERT ON mediation_cases BEGIN UPDATE year_profiles SET narrative_intro = NEW.parties; END;
      CREATE TEMP TRIGGER t2 AFTER INSERT ON activities BEGIN SELECT 1; END;
    `),
    );
    ok(await core.call('backup.restore', { base64: bytes.toString('base64') }));
    expect(objects(core, 'trigger')).not.toContain('wipe');
    expect(objects(core, 'trigger')).not.toContain('leak');
    ok(await core.call('activities.create', { record: { ...SAMPLES.activities, title: '新活动' } }));
    expect(await total(core, 'activities')).toBe(21);
    expect((await total(core, 'activities')) + ok(await core.call('activities.list', { deleted: true })).total).toBe(21);
  });

  it('2b. views, extra columns, a changed table and odd settings have no effect', async () => {
    const { core, dir } = fileCore();
    await seed(core);
    const fresh = new Database(':memory:');
    migrate(fresh);
    const bytes = craft(core, dir, 'schema.db', (db) => {
      db.exec(`
        CREATE VIEW evil_view AS SELECT * FROM mediation_cases;
        ALTER TABLE activities ADD COLUMN evil TEXT DEFAULT 'x';
        UPDATE activities SET evil = 'payload';
        INSERT INTO settings (key, value) VALUES ('approximateNumbers', '"不是布尔"') ON CONFLICT(key) DO UPDATE SET value = excluded.value;
        INSERT INTO settings (key, value) VALUES ('evilKey', '{"a":1}');
        CREATE INDEX evil_index ON activities(evil);
      `);
    });
    const check = ok(await core.call('backup.check', { base64: bytes.toString('base64') }));
    expect(check.ok).toBe(true);
    expect(check.message).toMatch(/设置无效/);
    ok(await core.call('backup.restore', { base64: bytes.toString('base64') }));
    expect(objects(core, 'view')).not.toContain('evil_view');
    expect(objects(core, 'view')).toEqual(objects({ ctx: { db: fresh } } as unknown as Core, 'view'));
    expect(objects(core, 'index')).not.toContain('evil_index');
    expect(columns(core.ctx.db, 'activities')).toEqual(columns(fresh, 'activities'));
    const settings = ok(await core.call('settings.get', {}));
    expect(settings.approximateNumbers).toBe(true);
    expect(settings.township?.name).toBe('小陶镇');
    expect(core.ctx.db.prepare("SELECT 1 FROM settings WHERE key = 'evilKey'").get()).toBeUndefined();
    // saving, statistics and the report still work
    ok(await core.call('activities.create', { record: SAMPLES.activities }));
    ok(await core.call('stats.year', { year: 2024 }));
  });

  it('2c. a table whose rows break our rules is refused whole (truthfully), or restored without those rows when asked', async () => {
    const { core, dir } = fileCore();
    await seed(core);
    const bytes = craft(core, dir, 'bad-rows.db', (db) => {
      db.exec(`UPDATE activities SET kind = 'hacked', audience = 1000000000000000 WHERE title = '活动2'`);
    });
    const b64 = bytes.toString('base64');
    const check = ok(await core.call('backup.check', { base64: b64 }));
    expect(check.ok).toBe(false);
    expect(check.issueCount).toBe(1);
    expect(check.issues[0]).toMatch(/普法宣传活动.*活动2.*形式/);
    ok(await core.call('activities.create', { record: { ...SAMPLES.activities, title: '恢复前新建' } }));
    const e = err(await core.call('backup.restore', { base64: b64 }));
    expect(e.message).toMatch(/^未恢复，现有数据未改动：备份中有 1 条记录不符合要求/);
    expect(await total(core, 'activities')).toBe(6);
    const r = ok(await core.call('backup.restore', { base64: b64, skipInvalid: true }));
    expect(r.check.issueCount).toBe(1);
    expect(await total(core, 'activities')).toBe(4);
  });

  it('3. an attachment row naming ../…/etc/passwd is refused; such a row is never served or exported', async () => {
    const { core, dir } = fileCore();
    const { att, ids } = await seed(core);
    const evil = `${'../'.repeat(17)}etc/passwd`.padEnd(64, '/').slice(0, 64);
    expect(evil).toHaveLength(64);
    const bytes = craft(core, dir, 'traversal.db', (db) => {
      db.prepare(
        "INSERT INTO attachments (id, register, record_id, file_name, mime, size, sha256, created_at) VALUES ('evil', 'activities', ?, 'x.png', 'image/png', 9, ?, '2024-01-01T00:00:00.000Z')",
      ).run(ids[0], evil);
    });
    const e = err(await core.call('backup.restore', { base64: bytes.toString('base64') }));
    expect(e.message).toMatch(/未恢复，现有数据未改动.*附件.*校验值无效/);

    // the same row planted in the live database (by any means) is neither served nor exported
    core.ctx.db
      .prepare(
        "INSERT INTO attachments (id, register, record_id, file_name, mime, size, sha256, created_at) VALUES ('evil', 'activities', ?, 'x.png', 'image/png', 9, ?, '2024-01-01T00:00:00.000Z')",
      )
      .run(ids[0], evil);
    expect(err(await core.call('attachments.get', { id: 'evil' })).message).toMatch(/已损坏/);
    const zip = await JSZip.loadAsync(Buffer.from(ok(await core.call('exchange.exportZip', {})).base64, 'base64'));
    expect(Object.keys(zip.files).filter((n) => n.includes('..'))).toEqual([]);
    const backup = await createBackup(core.ctx, 'manual');
    const bz = await JSZip.loadAsync(readFileSync(backup.path));
    expect(Object.keys(bz.files).filter((n) => n.includes('..'))).toEqual([]);
    expect(Object.keys(bz.files)).toContain(`attachments/${att.sha256.slice(0, 2)}/${att.sha256}`);

    // a stored file whose bytes no longer hash to its name is not served
    writeFileSync(join(dir, 'attachments', att.sha256.slice(0, 2), att.sha256), Buffer.concat([PNG, Buffer.from('x')]));
    expect(err(await core.call('attachments.get', { id: att.id })).message).toMatch(/已损坏/);
  });

  it('3b. attachment mime and size are measured from the file, not taken from the backup row', async () => {
    const { core, dir } = fileCore();
    const { att } = await seed(core);
    const zipBytes = readFileSync((await createBackup(core.ctx, 'manual')).path);
    const zip = await JSZip.loadAsync(zipBytes);
    const dbFile = join(dir, 'lying.db');
    writeFileSync(dbFile, await zip.file('ledger.db')!.async('nodebuffer'));
    const db = new Database(dbFile);
    db.prepare("UPDATE attachments SET mime = 'text/html', size = 999999999").run();
    db.close();
    zip.file('ledger.db', readFileSync(dbFile));
    const b64 = (await zip.generateAsync({ type: 'nodebuffer' })).toString('base64');
    ok(await core.call('backup.restore', { base64: b64 }));
    const got = ok(await core.call('attachments.list', { register: 'activities', recordId: att.recordId }));
    expect(got[0]).toMatchObject({ mime: 'image/png', size: PNG.length });
  });

  it('3c. a damaged attachment file in a backup costs that attachment only (listed; restorable with skipInvalid)', async () => {
    const { dir: other, cleanup } = tempDir('fazhi-other-pc-');
    cleanups.push(cleanup);
    const { core } = fileCore();
    const { att } = await seed(core);
    const zip = await JSZip.loadAsync(readFileSync((await createBackup(core.ctx, 'manual')).path));
    zip.file(`attachments/${att.sha256.slice(0, 2)}/${att.sha256}`, Buffer.concat([PNG, Buffer.from('坏')]));
    const b64 = (await zip.generateAsync({ type: 'nodebuffer' })).toString('base64');
    // restored on another PC, which does not have the file
    const elsewhere = createCore({ dbPath: join(other, 'ledger.db') });
    cleanups.push(() => elsewhere.close());
    const check = ok(await elsewhere.call('backup.check', { base64: b64 }));
    expect(check.ok).toBe(false);
    expect(check.issues).toEqual([expect.stringMatching(/附件“现场照片\.png”：备份中的这个附件文件已损坏/)]);
    expect(err(await elsewhere.call('backup.restore', { base64: b64 })).message).toMatch(/^未恢复，现有数据未改动/);
    ok(await elsewhere.call('backup.restore', { base64: b64, skipInvalid: true }));
    expect(await total(elsewhere, 'activities')).toBe(5);
    expect(ok(await elsewhere.call('attachments.list', { register: 'activities', recordId: att.recordId }))).toEqual([]);
    // on this PC the file is still sound in the attachments folder: nothing is lost
    expect(ok(await core.call('backup.check', { base64: b64 })).ok).toBe(true);
  });

  it("10. a backup with page_size 8192 restores (the backup's page size has no effect)", async () => {
    const { core, dir } = fileCore();
    await seed(core);
    const bytes = craft(core, dir, 'p8192.db', () => undefined, { pageSize: 8192 });
    expect(bytes.readUInt16BE(16)).toBe(8192);
    ok(await core.call('activities.create', { record: SAMPLES.activities }));
    ok(await core.call('backup.restore', { base64: bytes.toString('base64') }));
    expect(await total(core, 'activities')).toBe(5);
    expect(core.ctx.db.pragma('page_size', { simple: true })).toBe(4096);
  });

  it('a register declared as a virtual table in the backup is not read (its module never runs)', async () => {
    const { core, dir } = fileCore();
    await seed(core);
    const bytes = craft(core, dir, 'virtual.db', (db) => {
      // views of our own schema (a keyword index's) would hold on to the table
      for (const { name } of db.prepare("SELECT name FROM sqlite_master WHERE type = 'view'").all() as { name: string }[]) db.exec(`DROP VIEW "${name}"`);
      db.exec(`CREATE TABLE keep AS SELECT * FROM work_items; DROP TABLE work_items;
        CREATE VIRTUAL TABLE work_items USING fts5(id, date, category, title);`);
    });
    const e = err(await core.call('backup.restore', { base64: bytes.toString('base64') }));
    expect(e.message).toMatch(/未恢复，现有数据未改动：这不是法治台账的数据库（缺少数据表：work_items）/);
    expect(await total(core, 'workItems')).toBe(1);
  });

  it('a newer backup is refused; a failed restore leaves no temporary file and the ledger as it was', async () => {
    const { core, dir } = fileCore();
    await seed(core);
    const bytes = craft(core, dir, 'newer.db', (db) => db.pragma('user_version = 999'));
    const e = err(await core.call('backup.restore', { base64: bytes.toString('base64') }));
    expect(e.message).toMatch(/未恢复，现有数据未改动：备份由更新版本的法治台账创建/);
    expect(await total(core, 'activities')).toBe(5);
    const left = (await import('node:fs')).readdirSync(dir).filter((n) => n.includes('.restore-'));
    expect(left).toEqual([]);
    expect(existsSync(join(dir, 'ledger.db'))).toBe(true);
  });
});
