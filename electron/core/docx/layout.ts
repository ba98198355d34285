// The GB/T 9704-2012 (党政机关公文格式) layout every generated document shares — the
// annual report, the 政务公开年报, the 行政执法数据 and the case documents: fonts, margins,
// body paragraphs, page numbers, 落款, and appendix tables written as raw
// WordprocessingML (docx's own tables cost ~0.5 ms a row and a lot of memory),
// with the docx 9 pitfalls of shared/spec/annual-report.md worked around.
// Plumbing below the domains: it imports no domain.
import { AlignmentType, Footer, LineRuleType, PageNumber, Paragraph, TextRun, type IParagraphOptions, type IRunOptions } from 'docx';
import type { ReportParagraph, ReportTable } from '../../shared/contract/report.ts';
import { xmlSafe, xmlSafeModel } from '../util/xml-safe.ts';

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
  width: 11906,
  height: 16838,
  top: 2098,
  bottom: 1984,
  left: 1587,
  right: 1474,
  footer: 1304,
  line: 579,
  /** one 3号 character */
  char: 320,
} as const;

/**
 * Character spacing of the body in twentieths of a point: −0.3 pt, so
 * 28 × 15.7 pt = 439.6 pt fits the 442.2 pt line with 2.6 pt to spare. At −0.25 pt
 * (1.2 pt to spare) LibreOffice 7.4 does not paint a 、，。 that hangs at the end of a
 * full line (docs/report-layout.md).
 */
export const BODY_SPACING = -6;

export const font = (eastAsia: string, latin: string = LATIN) => ({ ascii: latin, hAnsi: latin, cs: latin, eastAsia, hint: 'eastAsia' }) as const;
export const exactLine = { line: LAYOUT.line, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
export const firstLine = { firstLine: 640, firstLineChars: 200 };

export const run = (text: string, opts: Partial<IRunOptions> = {}) => new TextRun({ text, ...opts });

export function bodyParagraph(p: ReportParagraph, keepNext = false): Paragraph {
  const children: TextRun[] = [];
  if (p.lead) children.push(run(p.lead, { font: font(FONTS.sub) }));
  if (p.text) children.push(run(p.text));
  const opts: IParagraphOptions = { style: 'Body', children, ...(keepNext ? { keepNext: true } : {}) };
  // a paragraph that is only a （一） heading goes into the navigation pane
  return new Paragraph(p.lead && !p.text ? { ...opts, outlineLevel: 1 } : opts);
}

export const emptyLine = (keepNext = false) => new Paragraph({ style: 'Body', indent: { firstLine: 0, firstLineChars: 0 }, keepNext, children: [] });

/** Every string of the model made XML-safe: the one writer-side cleaning of all documents (util/xml-safe.ts). */
export { xmlSafeModel };

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
    children: [
      new Paragraph({
        alignment: odd ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: odd ? { right: 280, firstLine: 0 } : { left: 280, firstLine: 0 },
        spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size, font: f, characterSpacing: 0 })],
      }),
    ],
  });
}

