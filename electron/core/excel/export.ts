// Export of the current (filtered) list of a register to Excel, ready to print:
// a title, Chinese headers, widths, a totals row, A4 landscape, the header
// repeated on every printed page, page numbers in the footer. Long texts wrap in
// columns sized for print; the 记录编号 column is kept (an exported sheet imports
// back as updates) but hidden. The sheet is scaled to one page width only while the
// text stays legible (≥ 8 pt); a wider sheet prints on more pages at 8 pt.
// Personal fields (当事人, 纠纷事实 …) only when asked (withPersonal), as in the 数据包; without
// them, names, ID numbers and phones typed into the other texts are masked (王某某).
import { localDateStamp } from '../util/local-date.ts';
import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../util/load-on-use.ts';
import type { FieldDef, RegisterName } from '../../shared/registers.ts';
import { REGISTERS } from '../../shared/registers.ts';
import type { ListQuery } from '../../shared/records.ts';
import type { CoreContext } from '../context.ts';
import { getSettings } from '../settings/settings.ts';
import { listRecords } from '../registers/repository.ts';
import { xmlSafe } from '../util/xml-safe.ts';
import { loadPartyNames, maskRecordTexts } from '../privacy/screen.ts';
import { excelColumns, fieldToCell, ID_HEADER } from './columns.ts';

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

export type ExportQuery = Omit<ListQuery, 'page' | 'pageSize'>;

/** the body font size of the sheet, in points */
export const BODY_PT = 11;
/** the smallest printed text a clerk can still read, in points */
export const MIN_PRINT_PT = 8;
/** A4 landscape less the left and right margins (0.4 in each), in pixels at 96 dpi */
const PRINTABLE_PX = ((297 - 2 * 0.4 * 25.4) / 25.4) * 96;

/** Column width (in Excel's character units) for print: long texts wrap, headers up to three lines. */
export function printWidth(f: FieldDef): number {
  const header = Math.ceil([...f.label].length / 3) * 2 + 2;
  // an option label longer than six characters wraps onto a second line
  const options = f.type === 'enum' ? Math.max(...Object.values(f.options ?? {}).map((l) => Math.min([...l].length, 6) * 2 + 1)) : 0;
  const typical: Record<string, number> = { date: 10.5, int: 7, money: 11, bool: 6, enum: options, tags: 18, text: 12, longtext: 30 };
  let w = typical[f.type] ?? 12;
  if (f.type === 'text' && (f.max ?? 0) >= 200) w = 18;
  if (f.role === 'caseNumber') w = 18; // 清河调〔2025〕126号 on one line
  return Math.min(Math.max(header, w), 30);
}

/** the narrowest a wrapping column gets when the sheet must shrink to one page width
 * (a long text in a narrow column would make rows pages high) */
const minWrapWidth = (f: FieldDef) => (f.type === 'longtext' ? 14 : f.type === 'tags' ? 12 : 8);
const wraps = (f: FieldDef) => (f.type === 'text' || f.type === 'longtext' || f.type === 'tags') && f.role !== 'caseNumber';

/** Pixels of a column of `width` characters (Calibri 11: 7 px a character, 5 px padding). */
const columnPx = (width: number) => width * 7 + 5;

/**
 * The print widths of the columns: when one page width would print below 8 pt, the
 * wrapping text columns give up width (down to 8 characters) before anything is scaled.
 */
export function printWidths(fields: FieldDef[]): number[] {
  const widths = fields.map(printWidth);
  const budget = (PRINTABLE_PX * BODY_PT) / MIN_PRINT_PT; // unscaled pixels that print at 8 pt
  let over = widths.reduce((s, w) => s + columnPx(w), 0) - budget;
  while (over > 0) {
    // take one character from the widest wrapping column
    let i = -1;
    fields.forEach((f, j) => {
      if (wraps(f) && widths[j] > minWrapWidth(f) && (i < 0 || widths[j] > widths[i])) i = j;
    });
    if (i < 0) break;
    widths[i] -= 1;
    over -= 7;
  }
  // ExcelJS leaves a column of width 9 (its default) out of the sheet, which then opens at
  // Excel's own default (8.43): keep such a column by a hair
  return widths.map((w) => (w === 9 ? 9.01 : w));
}

/**
 * How the sheet prints: scaled to one page width when the text then stays ≥ 8 pt,
 * otherwise at the scale that prints 8 pt text, across more pages.
 */
