import Database from 'better-sqlite3';
import JSZip from 'jszip';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { attachmentsDir, blobPath, sniffMime } from '../../../electron/core/attachments/store.ts';
import { migrate, MIGRATIONS, schemaVersion } from '../../../electron/core/db/migrations.ts';
import { createCore, type Core } from '../../../electron/core/index.ts';
import { err, ok, SAMPLES, tempDir } from '../../helpers/core.ts';

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100, 1), Buffer.from([0xff, 0xd9])]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const GIF = Buffer.from('GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;', 'latin1');
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([30, 0, 0, 0]), Buffer.from('WEBPVP8 '), Buffer.alloc(20)]);
const BMP = Buffer.concat([Buffer.from('BM'), Buffer.alloc(60)]);

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function core(name = 'ledger.db', dir?: string): { core: Core; dir: string } {
  let d = dir;
  if (!d) {
    const t = tempDir('fazhi-att-');
    cleanups.push(t.cleanup);
    d = t.dir;
  }
  const c = createCore({ dbPath: join(d, name), dataDir: d });
  cleanups.push(() => c.close());
  return { core: c, dir: d };
}

const add = (c: Core, recordId: string, fileName: string, bytes: Buffer, register: 'activities' | 'mediationCases' | 'inspections' = 'activities') =>
  c.call('attachments.add', { register, recordId, fileName, base64: bytes.toString('base64') });

