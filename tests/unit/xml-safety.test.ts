// Characters illegal in XML 1.0 never reach a .docx or an .xlsx, whatever path
// they came by (here written straight into the database, the worst case), and a
// text holding the appendix splice marker cannot move or swallow a paragraph.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { exportExcel } from '../../electron/core/excel/export.ts';
import { XML_ILLEGAL } from '../../electron/core/util/xml-safe.ts';
import { memoryCore, ok, SAMPLES } from '../helpers/core.ts';

// (a lone surrogate cannot even be stored: SQLite's UTF-8 turns it into U+FFFD; xmlSafe drops it, see report-rules)
const BAD = 'A\u0001B\u0008C\u000bD\u001fE\ufffeF\uffffG';

describe('XML safety of the exports', () => {
  it('the report .docx: clerk text, titles, 时间节点 and appendix cells with control characters', async () => {
    const core = memoryCore();
    ok(await core.call('settings.update', { township: { name: '清河镇', authority: '平安县清河镇人民政府' } }));
    ok(await core.call('activities.create', { record: SAMPLES.activities }));
    core.ctx.db.prepare('UPDATE activities SET title = ?, occasion = ?, place = ?').run(`标题${BAD}`, `宪法日${BAD}`, `地点${BAD}`);
    core.ctx.db
      .prepare(`INSERT INTO year_profiles (year, narrative_intro, narrative_measures, narrative_measure_titles) VALUES (2024, ?, ?, ?)`)
      .run(`开头${BAD}`, JSON.stringify({ publicity: `做法${BAD}` }), JSON.stringify({ publicity: `小标题${BAD}` }));
    const f = ok(await core.call('report.export', { year: 2024, appendix: true }));
    const zip = await JSZip.loadAsync(Buffer.from(f.base64, 'base64'));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml.match(XML_ILLEGAL)).toBeNull();
    expect(xml).toContain('开头ABCDEFG');
    expect(xml).toContain('小标题ABC\nDEFG'); // Shift+Enter (\u000b) kept as a line break
    expect(xml).toContain('标题ABC\nDEFG');
    core.close();
  });

  it('a clerk text holding the splice marker stays where it is', async () => {
    const core = memoryCore();
    ok(await core.call('settings.update', { township: { name: '清河镇', authority: '平安县清河镇人民政府' } }));
    ok(await core.call('activities.create', { record: SAMPLES.activities }));
    for (const t of ['@@FZ_APPENDIX_0@@', 'FZAPPENDIX', 'FZAPPENDIX00N0']) {
      ok(await core.call('years.saveProfile', { year: 2024, narrative: { other: t } }));
      const f = ok(await core.call('report.export', { year: 2024, appendix: true }));
      const xml = await (await JSZip.loadAsync(Buffer.from(f.base64, 'base64'))).file('word/document.xml')!.async('string');
      const other = xml.indexOf(`>${t}</w:t>`);
      const table = xml.indexOf('<w:tbl>');
      expect(other, t).toBeGreaterThan(0);
      expect(table).toBeGreaterThan(other);
      expect(xml.match(/<w:tbl>/g)).toHaveLength(1);
    }
    core.close();
  });

  it('the .xlsx export: control characters dropped, an unknown enum code printed as written', async () => {
    const core = memoryCore();
    ok(await core.call('activities.create', { record: SAMPLES.activities }));
    core.ctx.db.prepare("UPDATE activities SET title = ?, kind = 'constructor'").run(`标题${BAD}`);
    const { bytes } = await exportExcel(core.ctx, 'activities', { year: 2024 });
    const zip = await JSZip.loadAsync(bytes);
    for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.xml'))) {
      expect((await zip.file(name)!.async('string')).match(XML_ILLEGAL), name).toBeNull();
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const values = wb.worksheets[0].getRow(3).values as unknown[];
    expect(values).toContain('标题ABC\nDEFG');
    expect(values).toContain('constructor');
    expect(values.some((v) => typeof v === 'string' && v.includes('function'))).toBe(false);
    core.close();
  });
});
