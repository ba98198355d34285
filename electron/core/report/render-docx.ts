// The annual report as a .docx laid out per GB/T 9704-2012 (党政机关公文格式),
// with the docx 9 pitfalls of shared/spec/annual-report.md worked around.
// Appendix tables are written as raw WordprocessingML (docx's own tables cost
// ~0.5 ms a row and a lot of memory) and spliced into document.xml.
import {
  AlignmentType, Document, Footer, LineRuleType, Packer, PageNumber, Paragraph, TextRun,
  type IParagraphOptions, type IRunOptions,
} from 'docx';
import JSZip from 'jszip';
import type { ReportModel, ReportParagraph, ReportTable } from '../../shared/contract/report.ts';

const LATIN = 'Times New Roman';
export const FONTS = {
  body: '仿宋_GB2312',
  heading: '黑体',
  sub: '楷体_GB2312',
  title: '方正小标宋简体',
  page: '宋体',
} as const;

/** Twips: A4, margins 37/35/28/26 mm, 28.95 pt lines (22 a page). */
export const LAYOUT = {
  width: 11906, height: 16838,
  top: 2098, bottom: 1984, left: 1587, right: 1474,
  footer: 1304,
  line: 579,
  /** one 3号 character */
  char: 320,
} as const;

export const font = (eastAsia: string, latin: string = LATIN) =>
  ({ ascii: latin, hAnsi: latin, cs: latin, eastAsia, hint: 'eastAsia' }) as const;
export const exactLine = { line: LAYOUT.line, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
export const firstLine = { firstLine: 640, firstLineChars: 200 };

export const run = (text: string, opts: Partial<IRunOptions> = {}) => new TextRun({ text, ...opts });

export function bodyParagraph(p: ReportParagraph): Paragraph {
  const children: TextRun[] = [];
  if (p.lead) children.push(run(p.lead, { font: font(FONTS.sub) }));
  if (p.text) children.push(run(p.text));
  const opts: IParagraphOptions = { style: 'Body', children };
  // a paragraph that is only a （一） heading goes into the navigation pane
  return new Paragraph(p.lead && !p.text ? { ...opts, outlineLevel: 1 } : opts);
}

export const emptyLine = () => new Paragraph({ style: 'Body', indent: { firstLine: 0, firstLineChars: 0 }, children: [] });

/** Width in 3号 characters: CJK 1, Latin digits ½. */
export function widthInChars(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) < 0x2000 ? 0.5 : 1;
  return w;
}

export function pageFooter(odd: boolean): Footer {
  const size = 28; // 4号
  const f = font(FONTS.page, FONTS.page);
  return new Footer({
    children: [new Paragraph({
      alignment: odd ? AlignmentType.RIGHT : AlignmentType.LEFT,
      indent: odd ? { right: 280, firstLine: 0 } : { left: 280, firstLine: 0 },
      spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
      children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size, font: f, characterSpacing: 0 })],
    })],
  });
}

/** 落款: two empty lines, the authority centred over the date, the date 右空四字. */
export function signatureBlock(signature: string, date: string): Paragraph[] {
  const children: Paragraph[] = [];
  // 落款: the date 右空四字, the authority centred over the date
  children.push(emptyLine(), emptyLine());
  const dateRight = 4;
  const authorityRight = Math.max(0, dateRight + widthInChars(date) / 2 - widthInChars(signature) / 2);
  if (signature) {
    children.push(new Paragraph({
      style: 'Body', alignment: AlignmentType.RIGHT, keepNext: true,
      indent: { firstLine: 0, firstLineChars: 0, right: Math.round(authorityRight * LAYOUT.char) },
      children: [run(signature)],
    }));
  }
  children.push(new Paragraph({
    style: 'Body', alignment: AlignmentType.RIGHT,
    indent: { firstLine: 0, firstLineChars: 0, right: dateRight * LAYOUT.char },
    children: [run(date)],
  }));
  return children;
}

const appendixMarker = (k: number) => `@@FZ_APPENDIX_${k}@@`;

