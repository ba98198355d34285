import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { blobPath } from '../../../electron/core/attachments/store.ts';
import { backupsDir, createBackup, listBackups, maybeDailyBackup, pruneBackups } from '../../../electron/core/backup/backup.ts';
import { migrate, MIGRATIONS, schemaVersion } from '../../../electron/core/db/migrations.ts';
import { createCore, type Core } from '../../../electron/core/index.ts';
import { insertRecord } from '../../../electron/core/registers/repository.ts';
import { REGISTERS, REGISTER_NAMES } from '../../../electron/shared/registers.ts';
import { validateRecord } from '../../../electron/shared/validation.ts';
import { err, ok, SAMPLES, tempDir } from '../../helpers/core.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

const valid = (input: Record<string, unknown>) => {
  const v = validateRecord(REGISTERS.activities, input);
  if (!v.ok) throw new Error(JSON.stringify(v.issues));
  return v.value as unknown as Record<string, unknown>;
};

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function fileCore(): { core: Core; dir: string } {
  const { dir, cleanup } = tempDir('fazhi-backup-');
  const core = createCore({ dbPath: join(dir, 'ledger.db') });
  cleanups.push(() => {
    core.close();
    cleanup();
  });
  return { core, dir };
}

const counts = async (core: Core) => {
  const out: Record<string, number> = {};
  for (const r of REGISTER_NAMES) out[r] = (ok(await core.dispatch(`${r}.list`, { pageSize: 1 })) as { total: number }).total;
  return out;
};

async function seed(core: Core) {
  ok(await core.call('settings.update', { township: { name: '小陶镇', authority: '永安市小陶镇人民政府' } }));
  const ids: Record<string, string> = {};
  for (const r of REGISTER_NAMES) ids[r] = (ok(await core.dispatch(`${r}.create`, { record: SAMPLES[r] })) as { id: string }).id;
  const att = ok(
    await core.call('attachments.add', { register: 'activities', recordId: ids.activities, fileName: '现场照片.png', base64: PNG.toString('base64') }),
  );
  return { ids, att };
}

// Rows of 400-character notes for the kill tests: enough for a ≈30 MB ledger, so a backup or
// a restore takes long enough to be killed in the middle (the keyword index, about four
// fifths of the file with such notes, counts towards it).
const BIG_LEDGER_ROWS = 12_000;

