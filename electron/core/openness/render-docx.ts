// The 政务公开年报 as a .docx in the GB/T 9704 layout of the 法治政府 report (same styles,
// margins, fonts, page numbers and 落款 helpers from docx/layout.ts). The four tables
// follow the national format cell by cell (merged cells included), full width, every border
// drawn, header rows repeated on a new page; they are written as WordprocessingML and spliced in.
import { randomBytes } from 'node:crypto';
import { AlignmentType, Document, Packer, Paragraph } from 'docx';
import JSZip from 'jszip';
import type { OpennessModel, OpennessTables } from '../../shared/contract/openness.ts';
import {
  bodyParagraph,
  emptyLine,
  esc,
  fontTableXml,
  LAYOUT,
  pageFooter,
  reportPageProperties,
  reportStyles,
  run,
  signatureBlock,
  spliceParagraph,
  tableStartXml,
  xmlSafeModel,
} from '../docx/layout.ts';
import { formatWan } from './compose.ts';
import { rowOf } from './figures.ts';
import { DISCLOSURE_RESULT_GROUPS } from '../../shared/enums.ts';

const TEXT_WIDTH = LAYOUT.width - LAYOUT.left - LAYOUT.right;

export interface Cell {
  text: string;
  span?: number;
  /** vertical merge: the first cell of a merged column, or one below it */
  vMerge?: 'restart' | 'continue';
  head?: boolean;
  left?: boolean;
}

/** Splits the text width (of a portrait page unless given) into columns by weight; the last one takes the rounding. */
export function widths(weights: number[], total: number = TEXT_WIDTH): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const w = weights.map((x) => Math.floor((x / sum) * total));
  w[w.length - 1] += total - w.reduce((a, b) => a + b, 0);
  return w;
}

/**
 * A table of merged cells; `keepTogether` keeps each row with the next (Word and LibreOffice then move a
 * table that fits on one page to the next page whole, rather than split it).
 */
export function tableXml(grid: number[], rows: Cell[][], headerRows: number, size: number, keepTogether = false): string {
  const out: string[] = [tableStartXml(grid, 57)];
  rows.forEach((row, r) => {
    const keep = keepTogether && r < rows.length - 1 ? '<w:keepNext/>' : '';
    out.push(`<w:tr><w:trPr><w:cantSplit/>${r < headerRows ? '<w:tblHeader/>' : ''}</w:trPr>`);
    let col = 0;
    for (const c of row) {
      const span = c.span ?? 1;
      const w = grid.slice(col, col + span).reduce((a, b) => a + b, 0);
      col += span;
      const merge = c.vMerge === 'restart' ? '<w:vMerge w:val="restart"/>' : c.vMerge === 'continue' ? '<w:vMerge/>' : '';
      const text = c.vMerge === 'continue' ? '' : c.text;
      out.push(
        `<w:tc><w:tcPr><w:tcW w:w="${w}" w:type="dxa"/>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}${merge}<w:vAlign w:val="center"/></w:tcPr>` +
          `<w:p><w:pPr><w:pStyle w:val="${c.head ? 'TableHead' : 'TableText'}"/>${keep}${c.left ? '<w:jc w:val="left"/>' : ''}<w:spacing w:line="300" w:lineRule="exact" w:before="0" w:after="0"/></w:pPr>` +
          (text ? `<w:r><w:rPr><w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr><w:t xml:space="preserve">${esc(text)}</w:t></w:r>` : '') +
          '</w:p></w:tc>',
      );
    }
    out.push('</w:tr>');
  });
  out.push('</w:tbl>');
  return out.join('');
}

const num = (v: number) => String(v);

/** 二、主动公开政府信息情况: the national format's four blocks in one 4-column table. */
export function table2Xml(t: OpennessTables['two']): string {
  const grid = widths([34, 22, 22, 22]);
  const block = (title: string): Cell[] => [{ text: title, span: 4, head: true }];
  const rows: Cell[][] = [
    block('第二十条第（一）项'),
    [
      { text: '信息内容', head: true },
      { text: '本年制发件数', head: true },
      { text: '本年废止件数', head: true },
      { text: '现行有效件数', head: true },
    ],
    [{ text: '规章' }, { text: '0' }, { text: '0' }, { text: '0' }],
    [{ text: '行政规范性文件' }, { text: num(t.normative.issued) }, { text: num(t.normative.repealed) }, { text: num(t.normative.inForce) }],
    block('第二十条第（五）项'),
    [
      { text: '信息内容', head: true },
      { text: '本年处理决定数量', span: 3, head: true },
    ],
    [{ text: '行政许可' }, { text: num(t.licenses), span: 3 }],
    block('第二十条第（六）项'),
    [
      { text: '信息内容', head: true },
      { text: '本年处理决定数量', span: 3, head: true },
    ],
    [{ text: '行政处罚' }, { text: num(t.penalties), span: 3 }],
    [{ text: '行政强制' }, { text: num(t.coercions), span: 3 }],
    block('第二十条第（八）项'),
    [
      { text: '信息内容', head: true },
      { text: '本年收费金额（单位：万元）', span: 3, head: true },
    ],
    [{ text: '行政事业性收费' }, { text: formatWan(t.feesWan), span: 3 }],
  ];
  return tableXml(grid, rows, 0, 24);
}

