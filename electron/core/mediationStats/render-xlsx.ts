// The 人民调解 statistics as a report form (.xlsx): title with the period and the township,
// 填报单位, units, the table by 纠纷类型 (or 村 / 调委会) with its 合计, the 排查 block with the
// 防止激化 counts, 填报人 / 审核人 / 填报日期 — on one A4 landscape page.
import type ExcelJS from 'exceljs';
import type { MediationStats } from '../../shared/contract/mediationStats.ts';
import { loadExcelJS } from '../util/load-on-use.ts';
import { xmlSafe } from '../util/xml-safe.ts';

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

export const ROW_HEADING = { type: '纠纷类型', village: '村（社区）', committee: '调委会' } as const;

/** The table's columns after the first: header, the count they show, its number format. */
export const MEDIATION_COLUMNS = [
  { key: 'accepted', header: '受理\n（件）' },
  { key: 'success', header: '调解成功\n（件）' },
  { key: 'failed', header: '调解不成功\n（件）' },
  { key: 'inProgress', header: '调解中\n（件）' },
  { key: 'suspended', header: '中止\n（件）' },
  { key: 'written', header: '书面协议\n（件）' },
  { key: 'oral', header: '口头协议\n（件）' },
  { key: 'amount', header: '协议涉及金额\n（元）' },
  { key: 'judicialConfirmations', header: '司法确认\n（件）' },
] as const;

export const SCREENING_COLUMNS = [
  { key: 'count', header: '排查\n（次）' },
  { key: 'found', header: '排查发现纠纷\n（件）' },
  { key: 'prevented', header: '预防纠纷\n（件）' },
  { key: 'criminal', header: '防止民间纠纷转化为刑事案件（件）' },
  { key: 'suicide', header: '防止因民间纠纷引起自杀（件）' },
  { key: 'petition', header: '防止群体性上访\n（件）' },
  { key: 'fight', header: '防止群体性械斗\n（件）' },
] as const;

/** 2026年12月6日 */
export const chineseDate = (d: Date) => `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;

export function statsTitle(s: MediationStats): string {
  return `${s.township}人民调解工作统计表（${s.period.label}）`;
}

export async function renderMediationStatsXlsx(s: MediationStats, opts: { authority: string; filledOn: Date }): Promise<Buffer> {
  const wb = new (await loadExcelJS()).Workbook();
  wb.creator = '法治台账';
  const ws = wb.addWorksheet('调解统计', {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 1,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
  });
  const width = 1 + MEDIATION_COLUMNS.length;
  ws.columns = [{ width: 24 }, ...MEDIATION_COLUMNS.map((c) => ({ width: c.key === 'amount' ? 16 : 12.5 }))];
  const body: Partial<ExcelJS.Font> = { name: '宋体', size: 11 };
  const bold: Partial<ExcelJS.Font> = { ...body, bold: true };

  // title
  ws.mergeCells(1, 1, 1, width);
  const title = ws.getCell(1, 1);
  title.value = xmlSafe(statsTitle(s));
  title.font = { name: '宋体', size: 18, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 36;

  // 填报单位 left, units right
  ws.mergeCells(2, 1, 2, 5);
  ws.getCell(2, 1).value = xmlSafe(`填报单位：${opts.authority}`);
  ws.getCell(2, 1).font = body;
  ws.mergeCells(2, 6, 2, width);
  const unit = ws.getCell(2, 6);
  unit.value = `统计期间：${s.period.from} 至 ${lastDay(s.period.to)}\u3000\u3000单位：件、元`;
  unit.font = body;
  unit.alignment = { horizontal: 'right' };
  ws.getRow(2).height = 22;

  const headerRow = (rowNo: number, labels: string[]) => {
    const row = ws.getRow(rowNo);
    labels.forEach((h, i) => {
      const cell = row.getCell(i + 1);
      cell.value = h;
      cell.font = bold;
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = THIN;
    });
    row.height = 34;
  };
  const dataRow = (rowNo: number, label: string, values: number[], opts2: { bold?: boolean; amountAt?: number } = {}) => {
    const row = ws.getRow(rowNo);
    row.getCell(1).value = xmlSafe(label);
    values.forEach((v, i) => {
      const cell = row.getCell(i + 2);
      cell.value = v;
      cell.numFmt = i === opts2.amountAt ? '#,##0.00' : '0';
    });
    for (let c = 1; c <= 1 + values.length; c++) {
      const cell = row.getCell(c);
      cell.font = opts2.bold ? bold : body;
      cell.border = THIN;
      cell.alignment = { horizontal: c === 1 ? 'left' : 'center', vertical: 'middle' };
    }
    row.height = 19;
  };

  // the cases
  let r = 3;
  headerRow(r, [ROW_HEADING[s.by], ...MEDIATION_COLUMNS.map((c) => c.header)]);
  const amountAt = MEDIATION_COLUMNS.findIndex((c) => c.key === 'amount');
  dataRow(
    ++r,
    '合计',
    MEDIATION_COLUMNS.map((c) => s.total[c.key]),
    { bold: true, amountAt },
  );
  for (const row of s.rows)
    dataRow(
      ++r,
      row.label,
      MEDIATION_COLUMNS.map((c) => row[c.key]),
      { amountAt },
    );

  // 排查 and 防止激化
  r += 2;
  ws.mergeCells(r, 1, r, width);
  ws.getCell(r, 1).value = '矛盾纠纷排查和防止激化';
  ws.getCell(r, 1).font = bold;
  ws.getRow(r).height = 22;
  headerRow(++r, ['项目', ...SCREENING_COLUMNS.map((c) => c.header)]);
  ws.getRow(r).height = 46;
  const screeningLabel = s.screenings.source === 'workItems' ? '矛盾纠纷排查（据其他法治工作）' : '矛盾纠纷排查';
  dataRow(
    ++r,
    screeningLabel,
    SCREENING_COLUMNS.map((c) => s.screenings[c.key]),
  );

  // signatures and date
  r += 2;
  const sign = ws.getRow(r);
  sign.getCell(1).value = '填报人：';
  sign.getCell(4).value = '审核人：';
  sign.getCell(7).value = `填报日期：${chineseDate(opts.filledOn)}`;
  sign.eachCell((c) => (c.font = body));
  sign.height = 24;
  r++;
  ws.mergeCells(r, 1, r, width);
  const note = ws.getCell(r, 1);
  note.value = `说明：受理数为受理日期在统计期间内的案件，调解结果按填报日的状态统计；本表由法治台账按登记簿生成，合计与各行之和一致。`;
  note.font = { name: '宋体', size: 9 };
  note.alignment = { wrapText: true, vertical: 'top' };
  ws.getRow(r).height = 28;

  ws.pageSetup.printArea = `A1:${ws.getColumn(width).letter}${r}`;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The period's last day, from the day after it. */
function lastDay(to: string): string {
  const d = new Date(`${to}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
