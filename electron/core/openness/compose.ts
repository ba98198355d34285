// Composes the 政府信息公开工作年度报告 (national format, 国办公开办函〔2021〕30号) from the
// year's figures, the year profile and the township settings. Pure: no database here.
import type { OpennessModel, OpennessPart, ReviewItem } from '../../shared/contract/openness.ts';
import type { ReportParagraph } from '../../shared/contract/report.ts';
import { DISCLOSURE_RESULT_GROUPS } from '../../shared/enums.ts';
import type { OpennessNarrativeKey, OpennessYear } from '../../shared/openness.ts';
import type { AppSettings } from '../../shared/records.ts';
import { documentDate, documentWindow } from '../../shared/document-date.ts';
import { statedOf } from './checks.ts';
import { rowOf, type OpennessFigures } from './figures.ts';

export const TABLE3_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
export const DEFAULT_FEES = '本年度未收取信息处理费。';

export interface OpennessComposeInput {
  figures: OpennessFigures;
  profile: OpennessYear;
  settings: AppSettings;
  /** 成文日期 asked for (YYYY-MM-DD) */
  date?: string;
  /** today, YYYY-MM-DD */
  today: string;
  checks: ReviewItem[];
  dataWarnings: ReviewItem[];
}

const SUB_HEAD = /^(（[一二三四五六七八九十]+）[^。！？\n]{1,30}?[。！？])(.*)$/;
function lines(text: string | null | undefined): string[] {
  if (!text) return [];
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}
function paragraph(line: string, source: ReportParagraph['source']): ReportParagraph {
  const m = SUB_HEAD.exec(line);
  return m ? { lead: m[1], text: m[2], source } : { text: line, source };
}

/** 1.5 → 1.5; 2 → 2; 0 → 0 (万元, two decimals at most) */
export const formatWan = (v: number) => String(Math.round(v * 100) / 100);

/** Whether a 成文日期 lies in the window the spec allows: 1 December of the year to 31 January of the next. */
export const dateInWindow = (iso: string, year: number) => {
  const w = documentWindow('openness', year);
  return iso >= w.from && iso <= w.to;
};

export function opennessFileName(name: string, year: number): string {
  return `${name}${year}年政府信息公开工作年度报告.docx`;
}

