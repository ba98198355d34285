// The row cap cannot be bypassed by renaming the sheet part: rows are counted in
// every part of the .xlsx, before exceljs builds its model.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { err, memoryCore } from '../../helpers/core.ts';

describe('the 50 000-row cap', () => {
  it('holds for a sheet part renamed away from xl/worksheets/', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['日期', '工作类别', '事项']);
    for (let i = 0; i < 50_200; i++) ws.addRow([i]);
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('uint8array');
    zip.remove('xl/worksheets/sheet1.xml');
    zip.file('xl/data/s.xml', sheet);
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    zip.file('xl/_rels/workbook.xml.rels', rels.replace('worksheets/sheet1.xml', 'data/s.xml'));
    const types = await zip.file('[Content_Types].xml')!.async('string');
    zip.file('[Content_Types].xml', types.replace('/xl/worksheets/sheet1.xml', '/xl/data/s.xml'));
    const base64 = (await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })).toString('base64');
    const core = memoryCore();
    const t0 = performance.now();
    const e = err(await core.call('excel.import', { register: 'workItems', base64 }));
    expect(e.message).toMatch(/^表格有约 50201 行，超过一次导入的上限 50000 行/);
    expect(performance.now() - t0).toBeLessThan(5000);
    core.close();
  });
});
