// Limits at the door and personal data leaving the PC (issue 8, attacks 7–9).
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createCore } from '../../electron/core/index.ts';
import { listZip, readZipEntry, safeEntryName } from '../../electron/core/util/zip-read.ts';
import { err, memoryCore, ok, SAMPLES, tempDir } from '../helpers/core.ts';

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);
const TOWNSHIP = { name: '小陶镇', authority: '永安市小陶镇人民政府' };

/** A zip written by hand, so an entry can declare any size it likes. */
function craftZip(entries: { name: string; data: Buffer; declared?: number; store?: boolean; realSize?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const body = e.store ? e.data : deflateRawSync(e.data);
    const name = Buffer.from(e.name, 'utf8');
    const size = e.declared ?? e.data.length;
    const crc = crc32(e.data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(e.store ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(e.store ? 0 : 8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const pkgJson = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'fazhi-ledger-package', version: 1, township: TOWNSHIP, activities: [{ id: 'a1', ...SAMPLES.activities }], ...extra });

describe('zip and xlsx bombs are refused at the door', () => {
  const zeros = Buffer.alloc(64 * 1024 * 1024);

  it('a package entry that lies about its size stops inflating at the declared size', async () => {
    const bomb = craftZip([
      { name: 'package.json', data: Buffer.from(pkgJson()) },
      { name: `attachments/${'a'.repeat(64)}`, data: zeros, declared: 1000 },
    ]);
    expect(bomb.length).toBeLessThan(200 * 1024);
    const core = memoryCore();
    const before = process.memoryUsage().rss;
    const r = await core.call('exchange.previewZip', { base64: bomb.toString('base64') });
    // the bomb entry is the attachment of nothing: reading it would have cost 64 MB; it is never inflated past 1001 bytes
    const entries = listZip(bomb, { maxEntries: 10, maxEntryBytes: 1e6, maxTotalBytes: 1e7, what: '数据包' });
    expect(() => readZipEntry(bomb, entries[1], '数据包')).toThrow(/已损坏/);
    expect(process.memoryUsage().rss - before).toBeLessThan(48 * 1024 * 1024);
    expect(r.ok).toBe(true);
  });

  it('a package whose directory admits a huge entry is refused before anything is inflated', async () => {
    const honest = craftZip([
      { name: 'package.json', data: Buffer.from(pkgJson()) },
      { name: 'attachments/x', data: zeros.subarray(0, 1024), declared: 0xfff00000 },
    ]);
    const core = memoryCore();
    const e = err(await core.call('exchange.previewZip', { base64: honest.toString('base64') }));
    expect(e.message).toMatch(/数据包中的“attachments\/x”解压后有 \d+ MB，超过上限/);
  });

  it('a backup whose database entry expands like a bomb is refused by its directory, before inflating', async () => {
    const bomb = craftZip([{ name: 'ledger.db', data: zeros }]);
    expect(bomb.length).toBeLessThan(200 * 1024);
    const core = memoryCore();
    const check = ok(await core.call('backup.check', { base64: bomb.toString('base64') }));
    expect(check.ok).toBe(false);
    expect(check.message).toMatch(/压缩比异常.*已拒绝/);
  });

  it('entry names with .. or an absolute path are refused', () => {
    for (const bad of ['../evil', 'a/../../b', '/etc/passwd', 'C:/x', 'a\\..\\b']) expect(safeEntryName(bad), bad).toBe(false);
    const slip = craftZip([{ name: '../../evil.json', data: Buffer.from('{}') }]);
    expect(() => listZip(slip, { maxEntries: 10, maxEntryBytes: 1e6, maxTotalBytes: 1e7, what: '数据包' })).toThrow(/不安全的文件名/);
  });

  it('an .xlsx bomb (a sheet declaring hundreds of MB) and an over-long sheet are refused before exceljs reads them', async () => {
    const core = memoryCore();
    const bomb = craftZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/worksheets/sheet1.xml', data: zeros.subarray(0, 4096), declared: 400 * 1024 * 1024 },
    ]);
    const e1 = err(await core.call('excel.preview', { register: 'activities', base64: bomb.toString('base64') }));
    expect(e1.message).toMatch(/Excel 文件中的“xl\/worksheets\/sheet1\.xml”解压后有 400 MB，超过上限/);
    const liar = craftZip([{ name: 'xl/worksheets/sheet1.xml', data: zeros, declared: 100 }]);
    const e2 = err(await core.call('excel.preview', { register: 'activities', base64: liar.toString('base64') }));
    expect(e2.message).toMatch(/无法读取这个 Excel 文件/);
    const rows = Buffer.from(`<worksheet><sheetData>${'<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(60_000)}</sheetData></worksheet>`);
    const long = craftZip([{ name: 'xl/worksheets/sheet1.xml', data: rows }]);
    const t = Date.now();
    const e3 = err(await core.call('excel.preview', { register: 'activities', base64: long.toString('base64') }));
    expect(e3.message).toMatch(/表格有约 60000 行，超过一次导入的上限 50000 行/);
    expect(Date.now() - t).toBeLessThan(3000);
  });
});

describe("package import through the API's schemas and limits", () => {
  it('a 30-million-character narrative and a count of 10^15 are refused, naming the field', async () => {
    const core = memoryCore();
    const pkg = pkgJson({
      years: [
        { year: 2024, narrative: { intro: '长'.repeat(30_000_000) } },
        { year: 2023, mediators: 1e15 },
      ],
    });
    const r = ok(await core.call('exchange.preview', { content: pkg }));
    expect(r.byRegister.years.invalid).toBe(2);
    expect(r.issues.map((i) => i.message).join('\n')).toMatch(/「开头段」不能超过20000个字/);
    expect(r.issues.map((i) => i.message).join('\n')).toMatch(/「人民调解员（名）」不能大于1000000/);
    const rec = ok(await core.call('exchange.preview', { content: pkgJson({ activities: [{ id: 'a1', ...SAMPLES.activities, audience: 1e15 }] }) }));
    expect(rec.issues[0].message).toMatch(/受众人次/);
  });

  it('an updatedAt in 9999 never silently beats a later local correction: a conflict in the dry run, the local copy kept', async () => {
    const core = memoryCore();
    ok(await core.call('exchange.import', { content: pkgJson() }));
    ok(await core.call('activities.update', { id: 'a1', record: { ...SAMPLES.activities, title: '本机更正后的标题' } }));
    const attack = pkgJson({ activities: [{ id: 'a1', ...SAMPLES.activities, title: '篡改', updatedAt: '9999-12-31T00:00:00Z' }] });
    const dry = ok(await core.call('exchange.preview', { content: attack }));
    const change = dry.changes.find((c) => c.id === 'a1')!;
    expect(change).toMatchObject({ action: 'keptLocal', conflict: true });
    expect(change.note).toMatch(/修改时间在未来.*保留本机/);
    ok(await core.call('exchange.import', { content: attack }));
    expect(ok(await core.call('activities.get', { id: 'a1' })).title).toBe('本机更正后的标题');
    // a new record with a future time is recorded at the import's time, so it cannot win later either
    const fresh = pkgJson({ activities: [{ id: 'a9', ...SAMPLES.activities, updatedAt: '9999-01-01T00:00:00Z' }] });
    ok(await core.call('exchange.import', { content: fresh }));
    expect(ok(await core.call('activities.get', { id: 'a9' })).updatedAt < '2100').toBe(true);
  });

  it('含附件 import measures mime and size; an attachment of a rejected record is not counted as new', async () => {
    const { dir, cleanup } = tempDir('fazhi-limits-');
    const core = createCore({ dbPath: ':memory:', dataDir: dir });
    onTestFinished(() => {
      core.close();
      cleanup();
    });
    const sha = (await import('node:crypto')).createHash('sha256').update(PNG).digest('hex');
    const zip = new JSZip();
    zip.file(
      'package.json',
      pkgJson({
        activities: [
          { id: 'a1', ...SAMPLES.activities },
          { id: 'bad', date: 'x', title: '' },
        ],
        attachments: [
          { id: 'att1', register: 'activities', recordId: 'a1', fileName: 'p.png', mime: 'text/html', size: 999999, sha256: sha },
          { id: 'att2', register: 'activities', recordId: 'bad', fileName: 'q.png', mime: 'image/png', size: 1, sha256: sha },
        ],
      }),
    );
    zip.file(`attachments/${sha}`, PNG);
    const b64 = (await zip.generateAsync({ type: 'nodebuffer' })).toString('base64');
    const r = ok(await core.call('exchange.previewZip', { base64: b64, skipInvalid: true }));
    expect(r.attachments.new).toBe(1);
    ok(await core.call('exchange.importZip', { base64: b64, skipInvalid: true }));
    const list = ok(await core.call('attachments.list', { register: 'activities', recordId: 'a1' }));
    expect(list[0]).toMatchObject({ mime: 'image/png', size: PNG.length });
  });
});

describe('an Excel cell Excel itself cannot show as a date', () => {
  it('is reported by row and column, and the other rows are read', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('普法活动');
    ws.addRow(['活动日期', '活动名称', '形式']);
    ws.addRow([new Date(Date.UTC(2024, 2, 15)), '好的一行', '集中宣传']);
    ws.addRow([1e15, '坏日期', '集中宣传']);
    ws.addRow([new Date(Date.UTC(2024, 3, 1)), 1e15, '集中宣传']);
    ws.getCell('A3').numFmt = 'yyyy-mm-dd';
    ws.getCell('B4').numFmt = 'yyyy-mm-dd';
    const core = memoryCore();
    const base64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const r = ok(await core.call('excel.preview', { register: 'activities', base64 }));
    expect(r.valid).toBe(1);
    expect(r.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, column: 'A', header: '活动日期' }),
        expect.objectContaining({ row: 4, column: 'B', header: '活动名称' }),
      ]),
    );
    for (const i of r.issues) expect(i.message).not.toMatch(/程序内部错误|Invalid|RangeError/);
  });
});

