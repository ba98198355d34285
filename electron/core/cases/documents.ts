// The 人民调解文书 of a case in the 司法部 format (人民调解文书格式): 受理登记表,
// 协议书, 回访记录, 卷宗封面 and 卷内目录 — filled from the case, with blank lines
// where the form expects a signature, a fingerprint or a seal. These documents
// carry the parties' details: they are written only where the clerk saves them.
import {
  AlignmentType,
  BorderStyle,
  Document,
  LineRuleType,
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { CASE_DOC_KINDS, type CaseDoc, type CaseDocKind, type DocBlock, type DocCell } from '../../shared/case-doc-model.ts';
import { AGREEMENT_KINDS, CASE_SOURCES, CASE_STATUSES, DISPUTE_TYPES, labelOf } from '../../shared/enums.ts';
import type { MediationCase, PartyEntry } from '../../shared/records.ts';
import { GENDERS, PARTY_ROLES } from '../../shared/registers.ts';
import { xmlSafe, xmlSafeModel } from '../util/xml-safe.ts';

const BLANK = '＿＿＿＿＿＿＿＿';
const DATE_BLANK = '　　　　年　　月　　日';

/** 2025-03-02 → 2025年3月2日; empty → a blank date to write by hand */
export function chineseDate(d: string | null | undefined): string {
  if (!d) return DATE_BLANK;
  const [y, m, day] = d.split('-').map(Number);
  return `${y}年${m}月${day}日`;
}

const or = (s: string | null | undefined, blank = BLANK) => (s && s.trim() ? s.trim() : blank);

function partyLine(p: PartyEntry): string {
  const bits = [
    `${labelOf(PARTY_ROLES, p.role ?? 'party') || '当事人'}：${p.name}`,
    p.gender ? labelOf(GENDERS, p.gender) : '性别＿＿',
    p.ethnicity ? p.ethnicity : '民族＿＿',
    p.birthDate ? `${chineseDate(p.birthDate)}出生` : '出生日期＿＿＿＿',
    `职业或职务：${or(p.occupation, '＿＿＿＿')}`,
    `住址或单位：${or(p.address, '＿＿＿＿＿＿')}`,
    `联系电话：${or(p.phone, '＿＿＿＿＿＿')}`,
  ];
  if (p.idNumber) bits.push(`身份证号：${p.idNumber}`);
  return bits.join('，');
}

/** Two parties at least on paper: the form leaves room for the ones not yet registered. */
function partiesForForm(c: MediationCase): PartyEntry[] {
  const list = [...(c.partyList ?? [])];
  while (list.length < 2) list.push({ name: '', role: list.length === 0 ? 'applicant' : 'respondent' });
  return list;
}

const cell = (text: string, extra: Partial<DocCell> = {}): DocCell => ({ text, ...extra });
const head = (text: string, extra: Partial<DocCell> = {}): DocCell => ({ text, align: 'center', ...extra });

function header(c: MediationCase, title: string): DocBlock[] {
  return [
    { t: 'title', text: title },
    { t: 'para', text: `编号：${or(c.caseNo, '＿＿＿＿＿＿＿＿＿＿')}`, align: 'right' },
  ];
}

function committeeName(c: MediationCase, township: string): string {
  return c.committee?.trim() || `${township}人民调解委员会`;
}

function registerDoc(c: MediationCase): DocBlock[] {
  const rows: DocCell[][] = [
    [head('当事人'), head('姓名'), head('性别'), head('民族'), head('出生日期'), head('职业或职务'), head('住址或单位'), head('联系电话')],
  ];
  for (const p of partiesForForm(c)) {
    rows.push([
      head(labelOf(PARTY_ROLES, p.role ?? 'party') || '当事人'),
      cell(p.name),
      head(p.gender ? labelOf(GENDERS, p.gender) : ''),
      head(p.ethnicity ?? ''),
      head(p.birthDate ?? ''),
      cell(p.occupation ?? ''),
      cell(p.address ?? ''),
      cell(p.phone ?? ''),
    ]);
  }
  rows.push([
    head('纠纷类型'),
    cell(`${labelOf(DISPUTE_TYPES, c.type)}纠纷`, { span: 3 }),
    head('纠纷来源'),
    cell(labelOf(CASE_SOURCES, c.source) || '', { span: 3 }),
  ]);
  rows.push([head('纠纷简要情况'), cell(c.facts ?? c.summary ?? '', { span: 7, minLines: 8 })]);
  rows.push([head('受理日期'), cell(chineseDate(c.acceptedOn), { span: 3 }), head('调解员'), cell(c.mediator ?? '', { span: 3 })]);
  rows.push([head('登记人'), cell('（签名）', { span: 3, minLines: 2 }), head('登记时间'), cell(DATE_BLANK, { span: 3 })]);
  return [
    ...header(c, '人民调解受理登记表'),
    { t: 'table', widths: [14, 11, 7, 8, 12, 12, 19, 17], rows },
    {
      t: 'keep',
      blocks: [
        { t: 'gap', lines: 1 },
        ...partiesForForm(c).map((): DocBlock => ({ t: 'para', text: '当事人（签名或按指印）：＿＿＿＿＿＿＿＿＿＿', signature: true })),
      ],
    },
  ];
}

function agreementDoc(c: MediationCase, township: string): DocBlock[] {
  const blocks: DocBlock[] = [...header(c, '人民调解协议书')];
  for (const p of partiesForForm(c))
    blocks.push({
      t: 'para',
      text: p.name
        ? partyLine(p)
        : `${labelOf(PARTY_ROLES, p.role ?? 'party')}：${BLANK}，性别＿＿，民族＿＿，出生日期＿＿＿＿，职业或职务＿＿＿＿，住址或单位＿＿＿＿＿＿，联系电话＿＿＿＿＿＿`,
    });
  blocks.push({ t: 'para', text: '纠纷主要事实、争议事项：', bold: true });
  for (const line of (c.facts ?? c.summary ?? '').split('\n').filter(Boolean)) blocks.push({ t: 'para', text: line, indent: true });
  if (!c.facts && !c.summary) blocks.push({ t: 'gap', lines: 3 });
  blocks.push({ t: 'para', text: '经调解，自愿达成如下协议：', bold: true });
  const terms = (c.agreementTerms ?? '').split('\n').filter(Boolean);
  for (const line of terms) blocks.push({ t: 'para', text: line, indent: true });
  if (!terms.length) blocks.push({ t: 'gap', lines: 4 });
  // the last lines of text (履行方式) stay on the page of the signatures, the seal and the date
  const perf = (c.performance ?? '').split('\n').filter(Boolean);
  blocks.push({
    t: 'keep',
    blocks: [
      { t: 'para', text: '履行方式、时限：', bold: true },
      ...perf.map((line): DocBlock => ({ t: 'para', text: line, indent: true })),
      ...(perf.length ? [] : [{ t: 'gap', lines: 2 } as const]),
      { t: 'para', text: `本协议一式${c.copies ? `${c.copies}` : '＿＿'}份，当事人、人民调解委员会各持一份。`, indent: true },
      { t: 'gap', lines: 1 },
      ...partiesForForm(c).map((): DocBlock => ({ t: 'para', text: '当事人（签名盖章或按指印）：＿＿＿＿＿＿＿＿＿＿', signature: true })),
      { t: 'para', text: '人民调解员（签名）：＿＿＿＿＿＿＿＿＿＿', signature: true },
      { t: 'para', text: '记录人（签名）：＿＿＿＿＿＿＿＿＿＿', signature: true },
      { t: 'gap', lines: 1 },
      { t: 'para', text: `${committeeName(c, township)}（印）`, align: 'right' },
      { t: 'para', text: chineseDate(c.closedOn), align: 'right' },
    ],
  });
  return blocks;
}

function followUpDoc(c: MediationCase): DocBlock[] {
  const names = (c.partyList ?? []).map((p) => p.name).join('、') || c.parties || '';
  const rows: DocCell[][] = [
    [head('当事人'), cell(names, { span: 3 })],
    [
      head('纠纷类型'),
      cell(`${labelOf(DISPUTE_TYPES, c.type)}纠纷`),
      head('调解结果'),
      cell([labelOf(CASE_STATUSES, c.status), labelOf(AGREEMENT_KINDS, c.agreement === 'none' ? null : c.agreement)].filter(Boolean).join('，')),
    ],
    [head('回访事由'), cell('了解调解协议履行情况及当事人意见', { span: 3 })],
  ];
  const visits = c.followUps?.length ? c.followUps : [{ date: '', by: '', performed: '', opinion: '' }];
  visits.forEach((v, i) => {
    const n = visits.length > 1 ? `（${i + 1}）` : '';
    rows.push([head(`回访时间${n}`), cell(v.date ? chineseDate(v.date) : DATE_BLANK), head('回访人'), cell(v.by ?? '')]);
    rows.push([head('履行情况'), cell(v.performed ?? '', { span: 3, minLines: 4 })]);
    rows.push([head('当事人意见'), cell(v.opinion ?? '', { span: 3, minLines: 3 })]);
  });
  return [
    ...header(c, '人民调解回访记录'),
    { t: 'table', widths: [16, 34, 16, 34], rows },
    {
      t: 'keep',
      blocks: [
        { t: 'gap', lines: 1 },
        { t: 'para', text: '回访人（签名）：＿＿＿＿＿＿＿＿＿＿', signature: true },
        { t: 'para', text: '被回访人（签名或按指印）：＿＿＿＿＿＿＿＿＿＿', signature: true },
        { t: 'para', text: DATE_BLANK, align: 'right' },
      ],
    },
  ];
}

function coverDoc(c: MediationCase, township: string, attachmentCount: number): DocBlock[] {
  const names = (c.partyList ?? []).map((p) => p.name).filter(Boolean);
  const title =
    names.length >= 2
      ? `${names.slice(0, 2).join('与')}${names.length > 2 ? '等' : ''}${labelOf(DISPUTE_TYPES, c.type)}纠纷`
      : `${labelOf(DISPUTE_TYPES, c.type)}纠纷`;
  const line = (label: string, value: string): DocBlock => ({ t: 'para', text: `${label}${value}`, indent: false });
  const written = c.agreement === 'written';
  const toc: [string, boolean][] = [
    ['人民调解申请书（或口头申请记录）', c.source === 'application'],
    ['人民调解受理登记表', true],
    ['人民调解调查记录', false],
    ['人民调解记录', false],
    [written ? '人民调解协议书' : '人民调解口头协议登记表', c.status === 'success'],
    ['人民调解回访记录', (c.followUps ?? []).length > 0],
    [`其他材料${attachmentCount ? `（照片、扫描件${attachmentCount}份）` : ''}`, attachmentCount > 0],
  ];
  const rows: DocCell[][] = [[head('序号'), head('文件名称'), head('页号'), head('备注')]];
  toc.forEach(([name, _present], i) => rows.push([head(String(i + 1)), cell(name), head(''), cell('')]));
  return [
    { t: 'para', text: committeeName(c, township), align: 'center', size: 'big' },
    { t: 'gap', lines: 2 },
    { t: 'title', text: '人 民 调 解 卷 宗', size: 'big' },
    { t: 'gap', lines: 3 },
    line('卷　　名：', title),
    line('卷　　号：', or(c.caseNo)),
    line('调 解 员：', or(c.mediator)),
    line('受理日期：', chineseDate(c.acceptedOn)),
    line('结案日期：', chineseDate(c.closedOn)),
    line('调解结果：', labelOf(CASE_STATUSES, c.status)),
    line('立 卷 人：', BLANK),
    line('立卷日期：', DATE_BLANK),
    line('保管期限：', BLANK),
    { t: 'pageBreak' },
    { t: 'title', text: '卷 内 目 录' },
    { t: 'para', text: `卷号：${or(c.caseNo)}`, align: 'right' },
    { t: 'table', widths: [10, 56, 12, 22], rows: rows.map((r) => r.map((x) => ({ ...x, minLines: 1 }))) },
  ];
}

export function buildCaseDoc(c: MediationCase, kind: CaseDocKind, township: string, attachmentCount = 0): CaseDoc {
  const blocks =
    kind === 'register'
      ? registerDoc(c)
      : kind === 'agreement'
        ? agreementDoc(c, township)
        : kind === 'followup'
          ? followUpDoc(c)
          : coverDoc(c, township, attachmentCount);
  const title = CASE_DOC_KINDS[kind];
  const safeNo = (c.caseNo ?? c.acceptedOn).replace(/[\\/:*?"<>|]/g, '_');
  return { kind, title, fileName: `${safeNo}-${title}.docx`, blocks };
}

// ---- .docx ------------------------------------------------------------------------

const FONT = '仿宋_GB2312';
const TITLE_FONT = '方正小标宋简体';
const fontOf = (eastAsia: string) => ({ ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman', eastAsia, hint: 'eastAsia' }) as const;
/** 4号 body (14 pt) in forms, 3号 (16 pt) in running text would not fit a table */
const SIZE = 28;
const LINE = 480; // twips, fixed line height: room to write by hand
const TEXT_WIDTH = 11906 - 1588 * 2;
const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/** 小四 (12 pt) in table cells, so a party's row fits */
const TABLE_SIZE = 24;
const TABLE_LINE = 360;

const para = (
  text: string,
  opts: { align?: 'left' | 'center' | 'right'; bold?: boolean; size?: number; font?: string; indent?: boolean; line?: number; keep?: Keep } = {},
) =>
  new Paragraph({
    alignment: ALIGN[opts.align ?? 'left'],
    keepNext: opts.keep === 'next' || undefined,
    keepLines: (opts.keep ?? 'none') !== 'none' || undefined,
    spacing: { line: opts.line ?? LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    indent: opts.indent ? { firstLine: SIZE * 10 * 2 } : undefined, // two characters
    // a line break typed in the text (Shift+Enter) stays a line break
    children: text
      .split('\n')
      .map((t, k) => new TextRun({ text: t, break: k ? 1 : undefined, bold: opts.bold, size: opts.size ?? SIZE, font: fontOf(opts.font ?? FONT) })),
  });

function tableOf(widths: number[], rows: DocCell[][]): Table {
  const total = widths.reduce((a, b) => a + b, 0);
  const cols = widths.map((w) => Math.round((w / total) * TEXT_WIDTH));
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: cols,
    rows: rows.map((r) => {
      const minLines = Math.max(1, ...r.map((c) => c.minLines ?? 1));
      let col = 0;
      return new TableRow({
        height: { value: minLines * TABLE_LINE + 160, rule: 'atLeast' },
        children: r.map((c) => {
          const span = c.span ?? 1;
          const w = cols.slice(col, col + span).reduce((a, b) => a + b, 0);
          col += span;
          const lines = c.text.split('\n');
          return new TableCell({
            columnSpan: span > 1 ? span : undefined,
            width: { size: w, type: WidthType.DXA },
            verticalAlign: (c.minLines ?? 1) > 2 ? VerticalAlign.TOP : VerticalAlign.CENTER,
            margins: { left: 80, right: 80, top: 40, bottom: 40 },
            children: lines.map((t) => para(t, { align: c.align, bold: c.bold, size: TABLE_SIZE, line: TABLE_LINE })),
          });
        }),
      });
    }),
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
  });
}

/** How a paragraph holds to its page: `next` keeps it with the next paragraph and its lines
 * together (a `keep` group moves to the next page whole), `lines` only its lines. */
type Keep = 'none' | 'next' | 'lines';

/** The Word paragraphs and tables of blocks. */
function docxOf(blocks: DocBlock[], keep: Keep = 'none'): (Paragraph | Table)[] {
  const children: (Paragraph | Table)[] = [];
  const p = (text: string, opts: Parameters<typeof para>[1] = {}) => para(text, { ...opts, keep });
  for (const b of blocks) {
    switch (b.t) {
      case 'title':
        children.push(
          new Paragraph({
            alignment: AlignmentType.CENTER,
            keepNext: keep === 'next' || undefined,
            keepLines: keep !== 'none' || undefined,
            spacing: { before: 0, after: 240, line: b.size === 'big' ? 1000 : 720, lineRule: LineRuleType.EXACT },
            children: [new TextRun({ text: b.text, size: b.size === 'big' ? 72 : 44, font: fontOf(TITLE_FONT), bold: b.size === 'big' })],
          }),
        );
        break;
      case 'para':
        // a signature line stands two lines below the text before it: room to sign
        if (b.signature) children.push(p(''));
        // a bold heading (纠纷主要事实、争议事项：) keeps with its first line
        children.push(
          para(b.text, {
            align: b.align,
            bold: b.bold,
            indent: b.indent,
            size: b.size === 'big' ? 36 : undefined,
            keep: b.bold && keep === 'none' ? 'next' : keep,
          }),
        );
        break;
      case 'table':
        children.push(tableOf(b.widths, b.rows));
        break;
      case 'gap':
        for (let i = 0; i < b.lines; i++) children.push(p(''));
        break;
      case 'pageBreak':
        children.push(new Paragraph({ children: [new PageBreak()] }));
        break;
      case 'keep':
        // every paragraph keeps with the next; the last one keeps its lines only (what follows may go on)
        children.push(...docxOf(b.blocks.slice(0, -1), 'next'), ...docxOf(b.blocks.slice(-1), keep === 'next' ? 'next' : 'lines'));
        break;
    }
  }
  return children;
}

export async function renderCaseDocDocx(input: Pick<CaseDoc, 'title' | 'blocks'>, creator: string): Promise<Buffer> {
  // whatever a text holds (Word's Shift+Enter pastes \u000b), the file opens
  const doc = xmlSafeModel(input);
  creator = xmlSafe(creator);
  const children = docxOf(doc.blocks);
  const document = new Document({
    creator,
    title: doc.title,
    styles: { default: { document: { run: { font: fontOf(FONT), size: SIZE } } } },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1440, bottom: 1440, left: 1588, right: 1588 } } },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
