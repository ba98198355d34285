// Export of the current (filtered) list of a register to Excel, ready to print:
// a title, Chinese headers, widths, a totals row, A4 landscape, the header
// repeated on every printed page. Personal fields are included: this is the
// clerk's own ledger.
import { localDateStamp } from '../util/local-date.ts';
import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../util/load-on-use.ts';
import type { RegisterName } from '../../shared/registers.ts';
import { REGISTERS } from '../../shared/registers.ts';
import type { ListQuery } from '../../shared/records.ts';
import type { CoreContext } from '../context.ts';
import { getSettings } from '../years/settings.ts';
import { listRecords } from '../registers/repository.ts';
import { xmlSafe } from '../util/xml-safe.ts';
import { excelColumns, fieldToCell, ID_HEADER } from './columns.ts';

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

export type ExportQuery = Omit<ListQuery, 'page' | 'pageSize'>;

function describeQuery(q: ExportQuery): string {
  if (q.year !== undefined) return `${q.year}年`;
  if (q.from || q.to) return `${q.from ?? ''}至${q.to ?? ''}`;
  return '';
}

export async function exportExcel(ctx: CoreContext, register: RegisterName, q: ExportQuery): Promise<{ fileName: string; bytes: Buffer; count: number }> {
  const def = REGISTERS[register];
  const { items } = listRecords<Record<string, unknown>>(ctx.db, def, { ...q, page: 1, pageSize: 10_000_000 });
  const cols = excelColumns(def);
  const township = getSettings(ctx.db).township?.name ?? '';
  const title = `${township}${describeQuery(q)}${def.label}台账${q.deleted ? '（回收站）' : ''}`;

  const wb = new (await loadExcelJS()).Workbook();
  wb.creator = '法治台账';
  const ws = wb.addWorksheet(def.label, {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: '2:2',
    },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
  });
  const total = cols.length + 1;
  ws.columns = [...cols.map((c) => ({ key: c.field.key, width: c.width })), { key: 'id', width: 38 }];

  ws.mergeCells(1, 1, 1, total);
  const t = ws.getCell(1, 1);
  t.value = xmlSafe(title);
  t.font = { bold: true, size: 16 };
  t.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 32;

  const header = ws.getRow(2);
  [...cols.map((c) => c.header), ID_HEADER].forEach((h, i) => {
    const cell = header.getCell(i + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
    cell.border = THIN;
  });
  header.height = 30;

  for (const rec of items) {
    const row = ws.addRow([...cols.map((c) => fieldToCell(c.field, rec[c.field.key])), rec.id as string]);
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.border = THIN;
      cell.alignment = { vertical: 'top', wrapText: true };
    });
  }
  const first = 3;
  const last = 2 + items.length;

  cols.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    if (c.field.type === 'date') col.numFmt = 'yyyy-mm-dd';
    if (c.field.type === 'money') col.numFmt = '#,##0.00';
    if (c.field.type === 'int') col.numFmt = '#,##0';
  });

  // totals of the count and amount columns
  const totals = ws.addRow([]);
  totals.getCell(1).value = `合计（${items.length}条）`;
  cols.forEach((c, i) => {
    if (c.field.type !== 'int' && c.field.type !== 'money') return;
    const sum = items.reduce((s, r) => s + (typeof r[c.field.key] === 'number' ? (r[c.field.key] as number) : 0), 0);
    const letter = ws.getColumn(i + 1).letter;
    totals.getCell(i + 1).value = items.length ? { formula: `SUM(${letter}${first}:${letter}${last})`, result: Math.round(sum * 100) / 100 } : 0;
  });
  totals.eachCell({ includeEmpty: true }, (cell) => {
    cell.font = { bold: true };
    cell.border = THIN;
  });

  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  const stamp = localDateStamp(ctx.now());
  return { fileName: `${township}${describeQuery(q)}${def.label}台账-${stamp}.xlsx`, bytes, count: items.length };
}