describe('backup and restore', () => {
  it('round trip: the database and the attachment files come back; the state before is backed up', async () => {
    const { core, dir } = fileCore();
    const { ids, att } = await seed(core);
    const backup = ok(await core.call('backup.create', {}));
    expect(backup.name).toMatch(/^ledger-\d{8}-\d{6}-manual\.zip$/);
    const zip = await JSZip.loadAsync(readFileSync(backup.path));
    expect(Object.keys(zip.files).sort()).toEqual(
      expect.arrayContaining(['ledger.db', 'manifest.json', `attachments/${att.sha256.slice(0, 2)}/${att.sha256}`]),
    );

    // then the clerk loses things
    ok(await core.call('activities.delete', { id: ids.activities }));
    ok(await core.call('activities.purge', { id: ids.activities }));
    ok(await core.call('workItems.create', { record: SAMPLES.workItems }));
    rmSync(blobPath(dir, att.sha256));

    const check = ok(await core.call('backup.check', { name: backup.name }));
    expect(check).toMatchObject({
      ok: true,
      township: '小陶镇',
      counts: { activities: 1, mediationCases: 1, inspections: 1, workItems: 1, disclosureRequests: 1 },
      attachments: 1,
    });
    const restored = ok(await core.call('backup.restore', { name: backup.name }));
    expect(restored.safetyBackup.kind).toBe('before-restore');
    expect(await counts(core)).toEqual({ activities: 1, mediationCases: 1, inspections: 1, workItems: 1, disclosureRequests: 1, screenings: 1 });
    const got = ok(await core.call('attachments.get', { id: att.id }));
    expect(Buffer.from(got.base64, 'base64')).toEqual(PNG);
    expect(core.ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');

    // and the safety backup holds the state before the restore
    const before = ok(await core.call('backup.check', { name: restored.safetyBackup.name }));
    expect(before.counts).toMatchObject({ activities: 0, workItems: 2 });
  });

  it('备份到… a chosen file, and restore from a chosen file (base64, as the page sends it)', async () => {
    const { core, dir } = fileCore();
    await seed(core);
    const out = join(dir, '我的备份.zip');
    await createBackup(core.ctx, 'manual', { to: out });
    const dl = ok(await core.call('backup.download', {}));
    expect(dl.fileName).toMatch(/^法治台账备份-.*\.zip$/);
    ok(await core.call('workItems.create', { record: SAMPLES.workItems }));
    ok(await core.call('backup.restore', { base64: readFileSync(out).toString('base64') }));
    expect((await counts(core)).workItems).toBe(1);
    ok(await core.call('backup.restore', { base64: dl.base64 }));
    expect((await counts(core)).workItems).toBe(1);
  });

  it('refuses a corrupt, truncated, foreign or newer file and leaves the current data untouched', async () => {
    const { core, dir } = fileCore();
    await seed(core);
    const good = ok(await core.call('backup.create', {}));
    const before = await counts(core);
    const foreign = join(dir, 'foreign.db');
    const f = new Database(foreign);
    f.exec("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers VALUES (1, 'x')");
    f.close();
    const newer = join(dir, 'newer.db');
    const n = new Database(newer);
    n.close();
    core.ctx.db.prepare('VACUUM INTO ?').run(newer);
    const nn = new Database(newer);
    nn.pragma('user_version = 99');
    nn.close();
    const corruptDb = Buffer.from(readFileSync(foreign));
    corruptDb.fill(0x55, 200, 3000);
    const cases: [string, Buffer, RegExp][] = [
      ['random bytes', Buffer.from('这不是备份'.repeat(100)), /不是法治台账的备份文件/],
      ['truncated zip', readFileSync(good.path).subarray(0, 2000), /已损坏/],
      ['zip without ledger.db', await new JSZip().file('x.txt', 'hi').generateAsync({ type: 'nodebuffer' }), /没有 ledger\.db/],
      ['foreign database', readFileSync(foreign), /不是法治台账的数据库/],
      ['corrupt database', corruptDb, /损坏|完整性|不是/],
      ['newer database', readFileSync(newer), /更新版本/],
    ];
    for (const [what, bytes, message] of cases) {
      const check = ok(await core.call('backup.check', { base64: bytes.toString('base64') }));
      expect(check.ok, what).toBe(false);
      expect(check.message, what).toMatch(message);
      const e = err(await core.call('backup.restore', { base64: bytes.toString('base64') }));
      expect(e.message, what).toMatch(/^未恢复，现有数据未改动/);
    }
    expect(await counts(core)).toEqual(before);
    expect(listBackups(dir).filter((b) => b.kind === 'before-restore')).toEqual([]);
    expect(readdirSync(backupsDir(dir)).filter((n) => n.startsWith('.tmp'))).toEqual([]);
  });

  it('backs up before a JSON package import and before an Excel import', async () => {
    const { core, dir } = fileCore();
    await seed(core);
    const pkg = ok(await core.call('exchange.export', {}));
    const fresh = fileCore();
    ok(await fresh.core.call('exchange.import', { content: pkg.content }));
    expect(listBackups(fresh.dir).map((b) => b.kind)).toEqual(['before-import']);
    // a package that is refused writes nothing and needs no backup
    ok(await fresh.core.call('exchange.import', { content: pkg.content.replace('"date": "2024-03-15"', '"date": "2024-13-15"') }));
    expect(listBackups(fresh.dir)).toHaveLength(1);
    expect(listBackups(dir)).toEqual([]);
  });

  it('takes the daily backup at the first start of a day only, and keeps 30 daily plus one a month', async () => {
    const { core, dir } = fileCore();
    expect(await maybeDailyBackup(core.ctx)).not.toBeNull();
    expect(await maybeDailyBackup(core.ctx)).toBeNull();
    const bdir = backupsDir(dir);
    for (const n of readdirSync(bdir)) rmSync(join(bdir, n));
    // 90 days of daily backups, Jan–Mar 2024
    for (let i = 0; i < 91; i++) {
      const d = new Date(Date.UTC(2024, 0, 1 + i));
      const s = `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
      writeFileSync(join(bdir, `ledger-${s}-080000-daily.zip`), 'x');
    }
    for (let i = 0; i < 25; i++) writeFileSync(join(bdir, `ledger-20240301-0900${String(i).padStart(2, '0')}-before-import.zip`), 'x');
    pruneBackups(dir);
    const left = listBackups(dir);
    const daily = left.filter((b) => b.kind === 'daily').map((b) => b.createdAt.slice(0, 10));
    expect(daily).toHaveLength(33);
    expect(daily.slice(0, 30)[29]).toBe('2024-03-02');
    expect(daily.slice(30)).toEqual(['2024-03-01', '2024-02-01', '2024-01-01']);
    expect(left.filter((b) => b.kind === 'before-import')).toHaveLength(20);
  });

  it('backs up a database before migrating it (v1 → current)', () => {
    const { dir, cleanup } = tempDir('fazhi-migrate-');
    cleanups.push(cleanup);
    const file = join(dir, 'ledger.db');
    const v1 = new Database(file);
    migrate(v1, { migrations: MIGRATIONS.filter((m) => m.version === 1) });
    insertRecord(v1, REGISTERS.activities, 'a1', valid({ ...SAMPLES.activities }), '2024-01-01T00:00:00.000Z');
    v1.close();
    const core = createCore({ dbPath: file });
    cleanups.push(() => core.close());
    expect(schemaVersion(core.ctx.db)).toBe(MIGRATIONS.at(-1)!.version);
    const [b] = listBackups(dir);
    expect(b.kind).toBe('before-migrate');
    const copy = new Database(b.path, { readonly: true });
    expect(schemaVersion(copy)).toBe(1);
    expect((copy.prepare('SELECT COUNT(*) AS n FROM activities').get() as { n: number }).n).toBe(1);
    copy.close();
  });

  it('checks and restores a backup made before a register existed (schema 1: no 依申请公开 table)', async () => {
    const { dir, cleanup } = tempDir('fazhi-old-backup-');
    cleanups.push(cleanup);
    const file = join(dir, 'ledger.db');
    const v1 = new Database(file);
    migrate(v1, { migrations: MIGRATIONS.filter((m) => m.version === 1) });
    insertRecord(v1, REGISTERS.activities, 'a1', valid({ ...SAMPLES.activities }), '2024-01-01T00:00:00.000Z');
    v1.close();
    const core = createCore({ dbPath: file });
    cleanups.push(() => core.close());
    const [b] = listBackups(dir);
    const check = ok(await core.call('backup.check', { name: b.name }));
    expect(check).toMatchObject({ ok: true, schemaVersion: 1, counts: { activities: 1, disclosureRequests: 0 } });
    ok(await core.call('disclosureRequests.create', { record: SAMPLES.disclosureRequests }));
    ok(await core.call('backup.restore', { name: b.name }));
    expect(ok(await core.call('activities.list', {})).total).toBe(1);
    expect(ok(await core.call('disclosureRequests.list', {})).total).toBe(0);
  });

  it('a process killed in the middle of a backup leaves the database and the backups intact', async () => {
    const { dir, cleanup } = tempDir('fazhi-kill-');
    cleanups.push(cleanup);
    const file = join(dir, 'ledger.db');
    const setup = createCore({ dbPath: file });
    const db = setup.ctx.db;
    const base = valid({ ...SAMPLES.activities, notes: 'x'.repeat(400) });
    db.transaction(() => {
      for (let i = 0; i < BIG_LEDGER_ROWS; i++) insertRecord(db, REGISTERS.activities, `a${i}`, { ...base, title: `活动${i}` }, '2024-01-01T00:00:00.000Z');
    })();
    setup.close();
    const script = join(dir, 'child.ts');
    writeFileSync(
      script,
      `
      import { createCore } from ${JSON.stringify(join(ROOT, 'electron/core/index.ts'))};
      import { createBackup } from ${JSON.stringify(join(ROOT, 'electron/core/backup/backup.ts'))};
      const core = createCore({ dbPath: ${JSON.stringify(file)} });
      console.log('ready');
      for (;;) await createBackup(core.ctx, 'manual');
    `,
    );
    const child = spawn(join(ROOT, 'node_modules/.bin/node'), [script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
    // kill it while a backup is being written (its temporary copy exists)
    const bdir = backupsDir(dir);
    const started = Date.now();
    while (!(existsSync(bdir) && readdirSync(bdir).some((n) => n.startsWith('.tmp-'))) && Date.now() - started < 20_000) {
      await new Promise((r) => setTimeout(r, 5));
    }
    await new Promise((r) => setTimeout(r, 30));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));

    const core = createCore({ dbPath: file });
    cleanups.push(() => core.close());
    expect(core.ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(ok(await core.call('activities.list', { pageSize: 1 })).total).toBe(BIG_LEDGER_ROWS);
    // whatever finished is a sound backup; a half-written one never has a backup's name
    for (const b of listBackups(dir)) expect(ok(await core.call('backup.check', { name: b.name })).ok).toBe(true);
    expect(readdirSync(backupsDir(dir)).every((n) => n.startsWith('.tmp') || /\.partial$/.test(n) || /^ledger-/.test(n))).toBe(true);
    expect(readdirSync(bdir).some((n) => n.startsWith('.tmp-'))).toBe(true);
    // the next start clears the leftovers of the interrupted backup
    await maybeDailyBackup({ ...core.ctx, now: () => new Date(Date.now() + 3_600_000) });
    expect(readdirSync(bdir).filter((n) => n.startsWith('.tmp-') && !n.endsWith('-wal') && !n.endsWith('-shm'))).toEqual([]);
  }, 60_000);
  it('a process killed in the middle of a restore leaves either the old or the restored ledger, never a broken one', async () => {
    const { dir, cleanup } = tempDir('fazhi-kill-restore-');
    cleanups.push(cleanup);
    const file = join(dir, 'ledger.db');
    const setup = createCore({ dbPath: file });
    const base = valid({ ...SAMPLES.activities, notes: 'y'.repeat(400) });
    setup.ctx.db.transaction(() => {
      for (let i = 0; i < BIG_LEDGER_ROWS; i++)
        insertRecord(setup.ctx.db, REGISTERS.activities, `old${i}`, { ...base, title: `旧${i}` }, '2024-01-01T00:00:00.000Z');
    })();
    const backup = ok(await setup.call('backup.create', {}));
    // the live ledger then differs from the backup: 1 record instead of 60 000
    setup.ctx.db.exec('DELETE FROM activities');
    insertRecord(setup.ctx.db, REGISTERS.activities, 'current', { ...base, title: '现在' }, '2024-01-01T00:00:00.000Z');
    setup.close();
    const script = join(dir, 'child.ts');
    writeFileSync(
      script,
      `
      import { createCore } from ${JSON.stringify(join(ROOT, 'electron/core/index.ts'))};
      const core = createCore({ dbPath: ${JSON.stringify(file)} });
      console.log('ready');
      for (;;) {
        const r = await core.call('backup.restore', { name: ${JSON.stringify(backup.name)} });
        if (!r.ok) { console.error(r.error.message); process.exit(3); }
        core.ctx.db.exec("DELETE FROM activities WHERE id <> 'old0'");
      }
    `,
    );
    for (const delay of [150, 600, 1200, 2000]) {
      const child = spawn(join(ROOT, 'node_modules/.bin/node'), [script], { stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      const db = new Database(file);
      expect(db.pragma('integrity_check', { simple: true }), `killed after ${delay} ms`).toBe('ok');
      const n = (db.prepare('SELECT COUNT(*) AS n FROM activities').get() as { n: number }).n;
      expect([1, BIG_LEDGER_ROWS], `killed after ${delay} ms: ${n} records`).toContain(n);
      db.close();
    }
  }, 120_000);
});