/** 三、收到和处理政府信息公开申请情况: 3 label columns and 7 number columns. */
export function table3Xml(t: OpennessTables['three']): string {
  const grid = widths([7.5, 13, 28, ...Array(7).fill(7.36)]);
  const nums = (key: string): Cell[] => rowOf(t, key).map((v) => ({ text: num(v) }));
  const rows: Cell[][] = [
    [
      { text: '', span: 3, vMerge: 'restart' },
      { text: '申请人情况', span: 7, head: true },
    ],
    [
      { text: '', span: 3, vMerge: 'continue' },
      { text: '自然人', vMerge: 'restart', head: true },
      { text: '法人或其他组织', span: 5, head: true },
      { text: '总计', vMerge: 'restart', head: true },
    ],
    [
      { text: '', span: 3, vMerge: 'continue' },
      { text: '', vMerge: 'continue' },
      ...['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((h): Cell => ({ text: h, head: true })),
      { text: '', vMerge: 'continue' },
    ],
    [{ text: '一、本年新收政府信息公开申请数量', span: 3, left: true }, ...nums('received')],
    [{ text: '二、上年结转政府信息公开申请数量', span: 3, left: true }, ...nums('carried')],
  ];
  let first = true;
  const outer = (): Cell => {
    const c: Cell = first ? { text: '三、本年度办理结果', vMerge: 'restart' } : { text: '', vMerge: 'continue' };
    first = false;
    return c;
  };
  for (const g of DISCLOSURE_RESULT_GROUPS) {
    if (g.items.length === 1 && !g.items[0].label) {
      rows.push([outer(), { text: g.label, span: 2, left: true }, ...nums(g.items[0].code)]);
      continue;
    }
    g.items.forEach((item, k) => {
      rows.push([
        outer(),
        k === 0 ? { text: g.label, vMerge: 'restart' } : { text: '', vMerge: 'continue' },
        { text: item.label, left: true },
        ...nums(item.code),
      ]);
    });
  }
  rows.push([outer(), { text: '（七）总计', span: 2, left: true }, ...nums('concluded')]);
  rows.push([{ text: '四、结转下年度继续办理', span: 3, left: true }, ...nums('carryForward')]);
  return tableXml(grid, rows, 3, 21);
}

/** 四、政府信息公开行政复议、行政诉讼情况: 15 columns. */
export function table4Xml(four: number[]): string {
  const grid = widths(Array(15).fill(1));
  const results = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  const rows: Cell[][] = [
    [
      { text: '行政复议', span: 5, head: true },
      { text: '行政诉讼', span: 10, head: true },
    ],
    [
      ...results.map((h): Cell => ({ text: h, vMerge: 'restart', head: true })),
      { text: '未经复议直接起诉', span: 5, head: true },
      { text: '复议后起诉', span: 5, head: true },
    ],
    [...results.map((): Cell => ({ text: '', vMerge: 'continue' })), ...[...results, ...results].map((h): Cell => ({ text: h, head: true }))],
    four.map((v) => ({ text: num(v) })),
  ];
  return tableXml(grid, rows, 3, 21);
}

/** A per-render random token, so no clerk text can stand for a table's placeholder. */
const marker = (nonce: string, k: string) => `FZOPENNESS${nonce}T${k}`;

export function buildOpennessDocument(model: OpennessModel, nonce = ''): Document {
  const children: Paragraph[] = [];
  for (const line of model.titleLines) children.push(new Paragraph({ style: 'ReportTitle', children: [run(line)] }));
  children.push(emptyLine());
  for (const p of model.opening) children.push(bodyParagraph(p));
  const lastPart = model.parts[model.parts.length - 1];
  for (const part of model.parts) {
    children.push(new Paragraph({ style: 'SectionHeading', children: [run(part.heading)] }));
    // the 落款 never stands alone on the last page: the last paragraph keeps with it
    part.paragraphs.forEach((p, i) => children.push(bodyParagraph(p, part === lastPart && !part.table && i === part.paragraphs.length - 1)));
    if (part.table === 'three') {
      children.push(
        new Paragraph({
          style: 'Body',
          alignment: AlignmentType.CENTER,
          indent: { firstLine: 0, firstLineChars: 0 },
          keepNext: true,
          children: [run(model.table3Note, { size: 24 })],
        }),
      );
    }
    if (part.table) children.push(new Paragraph({ children: [run(marker(nonce, part.table))] }));
  }
  children.push(...signatureBlock(model.signature, model.date));
  return new Document({
    creator: model.authority || '法治台账',
    title: model.title,
    description: `${model.year}年政府信息公开工作年度报告`,
    evenAndOddHeaderAndFooters: true,
    styles: reportStyles(),
    sections: [
      {
        properties: reportPageProperties(),
        footers: { default: pageFooter(true), even: pageFooter(false) },
        children,
      },
    ],
  });
}

export async function renderOpennessDocx(model: OpennessModel): Promise<Buffer> {
  // characters illegal in XML 1.0 dropped from every text, whatever path it came by
  model = xmlSafeModel(model);
  const nonce = randomBytes(9).toString('hex');
  const buf = await Packer.toBuffer(buildOpennessDocument(model, nonce), false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
  const zip = await JSZip.loadAsync(buf);
  let xml = await zip.file('word/document.xml')!.async('string');
  // from the last placeholder back: spliceParagraph finds a marker's last occurrence
  xml = spliceParagraph(xml, marker(nonce, 'four'), table4Xml(model.tables.four));
  xml = spliceParagraph(xml, marker(nonce, 'three'), table3Xml(model.tables.three));
  xml = spliceParagraph(xml, marker(nonce, 'two'), table2Xml(model.tables.two));
  zip.file('word/document.xml', xml);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