export function composeOpenness(input: OpennessComposeInput): OpennessModel {
  const { figures: f, profile, settings } = input;
  const year = f.year;
  const township = settings.township;
  const name = township?.name?.trim() || '本机关';
  const authority = township?.authority?.trim() || '';
  const organ = '本机关';
  const t3 = f.tables.three;
  const total = (k: string) => rowOf(t3, k)[6];
  const [received, carried, concluded, carryForward] = ['received', 'carried', 'concluded', 'carryForward'].map(total);

  // ---- 一、总体情况 ----------------------------------------------------------
  const resultParts: string[] = [];
  for (const g of DISCLOSURE_RESULT_GROUPS) {
    const n = g.items.reduce((s, i) => s + total(i.code), 0);
    if (n > 0) resultParts.push(`${g.label.replace(/^（.）/, '').replace(/（.*）$/, '')}${n}件`);
  }
  const requestsText =
    received + carried === 0
      ? `${year}年，${organ}未收到政府信息公开申请。`
      : `${year}年，${organ}共收到政府信息公开申请${received}件，上年结转${carried}件；办结${concluded}件${resultParts.length ? `，其中${resultParts.join('、')}` : ''}；结转下年度继续办理${carryForward}件。`;
  const disputesTotal = f.tables.four[4] + f.tables.four[9] + f.tables.four[14];
  // drafts state the year's data only (no claim without data or the clerk's confirmation)
  const issued = profile.normativeIssued ?? 0;
  const overviewPoints: [string, string][] = [
    [
      '主动公开',
      f.disclosure > 0
        ? `${year}年，${name}主动公开政府信息${f.disclosure}条${issued > 0 ? `，制发行政规范性文件${issued}件` : ''}。`
        : `${year}年${name}主动公开政府信息的情况（公开条数、渠道），请据实填写。`,
    ],
    ['依申请公开', requestsText],
  ];
  if (disputesTotal > 0) overviewPoints.push(['监督保障', `${year}年，因政府信息公开被申请行政复议、提起行政诉讼共${disputesTotal}件，结果见本报告第四部分。`]);
  const overviewDraft = overviewPoints.map(([title, text], k) => `（${'一二三四五'[k]}）${title}。${text}`);

  const problemsDraft =
    carryForward > 0
      ? [
          `${year}年有${carryForward}件政府信息公开申请结转${year + 1}年办理。`,
          `${year + 1}年，${name}将在法定期限内办结结转的${carryForward}件申请。其他问题及改进措施请据实填写。`,
        ]
      : [`${year}年${name}政府信息公开工作存在的主要问题及改进情况，请据实填写。`];
  const otherDraft = ['无其他需要报告的事项。'];

  const narrativePart = (key: OpennessPart['key'], heading: string, nk: OpennessNarrativeKey, draft: string[], lead: ReportParagraph[] = []): OpennessPart => {
    const own = lines(profile.narrative[nk]);
    return {
      key,
      heading,
      table: null,
      narrativeKey: nk,
      narrative: profile.narrative[nk],
      paragraphs: [...lead, ...(own.length ? own.map((l) => paragraph(l, 'clerk')) : draft.map((l) => paragraph(l, 'draft')))],
      draftText: draft.join('\n'),
      draft: own.length === 0,
    };
  };

  const fees = profile.feesCharged?.trim() || DEFAULT_FEES;
  const parts: OpennessPart[] = [
    narrativePart('overview', '一、总体情况', 'overview', overviewDraft),
    { key: 'active', heading: '二、主动公开政府信息情况', paragraphs: [], table: 'two', narrativeKey: null, narrative: null, draftText: null, draft: false },
    {
      key: 'requests',
      heading: '三、收到和处理政府信息公开申请情况',
      paragraphs: [],
      table: 'three',
      narrativeKey: null,
      narrative: null,
      draftText: null,
      draft: false,
    },
    {
      key: 'disputes',
      heading: '四、政府信息公开行政复议、行政诉讼情况',
      paragraphs: [],
      table: 'four',
      narrativeKey: null,
      narrative: null,
      draftText: null,
      draft: false,
    },
    narrativePart('problems', '五、存在的主要问题及改进情况', 'problems', problemsDraft),
    narrativePart('otherMatters', '六、其他需要报告的事项', 'otherMatters', otherDraft, [
      {
        text: `依据《政府信息公开信息处理费管理办法》，${fees.replace(/^依据《政府信息公开信息处理费管理办法》，?/, '')}`,
        source: profile.feesCharged ? 'clerk' : 'data',
      },
    ]),
  ];

  const opening: ReportParagraph[] = [
    {
      text: `本报告依据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）要求编制，由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六个部分组成。本报告所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。${authority ? `如对本报告有疑问，请与${authority}联系${settings.opennessContact ? `（${settings.opennessContact.replace(/^[（(]|[）)]$/g, '')}）` : ''}。` : ''}`,
      source: 'fixed',
    },
  ];

  // ---- 成文日期: one rule for the three documents (shared/document-date.ts) -----------------
  const d = documentDate('openness', year, input.date ?? null, input.today);
  const warnings: ReviewItem[] = [];
  if (!authority)
    warnings.push({
      id: 'openness.no_authority',
      severity: 'warning',
      message: '尚未设置发文机关全称，标题和落款将空缺。请在“设置”中填写乡镇信息。',
      link: { label: '去设置', path: '/settings', query: {} },
    });
  if (d.refused) warnings.push({ id: 'openness.date', severity: 'error', message: d.refused });
  else if (d.warning && d.source !== 'today') warnings.push({ id: 'openness.date', severity: 'warning', message: d.warning });
  // an adopted 总体情况 states ledger figures: re-checked each time it is shown and before export
  const overview = profile.narrative.overview?.replace(/\s+/g, '') ?? '';
  for (const [what, re, ledger] of [
    ['主动公开政府信息条数', /主动公开政府信息(?:共)?(\d+)条/g, f.disclosure],
    ['收到政府信息公开申请件数', /收到政府信息公开申请(?:共)?(\d+)件/g, received],
    ['办结的申请件数', /办结(?:申请)?(\d+)件/g, concluded],
  ] as const) {
    for (const m of overview.matchAll(re))
      if (Number(m[1]) !== ledger)
        warnings.push({
          id: 'openness.stale_figure',
          severity: 'error',
          message: `必须核对：“一、总体情况”写“${m[0]}”，台账现在的${what}为${ledger}。台账已变，请改正这段文字后再公开。`,
        });
  }
  warnings.push(...input.dataWarnings);
  for (const p of parts) {
    if (p.draft) warnings.push({ id: `openness.draft.${p.key}`, severity: 'warning', message: `“${p.heading}”仍是系统生成的草稿，请修改确认后再公开。` });
  }

  const titleRest = `${year}年政府信息公开工作年度报告`;
  const titleLines = !authority ? [titleRest] : authority.length + titleRest.length <= 22 ? [`${authority}${titleRest}`] : [authority, titleRest];
  return {
    year,
    authority,
    titleLines,
    title: titleLines.join(''),
    opening,
    parts,
    tables: f.tables,
    table3Note: TABLE3_NOTE,
    signature: authority,
    date: d.date,
    dateSource: d.source === 'profile' ? 'given' : d.source,
    dateRefused: d.refused,
    warnings,
    checks: input.checks,
    stated: statedOf(f),
    fileName: opennessFileName(township?.name?.trim() || '', year),
  };
}