export function buildDocument(model: ReportModel): Document {
  const children: Paragraph[] = [];
  for (const line of model.titleLines) {
    children.push(new Paragraph({ style: 'ReportTitle', children: [run(line)] }));
  }
  children.push(emptyLine());
  for (const p of model.opening.paragraphs) children.push(bodyParagraph(p));
  for (const sec of model.sections) {
    children.push(new Paragraph({ style: 'SectionHeading', children: [run(sec.heading)] }));
    for (const p of sec.paragraphs) children.push(bodyParagraph(p));
  }
  if (model.appendixNote.length) {
    children.push(emptyLine());
    model.appendixNote.forEach((line) => {
      children.push(new Paragraph({ style: 'Body', children: [run(line)] }));
    });
  }
  children.push(...signatureBlock(model.signature, model.date));
  model.appendix.forEach((t, k) => {
    children.push(new Paragraph({
      style: 'SectionHeading', pageBreakBefore: true, indent: { firstLine: 0, firstLineChars: 0 },
      outlineLevel: 0, children: [run(t.label)],
    }));
    children.push(emptyLine());
    children.push(new Paragraph({ style: 'ReportTitle', children: [run(t.title)] }));
    children.push(emptyLine());
    children.push(new Paragraph({ children: [run(appendixMarker(k))] }));
  });

  return new Document({
    creator: model.authority || '法治台账',
    title: model.title,
    description: `${model.year}年法治政府建设情况报告`,
    evenAndOddHeaderAndFooters: true,
    styles: reportStyles(),
    sections: [{
      properties: reportPageProperties(),
      footers: { default: pageFooter(true), even: pageFooter(false) },
      children,
    }],
  });
}

