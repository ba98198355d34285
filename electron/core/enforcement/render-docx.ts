// The 行政执法数据 as a .docx: 第一部分 (the five tables) on A4 landscape pages, 第二部分 (the text)
// and the 落款 on A4 portrait pages in the 公文 layout of the two other reports (styles, fonts, page
// numbers, 落款 from docx/layout.ts; the merged-cell tables from openness/render-docx.ts).
// Each table is kept on one page when it fits (every row kept with the next), its header rows
// repeated on a new page when it does not.
import { randomBytes } from 'node:crypto';
import { AlignmentType, Document, Packer, PageOrientation, Paragraph } from 'docx';
import JSZip from 'jszip';
import {
  CERT_HEADERS,
  COERCION_EXECUTION,
  COERCION_MEASURES,
  LICENSING_HEADERS,
  OTHER_HEADERS,
  PENALTY_HEADERS,
  TABLE_TITLES,
  type EnforcementModel,
  type EnforcementTables,
  type TableKey,
} from '../../shared/contract/enforcement.ts';
import { tableXml, widths, type Cell } from '../openness/render-docx.ts';

export { TABLE_TITLES, type TableKey };
import {
  emptyLine,
  fontTableXml,
  FONTS,
  font,
  LAYOUT,
  pageFooter,
  reportPageProperties,
  reportStyles,
  run,
  signatureBlock,
  spliceParagraph,
  xmlSafeModel,
} from '../docx/layout.ts';

/** A4 landscape: 2.5 cm top and bottom, 2.8 cm left and right. */
export const LANDSCAPE = { width: LAYOUT.height, height: LAYOUT.width, top: 1417, bottom: 1417, left: 1587, right: 1587, footer: 850 } as const;
const LANDSCAPE_TEXT = LANDSCAPE.width - LANDSCAPE.left - LANDSCAPE.right;

const head = (text: string, extra: Partial<Cell> = {}): Cell => ({ text, head: true, ...extra });
const nums = (v: (number | string)[]): Cell[] => v.map((x) => ({ text: String(x) }));

/** The unit line printed above each table. */
export function unitOf(key: TableKey, amountUnit: 'wan' | 'yuan'): string {
  if (key === 'penalty') return `单位：宗，${amountUnit === 'yuan' ? '元' : '万元'}`;
  if (key === 'other') return '单位：次';
  if (key === 'certification') return '单位：人';
  return '单位：宗';
}

/** Each table as rows of cells (header rows first) and its number of header rows. */
export function tableCells(t: EnforcementTables, amountUnit: 'wan' | 'yuan'): Record<TableKey, { rows: Cell[][]; headerRows: number; weights: number[] }> {
  const c = t.certification;
  return {
    penalty: {
      rows: [
        [...PENALTY_HEADERS.map((h) => head(h)), head(`罚没金额（${amountUnit === 'yuan' ? '元' : '万元'}）`)],
        nums([...t.penalty.byKind, t.penalty.total, t.penalty.amountText]),
      ],
      headerRows: 1,
      weights: Array(11).fill(1),
    },
    licensing: { rows: [LICENSING_HEADERS.map((h) => head(h)), nums(t.licensing)], headerRows: 1, weights: Array(5).fill(1) },
    coercion: {
      rows: [
        [head('行政强制措施', { span: 5 }), head('行政强制执行', { span: 2 })],
        [...COERCION_MEASURES, ...COERCION_EXECUTION].map((h) => head(h)),
        nums(t.coercion),
      ],
      headerRows: 2,
      weights: Array(7).fill(1),
    },
    other: { rows: [OTHER_HEADERS.map((h) => head(h)), nums(t.other)], headerRows: 1, weights: Array(8).fill(1) },
    certification: {
      rows: [CERT_HEADERS.map((h) => head(h)), nums([c.required ?? '—', c.certified ?? '—', c.rate])],
      headerRows: 1,
      weights: [1, 1, 1],
    },
  };
}

export function enforcementTableXml(key: TableKey, t: EnforcementTables, amountUnit: 'wan' | 'yuan'): string {
  const { rows, headerRows, weights } = tableCells(t, amountUnit)[key];
  return tableXml(widths(weights, LANDSCAPE_TEXT), rows, headerRows, 24, true);
}