/** 落款: two empty lines, the authority centred over the date, the date 右空四字. */
export function signatureBlock(signature: string, date: string): Paragraph[] {
  const children: Paragraph[] = [];
  // 落款: the date 右空四字, the authority centred over the date
  children.push(emptyLine(true), emptyLine(true));
  const dateRight = 4;
  const authorityRight = Math.max(0, dateRight + widthInChars(date) / 2 - widthInChars(signature) / 2);
  if (signature) {
    children.push(
      new Paragraph({
        style: 'Body',
        alignment: AlignmentType.RIGHT,
        keepNext: true,
        indent: { firstLine: 0, firstLineChars: 0, right: Math.round(authorityRight * LAYOUT.char) },
        children: [run(signature)],
      }),
    );
  }
  children.push(
    new Paragraph({
      style: 'Body',
      alignment: AlignmentType.RIGHT,
      indent: { firstLine: 0, firstLineChars: 0, right: dateRight * LAYOUT.char },
      children: [run(date)],
    }),
  );
  return children;
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
        id: 'Normal',
        name: 'Normal',
        quickFormat: true,
        run: { font: font(FONTS.body), size: 32, characterSpacing: BODY_SPACING },
        paragraph: { spacing: exactLine, alignment: AlignmentType.JUSTIFIED },
      },
      {
        id: 'Body',
        name: '公文正文',
        basedOn: 'Normal',
        quickFormat: true,
        run: { font: font(FONTS.body), size: 32, characterSpacing: BODY_SPACING },
        paragraph: { spacing: exactLine, indent: firstLine, alignment: AlignmentType.JUSTIFIED },
      },
      {
        id: 'ReportTitle',
        name: '公文标题',
        basedOn: 'Normal',
        next: 'Body',
        quickFormat: true,
        run: { font: font(FONTS.title), size: 44, characterSpacing: 0 },
        paragraph: { spacing: exactLine, alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, keepNext: true },
      },
      {
        id: 'SectionHeading',
        name: '一级标题',
        basedOn: 'Normal',
        next: 'Body',
        quickFormat: true,
        run: { font: font(FONTS.heading), size: 32 },
        paragraph: { spacing: exactLine, indent: firstLine, keepNext: true, outlineLevel: 0 },
      },
      {
        id: 'TableText',
        name: '表格文字',
        basedOn: 'Normal',
        run: { font: font(FONTS.body), size: 24, characterSpacing: 0 },
        paragraph: { spacing: { line: 360, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, alignment: AlignmentType.CENTER, indent: { firstLine: 0 } },
      },
      {
        id: 'TableHead',
        name: '表头文字',
        basedOn: 'TableText',
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
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    entry(LATIN, null, '00', 'roman') +
    entry(FONTS.body, '仿宋', '86', 'modern') +
    entry(FONTS.sub, '楷体', '86', 'modern') +
    entry(FONTS.title, '宋体', '86', 'script') +
    entry(FONTS.heading, 'SimHei', '86', 'modern') +
    entry(FONTS.page, 'SimSun', '86', 'auto') +
    '</w:fonts>'
  );
}

export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const TEXT_WIDTH = LAYOUT.width - LAYOUT.left - LAYOUT.right;

function columnWidths(t: ReportTable): number[] {
  // each column as wide as its longest text (12 pt: 240 twips a character, plus cell margins);
  // short columns (序号, 日期, 形式 …) keep that width so they never wrap, and the long
  // text columns (活动名称 …) share what is left of the line
  const need = t.columns.map((c, k) => {
    // a header may wrap to two lines; the cells below it may not
    let longest = Math.ceil(widthInChars(c) / 2) + 1;
    for (const r of t.rows) longest = Math.max(longest, widthInChars(r[k] ?? ''));
    if (t.total) longest = Math.max(longest, widthInChars(t.total[k] ?? ''));
    for (const sub of t.subtotals ?? []) longest = Math.max(longest, widthInChars(sub[k] ?? ''));
    // 12 pt: a CJK character 240 twips, a digit or hyphen of Times New Roman at most 120;
    // 170 twips of cell margins and a little air
    return Math.ceil(longest * 240 + 230);
  });
  // fixed: numbers, dates, counts and short labels; the free-text columns (名称, 地点) flex
  const fixed = need.map((w, k) => !/名称|地点/.test(t.columns[k]) || w <= 5 * 240 + 230);
  const fixedSum = need.reduce((a, w, k) => a + (fixed[k] ? w : 0), 0);
  const flexNeed = need.reduce((a, w, k) => a + (fixed[k] ? 0 : w), 0);
  let widths: number[];
  if (fixedSum + flexNeed <= TEXT_WIDTH) {
    widths = [...need];
  } else if (flexNeed > 0 && fixedSum < TEXT_WIDTH * 0.75) {
    // the free-text columns share what is left by the square root of their need,
    // so a long 活动名称 does not leave a short 地点 one character wide (nor the reverse)
    const room = TEXT_WIDTH - fixedSum;
    const weight = need.map((w, k) => (fixed[k] ? 0 : Math.sqrt(w)));
    const total = weight.reduce((a, b) => a + b, 0);
    widths = need.map((w, k) => (fixed[k] ? w : Math.min(w, Math.floor((weight[k] / total) * room))));
  } else if (flexNeed > 0) {
    // the short columns (dates, numbers) never shrink: they must not wrap
    const room = Math.max(TEXT_WIDTH - fixedSum, flexNeed > 0 ? 1200 : 0);
    widths = need.map((w, k) => (fixed[k] ? w : Math.floor((w / flexNeed) * room)));
  } else {
    widths = need.map((w) => Math.floor((w / (fixedSum + flexNeed)) * TEXT_WIDTH));
  }
  const widest = widths.indexOf(Math.max(...widths));
  widths[widest] += TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  return widths;
}