/** The GB/T 9704 paragraph styles (正文, 标题, 一级标题, 表格文字) every report uses. */
export function reportStyles() {
  return {
    default: {
      document: {
        run: { font: font(FONTS.body), size: 32 },
        paragraph: { spacing: exactLine },
      },
    },
    paragraphStyles: [
      {
        id: 'Normal', name: 'Normal', quickFormat: true,
        run: { font: font(FONTS.body), size: 32, characterSpacing: -5 },
        paragraph: { spacing: exactLine, alignment: AlignmentType.JUSTIFIED },
      },
      {
        id: 'Body', name: '公文正文', basedOn: 'Normal', quickFormat: true,
        run: { font: font(FONTS.body), size: 32, characterSpacing: -5 },
        paragraph: { spacing: exactLine, indent: firstLine, alignment: AlignmentType.JUSTIFIED },
      },
      {
        id: 'ReportTitle', name: '公文标题', basedOn: 'Normal', next: 'Body', quickFormat: true,
        run: { font: font(FONTS.title), size: 44, characterSpacing: 0 },
        paragraph: { spacing: exactLine, alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, keepNext: true },
      },
      {
        id: 'SectionHeading', name: '一级标题', basedOn: 'Normal', next: 'Body', quickFormat: true,
        run: { font: font(FONTS.heading), size: 32 },
        paragraph: { spacing: exactLine, indent: firstLine, keepNext: true, outlineLevel: 0 },
      },
      {
        id: 'TableText', name: '表格文字', basedOn: 'Normal',
        run: { font: font(FONTS.body), size: 24, characterSpacing: 0 },
        paragraph: { spacing: { line: 360, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, alignment: AlignmentType.CENTER, indent: { firstLine: 0 } },
      },
      {
        id: 'TableHead', name: '表头文字', basedOn: 'TableText',
        run: { font: font(FONTS.heading), size: 24, characterSpacing: 0 },
        paragraph: { spacing: { line: 360, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, alignment: AlignmentType.CENTER, indent: { firstLine: 0 } },
      },
    ],
  };
}

/** A4 page with the 公文 margins. */
export function reportPageProperties() {
  return {
    page: {
      size: { width: LAYOUT.width, height: LAYOUT.height },
      margin: { top: LAYOUT.top, bottom: LAYOUT.bottom, left: LAYOUT.left, right: LAYOUT.right, header: 851, footer: LAYOUT.footer, gutter: 0 },
    },
    // no grid type (a linesAndChars grid breaks LibreOffice); the pitch only documents the 22-line page
    grid: { linePitch: LAYOUT.line },
  };
}

/** fontTable.xml naming substitutes for the 公文 fonts missing on stock Windows. */
export function fontTableXml(): string {
  const entry = (name: string, alt: string | null, charset: string, family: string) =>
    `<w:font w:name="${name}">${alt ? `<w:altName w:val="${alt}"/>` : ''}<w:charset w:val="${charset}"/><w:family w:val="${family}"/><w:pitch w:val="variable"/></w:font>`;
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    + '<w:fonts xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    + entry(LATIN, null, '00', 'roman')
    + entry(FONTS.body, '仿宋', '86', 'modern')
    + entry(FONTS.sub, '楷体', '86', 'modern')
    + entry(FONTS.title, '宋体', '86', 'script')
    + entry(FONTS.heading, 'SimHei', '86', 'modern')
    + entry(FONTS.page, 'SimSun', '86', 'auto')
    + '</w:fonts>';
}

export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const TEXT_WIDTH = LAYOUT.width - LAYOUT.left - LAYOUT.right;

function columnWidths(t: ReportTable): number[] {
  // each column as wide as its longest text (12 pt: 240 twips a character, plus cell margins);
  // short columns (序号, 日期, 形式 …) keep that width so they never wrap, and the long
  // text columns (活动名称 …) share what is left of the line
  const need = t.columns.map((c, k) => {
    const longest = Math.max(widthInChars(c), ...t.rows.slice(0, 500).map((r) => widthInChars(r[k] ?? '')));
    return Math.ceil(longest * 240 + 200);
  });
  const SHORT = 8 * 240 + 200;
  const fixed = need.map((w) => w <= SHORT);
  const fixedSum = need.reduce((a, w, k) => a + (fixed[k] ? w : 0), 0);
  const flexNeed = need.reduce((a, w, k) => a + (fixed[k] ? 0 : w), 0);
  let widths: number[];
  if (fixedSum + flexNeed <= TEXT_WIDTH) {
    widths = [...need];
  } else if (flexNeed > 0 && fixedSum < TEXT_WIDTH * 0.75) {
    const room = TEXT_WIDTH - fixedSum;
    widths = need.map((w, k) => (fixed[k] ? w : Math.floor((w / flexNeed) * room)));
  } else {
    widths = need.map((w) => Math.floor((w / (fixedSum + flexNeed)) * TEXT_WIDTH));
  }
  const widest = widths.indexOf(Math.max(...widths));
  widths[widest] += TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  return widths;
}

/** One appendix table as WordprocessingML (header row repeated on every page). */
export function tableXml(t: ReportTable): string {
  const widths = columnWidths(t);
  const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`;
  const cell = (text: string, k: number, style: string, left = false) =>
    `<w:tc><w:tcPr><w:tcW w:w="${widths[k]}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="${style}"/>${left ? '<w:jc w:val="left"/>' : ''}</w:pPr>${text ? `<w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r>` : ''}</w:p></w:tc>`;
  const leftCols = new Set(t.columns.map((c, k) => (/名称|地点/.test(c) ? k : -1)).filter((k) => k >= 0));
  const parts: string[] = [];
  parts.push('<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:jc w:val="center"/><w:tblBorders>',
    border('top'), border('left'), border('bottom'), border('right'), border('insideH'), border('insideV'),
    '</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>',
    '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>');
  for (const w of widths) parts.push(`<w:gridCol w:w="${w}"/>`);
  parts.push('</w:tblGrid>');
  parts.push('<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>');
  t.columns.forEach((c, k) => parts.push(cell(c, k, 'TableHead')));
  parts.push('</w:tr>');
  for (const r of t.rows) {
    let row = '<w:tr><w:trPr><w:cantSplit/></w:trPr>';
    for (let k = 0; k < t.columns.length; k++) row += cell(r[k] ?? '', k, 'TableText', leftCols.has(k));
    parts.push(row, '</w:tr>');
  }
  if (t.total) {
    parts.push('<w:tr><w:trPr><w:cantSplit/></w:trPr>');
    t.total.forEach((c, k) => parts.push(cell(c, k, 'TableHead')));
    parts.push('</w:tr>');
  }
  parts.push('</w:tbl>');
  return parts.join('');
}

/** Replaces the paragraph holding `marker` with `xml`. */
export function spliceParagraph(doc: string, marker: string, xml: string): string {
  const at = doc.indexOf(marker);
  if (at < 0) throw new Error(`appendix marker ${marker} missing`);
  const start = Math.max(doc.lastIndexOf('<w:p>', at), doc.lastIndexOf('<w:p ', at));
  const end = doc.indexOf('</w:p>', at) + '</w:p>'.length;
  return doc.slice(0, start) + xml + doc.slice(end);
}

/** The finished .docx. */
export async function renderReportDocx(model: ReportModel): Promise<Buffer> {
  const doc = buildDocument(model);
  const overrides = [{ path: 'word/fontTable.xml', data: fontTableXml() }];
  const buf = await Packer.toBuffer(doc, false, overrides);
  if (!model.appendix.length) return buf;
  const zip = await JSZip.loadAsync(buf);
  let xml = await zip.file('word/document.xml')!.async('string');
  model.appendix.forEach((t, k) => { xml = spliceParagraph(xml, appendixMarker(k), tableXml(t)); });
  zip.file('word/document.xml', xml);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