const marker = (nonce: string, k: string) => `FZENFORCEMENT${nonce}T${k}`;
const centered = (text: string, style: string, keepNext = true) =>
  new Paragraph({ style, alignment: AlignmentType.CENTER, indent: { firstLine: 0, firstLineChars: 0 }, keepNext, children: [run(text)] });
const body = (text: string, keepNext = false) => new Paragraph({ style: 'Body', keepNext, children: [run(text)] });

export function buildEnforcementDocument(model: EnforcementModel, nonce = ''): Document {
  const tables: Paragraph[] = [];
  tables.push(new Paragraph({ style: 'ReportTitle', children: [run(model.title)] }));
  tables.push(emptyLine(true));
  tables.push(centered(`第一部分\u3000${model.year}年度行政执法数据统计表`, 'SectionHeading'));
  for (const key of Object.keys(TABLE_TITLES) as TableKey[]) {
    tables.push(
      new Paragraph({
        style: 'Body',
        alignment: AlignmentType.CENTER,
        indent: { firstLine: 0, firstLineChars: 0 },
        keepNext: true,
        keepLines: true,
        spacing: { before: 240, after: 0 },
        children: [run(TABLE_TITLES[key], { font: font(FONTS.heading) })],
      }),
    );
    tables.push(
      new Paragraph({
        style: 'Body',
        alignment: AlignmentType.RIGHT,
        indent: { firstLine: 0, firstLineChars: 0 },
        keepNext: true,
        children: [run(unitOf(key, model.amountUnit), { size: 24 })],
      }),
    );
    tables.push(new Paragraph({ children: [run(marker(nonce, key))] }));
    if (key === 'penalty' && model.entrustedNote)
      tables.push(new Paragraph({ style: 'Body', indent: { firstLine: 0, firstLineChars: 0 }, children: [run(`注：${model.entrustedNote}`, { size: 24 })] }));
  }
  // the section's last paragraph carries its page settings (landscape): never a table's placeholder
  tables.push(new Paragraph({ style: 'Body', indent: { firstLine: 0, firstLineChars: 0 }, spacing: { line: 240, before: 0, after: 0 }, children: [] }));

  const text: Paragraph[] = [];
  text.push(centered(`第二部分\u3000${model.year}年度行政执法总体情况`, 'SectionHeading'));
  for (const part of model.parts) {
    text.push(new Paragraph({ style: 'SectionHeading', keepNext: true, children: [run(part.heading)] }));
    for (const p of part.paragraphs) text.push(body(p));
  }
  text.push(...signatureBlock(model.signature, model.date));

  const portrait = reportPageProperties();
  return new Document({
    creator: model.authority || '法治台账',
    title: model.title,
    description: `${model.year}年度行政执法数据`,
    evenAndOddHeaderAndFooters: true,
    styles: reportStyles(),
    sections: [
      {
        properties: {
          page: {
            // docx writes a landscape page with width and height swapped: give them as portrait
            size: { width: LANDSCAPE.height, height: LANDSCAPE.width, orientation: PageOrientation.LANDSCAPE },
            margin: {
              top: LANDSCAPE.top,
              bottom: LANDSCAPE.bottom,
              left: LANDSCAPE.left,
              right: LANDSCAPE.right,
              header: 567,
              footer: LANDSCAPE.footer,
              gutter: 0,
            },
          },
        },
        footers: { default: pageFooter(true), even: pageFooter(false) },
        children: tables,
      },
      { properties: portrait, footers: { default: pageFooter(true), even: pageFooter(false) }, children: text },
    ],
  });
}

export async function renderEnforcementDocx(model: EnforcementModel): Promise<Buffer> {
  model = xmlSafeModel(model);
  const nonce = randomBytes(9).toString('hex');
  const buf = await Packer.toBuffer(buildEnforcementDocument(model, nonce), false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
  const zip = await JSZip.loadAsync(buf);
  let xml = await zip.file('word/document.xml')!.async('string');
  for (const key of (Object.keys(TABLE_TITLES) as TableKey[]).reverse())
    xml = spliceParagraph(xml, marker(nonce, key), enforcementTableXml(key, model.tables, model.amountUnit));
  zip.file('word/document.xml', xml);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