export function printFit(widths: number[]): { fitToWidth: boolean; scale: number; printedPt: number } {
  const px = widths.reduce((s, w) => s + columnPx(w), 0);
  const fitScale = Math.min(1, PRINTABLE_PX / px);
  if (BODY_PT * fitScale >= MIN_PRINT_PT - 1e-9)
    return { fitToWidth: true, scale: Math.floor(fitScale * 100), printedPt: Math.round(BODY_PT * fitScale * 10) / 10 };
  const scale = Math.ceil((MIN_PRINT_PT / BODY_PT) * 100);
  return { fitToWidth: false, scale, printedPt: Math.round(BODY_PT * scale) / 100 };
}

/** Width of a text in character units: a Chinese character takes two. */
function textUnits(s: string): number {
  let n = 0;
  for (const ch of s) n += ch.charCodeAt(0) > 0x2e80 ? 1.8 : 1;
  return n;
}

/** The lines a value takes in a column of `width` characters, as Excel and LibreOffice wrap it. */
export function linesIn(value: unknown, width: number): number {
  if (value === null || value === undefined || value instanceof Date || typeof value === 'number') return 1;
  const usable = Math.max(1, width - 0.5);
  return String(value)
    .split('\n')
    .reduce((n, line) => n + Math.max(1, Math.ceil(textUnits(line) / usable)), 0);
}

/** the height of one line of 11 pt text, in points */
const LINE_PT = 15;

function describeQuery(q: ExportQuery): string {
  if (q.year !== undefined) return `${q.year}年`;
  if (q.from || q.to) return `${q.from ?? ''}至${q.to ?? ''}`;
  return '';
}

export async function exportExcel(
  ctx: CoreContext,
  register: RegisterName,
  q: ExportQuery,
  opts: { withPersonal?: boolean } = {},
): Promise<{ fileName: string; bytes: Buffer; count: number }> {
  const def = REGISTERS[register];
  const listed = listRecords<Record<string, unknown>>(ctx.db, def, { ...q, page: 1, pageSize: 10_000_000 }).items;
  // without the personal columns, the parties' names, ID numbers and phones typed into the
  // other texts (履行方式, 备注, 检查对象 …) are masked too, as in the 数据包
  const names = opts.withPersonal ? null : loadPartyNames(ctx.db);
  const items = names ? listed.map((rec) => maskRecordTexts(register, rec, names)) : listed;
  const shown = excelColumns(def).filter((c) => opts.withPersonal || !c.field.personal);
  const widths = printWidths(shown.map((c) => c.field));
  const cols = shown.map((c, i) => ({ ...c, width: widths[i] }));
  const fit = printFit(cols.map((c) => c.width));
  const township = getSettings(ctx.db).township?.name ?? '';
  const title = `${township}${describeQuery(q)}${def.label}台账${q.deleted ? '（回收站）' : ''}`;

  const wb = new (await loadExcelJS()).Workbook();
  wb.creator = '法治台账';
  const ws = wb.addWorksheet(def.label, {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      ...(fit.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : { fitToPage: false, scale: fit.scale }),
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: '2:2',
    },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
  });
  ws.columns = [...cols.map((c) => ({ key: c.field.key, width: c.width })), { key: 'id', width: 38, hidden: true }];

  // the title spans the printed columns only (the hidden 记录编号 is not printed)
  ws.mergeCells(1, 1, 1, cols.length);
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
  header.height = Math.max(1, ...cols.map((c) => linesIn(c.header, c.width))) * LINE_PT;

  for (const rec of items) {
    const values = cols.map((c) => fieldToCell(c.field, rec[c.field.key]));
    const row = ws.addRow([...values, rec.id as string]);
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.border = THIN;
      cell.alignment = { vertical: 'top', wrapText: true };
    });
    // the height the wrapped texts need: neither Excel nor LibreOffice sizes a row on opening
    row.height = Math.min(409, Math.max(...values.map((v, i) => linesIn(v, cols[i].width))) * LINE_PT);
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
    const cell = totals.getCell(i + 1);
    cell.value = items.length ? { formula: `SUM(${letter}${first}:${letter}${last})`, result: Math.round(sum * 100) / 100 } : 0;
    // a year's sum is wider than the column sized for one record's amount: printed smaller, never as ###
    cell.alignment = { shrinkToFit: true };
  });
  totals.eachCell({ includeEmpty: true }, (cell) => {
    cell.font = { bold: true };
    cell.border = THIN;
  });

  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  const stamp = localDateStamp(ctx.now());
  return { fileName: `${township}${describeQuery(q)}${def.label}台账-${stamp}.xlsx`, bytes, count: items.length };
}