/**
 * The opening of a full-width table with single black rules, fixed layout and the given
 * column widths (twips), up to its first row; `cellMargin` is the cell's left/right padding.
 */
export function tableStartXml(widths: number[], cellMargin: number): string {
  const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`;
  return [
    '<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:jc w:val="center"/><w:tblBorders>',
    ...['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border),
    `</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="${cellMargin}" w:type="dxa"/><w:right w:w="${cellMargin}" w:type="dxa"/></w:tblCellMar>`,
    '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>',
    ...widths.map((w) => `<w:gridCol w:w="${w}"/>`),
    '</w:tblGrid>',
  ].join('');
}

/** One appendix table as WordprocessingML (header row repeated on every page). */
export function tableXml(t: ReportTable): string {
  const widths = columnWidths(t);
  const noWrap = new Set(t.columns.map((c, k) => (/日期|序号|（|率/.test(c) ? k : -1)).filter((k) => k >= 0));
  // keepNext: a row keeps with the next one (the last rows with the 合计 row)
  const cell = (text: string, k: number, style: string, left = false, keepNext = false) =>
    `<w:tc><w:tcPr><w:tcW w:w="${widths[k]}" w:type="dxa"/>${noWrap.has(k) && style !== 'TableHead' ? '<w:noWrap/>' : ''}<w:vAlign w:val="center"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="${style}"/>${keepNext ? '<w:keepNext/>' : ''}${left ? '<w:jc w:val="left"/>' : ''}</w:pPr>${text ? `<w:r><w:t xml:space="preserve">${esc(xmlSafe(text))}</w:t></w:r>` : ''}</w:p></w:tc>`;
  const leftCols = new Set(t.columns.map((c, k) => (/名称|地点/.test(c) ? k : -1)).filter((k) => k >= 0));
  const parts: string[] = [tableStartXml(widths, 85)];
  parts.push('<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>');
  t.columns.forEach((c, k) => parts.push(cell(c, k, 'TableHead')));
  parts.push('</w:tr>');
  const keepFrom = t.total ? t.rows.length - 2 : t.rows.length;
  t.rows.forEach((r, ri) => {
    let row = '<w:tr><w:trPr><w:cantSplit/></w:trPr>';
    for (let k = 0; k < t.columns.length; k++) row += cell(r[k] ?? '', k, 'TableText', leftCols.has(k), ri >= keepFrom);
    parts.push(row, '</w:tr>');
  });
  // 小计 by kind, then 合计: the body's 场次 can be found in the table
  for (const [si, sub] of (t.subtotals ?? []).entries()) {
    parts.push('<w:tr><w:trPr><w:cantSplit/></w:trPr>');
    sub.forEach((c, k) => parts.push(cell(c, k, 'TableHead', false, !!t.total || si < (t.subtotals?.length ?? 0) - 1)));
    parts.push('</w:tr>');
  }
  if (t.total) {
    parts.push('<w:tr><w:trPr><w:cantSplit/></w:trPr>');
    t.total.forEach((c, k) => parts.push(cell(c, k, 'TableHead')));
    parts.push('</w:tr>');
  }
  parts.push('</w:tbl>');
  return parts.join('');
}

/**
 * Replaces the paragraph holding `marker` (the last one: placeholders follow all text)
 * with `xml`; the marker must be the paragraph's whole text.
 */
export function spliceParagraph(doc: string, marker: string, xml: string): string {
  const at = doc.lastIndexOf(`>${marker}</w:t>`);
  if (at < 0) throw new Error(`appendix marker ${marker} missing`);
  const start = Math.max(doc.lastIndexOf('<w:p>', at), doc.lastIndexOf('<w:p ', at));
  const end = doc.indexOf('</w:p>', at) + '</w:p>'.length;
  if (start < 0 || end < start || doc.slice(start, end).includes('<w:p>', 1)) throw new Error(`appendix marker ${marker} is not alone in its paragraph`);
  return doc.slice(0, start) + xml + doc.slice(end);
}
