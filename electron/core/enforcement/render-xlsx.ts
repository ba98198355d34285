// The five tables of the 行政执法数据 as .xlsx: one sheet a table, the title and unit above it, the
// multi-row headers merged as printed, the figures as numbers (罚没金额 with two decimals), A4 landscape.
import type ExcelJS from 'exceljs';
import type { EnforcementModel } from '../../shared/contract/enforcement.ts';
import { xmlSafe } from '../util/xml-safe.ts';
import { loadExcelJS } from '../util/load-on-use.ts';
import { tableCells, TABLE_TITLES, unitOf, type TableKey } from './render-docx.ts';

const SHEET_NAMES: Record<TableKey, string> = {
  penalty: '表一 行政处罚',
  licensing: '表二 行政许可',
  coercion: '表三 行政强制',
  other: '表四 其他行政执法行为',
  certification: '表五 持证率',
};

const thin = { style: 'thin', color: { argb: 'FF000000' } } as const;
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

/** A printed cell's value as an Excel value: a figure as a number, anything else as text. */
function cellValue(text: string): string | number {
  return /^\d+(\.\d+)?$/.test(text) ? Number(text) : xmlSafe(text);
}

export async function renderEnforcementXlsx(model: EnforcementModel): Promise<Buffer> {
  const wb = new (await loadExcelJS()).Workbook();
  wb.creator = '法治台账';
  wb.title = model.title;
  const cells = tableCells(model.tables, model.amountUnit);
  for (const key of Object.keys(TABLE_TITLES) as TableKey[]) {
    const { rows, headerRows } = cells[key];
    const cols = rows[rows.length - 1].length;
    const ws: ExcelJS.Worksheet = wb.addWorksheet(SHEET_NAMES[key], {
      pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true },
    });
    ws.mergeCells(1, 1, 1, cols);
    const title = ws.getCell(1, 1);
    title.value = `${xmlSafe(model.authority)}${model.year}年度行政执法数据 ${TABLE_TITLES[key].replace('\u3000', ' ')}`;
    title.font = { name: '黑体', size: 14, bold: true };
    title.alignment = { horizontal: 'center', vertical: 'middle' };
    ws.getRow(1).height = 28;
    ws.mergeCells(2, 1, 2, cols);
    const unit = ws.getCell(2, 1);
    unit.value = unitOf(key, model.amountUnit);
    unit.alignment = { horizontal: 'right' };
    // the table from row 3: a cell spanning columns is merged across them
    rows.forEach((row, r) => {
      let col = 1;
      const excelRow = 3 + r;
      for (const c of row) {
        const span = c.span ?? 1;
        if (span > 1) ws.mergeCells(excelRow, col, excelRow, col + span - 1);
        const cell = ws.getCell(excelRow, col);
        cell.value = cellValue(c.text);
        for (let k = col; k < col + span; k++) ws.getCell(excelRow, k).border = BORDER;
        cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
        if (r < headerRows) cell.font = { bold: true };
        if (key === 'penalty' && r === rows.length - 1 && col === cols) cell.numFmt = model.amountUnit === 'yuan' ? '0.##' : '0.00';
        col += span;
      }
      ws.getRow(excelRow).height = r < headerRows ? 48 : 24;
    });
    for (let k = 1; k <= cols; k++) ws.getColumn(k).width = Math.max(12, Math.min(20, Math.ceil(120 / cols)));
    if (key === 'penalty' && model.entrustedNote) {
      const at = 3 + rows.length + 1;
      ws.mergeCells(at, 1, at, cols);
      ws.getCell(at, 1).value = `注：${model.entrustedNote}`;
    }
    ws.pageSetup.printTitlesRow = `3:${2 + headerRows}`;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