describe('personal data leaving the PC', () => {
  const CASE = { ...SAMPLES.mediationCases, id: 'm1' };

  it('packages leave 当事人 and 纠纷简要情况 out unless asked; the dry run says which; an import without them keeps the local ones', async () => {
    const { dir, cleanup } = tempDir('fazhi-personal-');
    const a = createCore({ dbPath: ':memory:', dataDir: dir });
    onTestFinished(() => {
      a.close();
      cleanup();
    });
    ok(await a.call('settings.update', { township: TOWNSHIP }));
    ok(await a.call('mediationCases.create', { record: CASE }));
    const activity = ok(await a.call('activities.create', { record: SAMPLES.activities }));
    const plain = JSON.parse(ok(await a.call('exchange.export', {})).content);
    expect(plain.mediationCases[0]).not.toHaveProperty('parties');
    expect(plain.mediationCases[0]).not.toHaveProperty('summary');
    expect(JSON.stringify(plain)).not.toContain('张三');
    // the scanned 调解协议书 of a case is personal data as well
    ok(await a.call('attachments.add', { register: 'mediationCases', recordId: 'm1', fileName: '调解协议书.png', base64: PNG.toString('base64') }));
    ok(await a.call('attachments.add', { register: 'activities', recordId: activity.id, fileName: '现场.png', base64: PNG.toString('base64') }));
    const zipped = await JSZip.loadAsync(Buffer.from(ok(await a.call('exchange.exportZip', {})).base64, 'base64'));
    const zpkg = JSON.parse(await zipped.file('package.json')!.async('string'));
    expect(JSON.stringify(zpkg)).not.toContain('张三');
    expect(zpkg.attachments.map((x: { register: string }) => x.register)).toEqual(['activities']);
    const zfull = JSON.parse(
      await (
        await JSZip.loadAsync(Buffer.from(ok(await a.call('exchange.exportZip', { withPersonal: true })).base64, 'base64'))
      )
        .file('package.json')!
        .async('string'),
    );
    expect(zfull.attachments.map((x: { register: string }) => x.register).sort()).toEqual(['activities', 'mediationCases']);
    const full = ok(await a.call('exchange.export', { withPersonal: true })).content;
    expect(JSON.parse(full).mediationCases[0].parties).toBe('张三、李四');

    const b = createCore({ dbPath: ':memory:', dataDir: dir });
    onTestFinished(() => b.close());
    expect(ok(await b.call('exchange.preview', { content: full })).hasPersonal).toBe(true);
    ok(await b.call('exchange.import', { content: full }));
    // later the 司法所 corrects the case and sends a package without personal data
    ok(await a.call('mediationCases.update', { id: 'm1', record: { ...CASE, mediator: '孙调解' } }));
    const later = ok(await a.call('exchange.export', {})).content;
    const dry = ok(await b.call('exchange.preview', { content: later }));
    expect(dry.hasPersonal).toBe(false);
    expect(dry.byRegister.mediationCases.updated).toBe(1);
    ok(await b.call('exchange.import', { content: later }));
    const got = ok(await b.call('mediationCases.get', { id: 'm1' }));
    expect(got.mediator).toBe('孙调解');
    expect(got.parties).toBe('张三、李四');
    expect(got.summary).toBe(CASE.summary);
  });
});
