// An Excel error value (#DIV/0!, #N/A …) in a count column is refused by row and
// column, never imported as 0 — typed, or as a formula's cached result.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { memoryCore, ok } from '../../helpers/core.ts';

describe('Excel error values', () => {
  it('#DIV/0! in 参加人次 (value or formula result) is refused, naming the cell', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['日期', '工作类别', '事项', '数量', '参加人次']);
    ws.addRow([new Date(Date.UTC(2024, 2, 5)), '集体学法', '学法1', 1, { error: '#DIV/0!' }]);
    ws.addRow([new Date(Date.UTC(2024, 2, 6)), '集体学法', '学法2', 1, { formula: 'A1/0', result: { error: '#DIV/0!' } }]);
    ws.addRow([new Date(Date.UTC(2024, 2, 7)), '集体学法', '学法3', 1, 12]);
    const base64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const core = memoryCore();
    const r = ok(await core.call('excel.import', { register: 'workItems', base64 }));
    expect(r).toMatchObject({ applied: false, invalid: 2 });
    expect(r.issues.map((i) => [i.row, i.column])).toEqual([
      [2, 'E'],
      [3, 'E'],
    ]);
    expect(r.issues[0].message).toContain('Excel 的错误值“#DIV/0!”');
    core.close();
  });
});