describe('migration 2', () => {
  it('migrates an in-memory v1 database to v2 with the attachments table, keeping the records', () => {
    const db = new Database(':memory:');
    migrate(db, { migrations: MIGRATIONS.filter((m) => m.version === 1) });
    db.prepare('INSERT INTO settings (key, value) VALUES (\'township\', \'{"name":"小陶镇"}\')').run();
    expect(schemaVersion(db)).toBe(1);
    const calls: [number, number][] = [];
    expect(migrate(db, { migrations: MIGRATIONS.filter((m) => m.version <= 2), beforeMigrate: (from, to) => calls.push([from, to]) })).toEqual([2]);
    expect(calls).toEqual([[1, 2]]);
    expect(schemaVersion(db)).toBe(2);
    const cols = (db.prepare('PRAGMA table_info(attachments)').all() as { name: string }[]).map((c) => c.name);
    expect(cols).toEqual(['id', 'register', 'record_id', 'file_name', 'mime', 'size', 'sha256', 'created_at', 'deleted_at']);
    expect(db.prepare("SELECT value FROM settings WHERE key = 'township'").get()).toBeTruthy();
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});

describe('attachments', () => {
  it('recognises images and PDF by their first bytes, whatever the file is called', () => {
    expect([PNG, JPEG, PDF, GIF, WEBP, BMP].map(sniffMime)).toEqual(['image/png', 'image/jpeg', 'application/pdf', 'image/gif', 'image/webp', 'image/bmp']);
    expect(sniffMime(Buffer.from('MZ\u0090\u0000 program'))).toBeNull();
    expect(sniffMime(Buffer.from('PK\u0003\u0004 a docx'))).toBeNull();
  });

  it('stores a file once per content, lists, opens and removes attachments', async () => {
    const { core: c, dir } = core();
    const a = ok(await c.call('activities.create', { record: SAMPLES.activities }));
    const b = ok(await c.call('activities.create', { record: SAMPLES.activities }));
    const one = ok(await add(c, a.id, 'C:\\照片\\现场.png', PNG));
    const two = ok(await add(c, b.id, '同一张.png', PNG));
    ok(await add(c, a.id, '签到表.pdf', PDF));
    expect(one).toMatchObject({ fileName: '现场.png', mime: 'image/png', size: PNG.length, isImage: true });
    expect(one.sha256).toBe(two.sha256);
    expect(existsSync(blobPath(dir, one.sha256))).toBe(true);
    expect(blobPath(dir, one.sha256)).toBe(join(dir, 'attachments', one.sha256.slice(0, 2), one.sha256));
    expect(readdirSync(join(attachmentsDir(dir), one.sha256.slice(0, 2)))).toEqual([one.sha256]);
    const list = ok(await c.call('attachments.list', { register: 'activities', recordId: a.id }));
    expect(list.map((x) => [x.fileName, x.isImage])).toEqual([
      ['现场.png', true],
      ['签到表.pdf', false],
    ]);
    expect(ok(await c.call('attachments.counts', { register: 'activities', recordIds: [a.id, b.id, 'none'] }))).toEqual({ [a.id]: 2, [b.id]: 1 });
    const got = ok(await c.call('attachments.get', { id: one.id }));
    expect(Buffer.from(got.base64, 'base64')).toEqual(PNG);
    ok(await c.call('attachments.remove', { id: one.id }));
    expect(ok(await c.call('attachments.list', { register: 'activities', recordId: a.id })).map((x) => x.fileName)).toEqual(['签到表.pdf']);
    expect(err(await c.call('attachments.get', { id: one.id })).code).toBe('not_found');
    // the other record still holds the same content
    expect(Buffer.from(ok(await c.call('attachments.get', { id: two.id })).base64, 'base64')).toEqual(PNG);
  });

  it('refuses other file types, empty and oversized files, and records that do not take attachments, in Chinese', async () => {
    const { core: c } = core();
    const a = ok(await c.call('activities.create', { record: SAMPLES.activities }));
    expect(err(await add(c, a.id, '病毒.exe', Buffer.from('MZ\u0090\u0000 program'))).message).toMatch(/“病毒\.exe”不是图片或 PDF 文件，未添加/);
    expect(err(await add(c, a.id, '假装是图片.jpg', Buffer.from('just text'))).message).toMatch(/不是图片或 PDF/);
    const big = Buffer.concat([JPEG, Buffer.alloc(20 * 1024 * 1024)]);
    expect(err(await add(c, a.id, '大照片.jpg', big)).message).toMatch(/超过 20 MB 上限/);
    expect(err(await add(c, 'no-such-id', 'a.png', PNG)).code).toBe('not_found');
    const w = ok(await c.call('workItems.create', { record: SAMPLES.workItems }));
    expect(
      err(await c.call('attachments.add', { register: 'workItems' as never, recordId: w.id, fileName: 'a.png', base64: PNG.toString('base64') })).code,
    ).toBe('invalid_input');
  });

  it('go with their record to the 回收站 and come back with it', async () => {
    const { core: c } = core();
    const m = ok(await c.call('mediationCases.create', { record: SAMPLES.mediationCases }));
    const att = ok(await add(c, m.id, '调解协议.pdf', PDF, 'mediationCases'));
    ok(await c.call('mediationCases.delete', { id: m.id }));
    expect(ok(await c.call('attachments.list', { register: 'mediationCases', recordId: m.id }))).toEqual([]);
    expect(err(await c.call('attachments.get', { id: att.id })).code).toBe('not_found');
    expect(err(await add(c, m.id, 'more.pdf', PDF, 'mediationCases')).message).toMatch(/回收站/);
    ok(await c.call('mediationCases.restore', { id: m.id }));
    expect(ok(await c.call('attachments.list', { register: 'mediationCases', recordId: m.id })).map((x) => x.id)).toEqual([att.id]);
    // purged for good: the attachment rows go too
    ok(await c.call('mediationCases.delete', { id: m.id }));
    ok(await c.call('mediationCases.purge', { id: m.id }));
    expect(c.ctx.db.prepare('SELECT COUNT(*) AS n FROM attachments').get()).toEqual({ n: 0 });
  });
});

describe('packages with attachments (含附件) and department merge', () => {
  async function township(c: Core) {
    ok(await c.call('settings.update', { township: { name: '小陶镇', authority: '永安市小陶镇人民政府' } }));
  }

  it('exports one department as a .zip with its attachment files, and a township merges it with conflicts listed', async () => {
    const dept = core().core;
    const town = core().core;
    await township(dept);
    await township(town);
    const insp = ok(await dept.call('inspections.create', { record: { ...SAMPLES.inspections, department: '综合执法大队' } }));
    const other = ok(await dept.call('activities.create', { record: { ...SAMPLES.activities, department: '司法所' } }));
    ok(await add(dept, insp.id, '检查照片.jpg', JPEG, 'inspections'));
    ok(await add(dept, other.id, '活动照片.png', PNG));

    const zip1 = ok(await dept.call('exchange.exportZip', { department: '综合执法大队' }));
    expect(zip1.fileName).toMatch(/综合执法大队.*（含附件）.*\.zip$/);
    expect(zip1).toMatchObject({ attachments: 1, counts: { inspections: 1, activities: 0 } });
    const entries = Object.keys((await JSZip.loadAsync(Buffer.from(zip1.base64, 'base64'))).files);
    expect(entries).toContain('package.json');
    expect(entries.filter((e) => e.startsWith('attachments/') && !e.endsWith('/'))).toHaveLength(1);

    const preview = ok(await town.call('exchange.previewZip', { base64: zip1.base64 }));
    expect(preview).toMatchObject({ applied: false, attachments: { new: 1, invalid: 0 } });
    expect(preview.byRegister.inspections.new).toBe(1);
    expect(ok(await town.call('inspections.list', {})).total).toBe(0);
    const merged = ok(await town.call('exchange.importZip', { base64: zip1.base64 }));
    expect(merged.applied).toBe(true);
    const [att] = ok(await town.call('attachments.list', { register: 'inspections', recordId: insp.id }));
    expect(Buffer.from(ok(await town.call('attachments.get', { id: att.id })).base64, 'base64')).toEqual(JPEG);

    // importing the same package again: nothing new
    const again = ok(await town.call('exchange.previewZip', { base64: zip1.base64 }));
    expect(again.totals).toMatchObject({ new: 0, updated: 0, unchanged: 1 });
    expect(again.attachments).toMatchObject({ new: 0, existing: 1 });

    // only the department changes it: a plain update, no conflict
    ok(await dept.call('inspections.update', { id: insp.id, record: { ...SAMPLES.inspections, department: '综合执法大队', issuesFound: 5 } }));
    const zip2 = ok(await dept.call('exchange.exportZip', { department: '综合执法大队' }));
    const p2 = ok(await town.call('exchange.previewZip', { base64: zip2.base64 }));
    expect(p2.changes).toEqual([expect.objectContaining({ id: insp.id, action: 'updated', conflict: false })]);
    ok(await town.call('exchange.importZip', { base64: zip2.base64 }));

    // both sides change it: a conflict, the newer one wins and the list says which
    ok(await town.call('inspections.update', { id: insp.id, record: { ...SAMPLES.inspections, department: '综合执法大队', issuesFound: 6 } }));
    await new Promise((r) => setTimeout(r, 5));
    ok(await dept.call('inspections.update', { id: insp.id, record: { ...SAMPLES.inspections, department: '综合执法大队', issuesFound: 7 } }));
    const zip3 = ok(await dept.call('exchange.exportZip', { department: '综合执法大队' }));
    const p3 = ok(await town.call('exchange.previewZip', { base64: zip3.base64 }));
    expect(p3.changes).toEqual([expect.objectContaining({ id: insp.id, action: 'updated', conflict: true })]);
    ok(await town.call('exchange.importZip', { base64: zip3.base64 }));
    expect(ok(await town.call('inspections.get', { id: insp.id })).issuesFound).toBe(7);

    // the township's own later edit is kept against an older package
    await new Promise((r) => setTimeout(r, 5));
    ok(await town.call('inspections.update', { id: insp.id, record: { ...SAMPLES.inspections, department: '综合执法大队', issuesFound: 8 } }));
    const p4 = ok(await town.call('exchange.previewZip', { base64: zip2.base64 }));
    expect(p4.changes).toEqual([expect.objectContaining({ id: insp.id, action: 'keptLocal', conflict: true })]);
  });

  it('attachments survive a backup and restore after a zip merge', async () => {
    const { core: c } = core();
    await township(c);
    const a = ok(await c.call('activities.create', { record: SAMPLES.activities }));
    const att = ok(await add(c, a.id, '照片.png', PNG));
    const backup = ok(await c.call('backup.create', {}));
    ok(await c.call('activities.delete', { id: a.id }));
    ok(await c.call('activities.purge', { id: a.id }));
    ok(await c.call('backup.restore', { name: backup.name }));
    expect(Buffer.from(ok(await c.call('attachments.get', { id: att.id })).base64, 'base64')).toEqual(PNG);
  });

  it('refuses a .zip that is not a package, and a package whose attachment file is damaged, writing nothing', async () => {
    const dept = core().core;
    const town = core().core;
    await township(dept);
    const a = ok(await dept.call('activities.create', { record: SAMPLES.activities }));
    ok(await add(dept, a.id, '照片.png', PNG));
    const good = ok(await dept.call('exchange.exportZip', {}));
    const zip = await JSZip.loadAsync(Buffer.from(good.base64, 'base64'));
    const name = Object.keys(zip.files).find((n) => n.startsWith('attachments/') && !zip.files[n].dir)!;
    zip.file(name, Buffer.from('tampered'));
    const bad = (await zip.generateAsync({ type: 'nodebuffer' })).toString('base64');
    const r = ok(await town.call('exchange.importZip', { base64: bad }));
    expect(r.applied).toBe(false);
    expect(r.attachments.issues[0].message).toMatch(/校验值不符/);
    expect(ok(await town.call('activities.list', {})).total).toBe(0);
    expect(err(await town.call('exchange.importZip', { base64: Buffer.from('not a zip').toString('base64') })).message).toMatch(/无法读取这个 \.zip 文件/);
    const noPkg = (await new JSZip().file('readme.txt', 'x').generateAsync({ type: 'nodebuffer' })).toString('base64');
    expect(err(await town.call('exchange.previewZip', { base64: noPkg })).message).toMatch(/不是法治台账导出的「含附件」数据包/);
  });
});
