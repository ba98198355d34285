// Composes the 政府信息公开工作年度报告 (national format, 国办公开办函〔2021〕30号) from the
// year's figures, the year profile and the township settings. Pure: no database here.
import type { OpennessModel, OpennessPart, ReviewItem } from '../../shared/contract/openness.ts';
import type { ReportParagraph } from '../../shared/contract/report.ts';
import { DISCLOSURE_RESULT_GROUPS } from '../../shared/enums.ts';
import type { OpennessNarrativeKey, OpennessYear } from '../../shared/openness.ts';
import type { AppSettings } from '../../shared/records.ts';
import { formatChineseDate } from '../stats/number-style.ts';
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
export const dateInWindow = (iso: string, year: number) => iso >= `${year}-12-01` && iso <= `${year + 1}-01-31`;

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
  const superior = township?.superior?.trim() || '';
  const portal = superior ? `${superior}人民政府门户网站` : '政府门户网站';
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
  const overviewDraft = [
    `（一）主动公开。${year}年，${name}严格落实《中华人民共和国政府信息公开条例》，通过${portal}、政务公开栏等渠道主动公开政府信息${f.disclosure}条，及时公开财政预决算、惠民惠农资金、重大项目、行政执法等群众关注的信息。`,
    `（二）依申请公开。${requestsText}`,
    `（三）政府信息管理。严格落实政府信息公开保密审查机制，坚持“先审查、后公开”和“一事一审”，全年未发生泄密和侵犯个人隐私的情况。`,
    `（四）政府信息公开平台建设。依托${portal}乡镇政务公开专栏和各村（社区）政务公开栏，及时更新公开内容，方便群众查阅。`,
    `（五）监督保障。将政府信息公开工作纳入年度重点工作，明确分管领导和专人负责，${disputesTotal === 0 ? '全年未发生因政府信息公开引起的行政复议、行政诉讼案件。' : `全年发生因政府信息公开引起的行政复议、行政诉讼案件${disputesTotal}件，已依法办理。`}`,
  ];

  const problemsDraft = [
    `${year}年，${name}政府信息公开工作取得了一定成效，但仍存在一些不足：一是主动公开的内容还不够全面，部分信息更新不够及时；二是工作人员业务能力有待提升，公开信息的规范性还需加强。`,
    `${year + 1}年，${name}将从以下方面改进：一是加大主动公开力度，及时公开群众关注的重点领域信息；二是加强业务培训，提高公开工作的规范化水平；三是严格执行依申请公开办理程序，做到依法、按时答复。`,
  ];
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

  // ---- 成文日期: the given date or today, within 1 December – 31 January; else blank ----------
  const wanted = input.date ?? input.today;
  const inWindow = dateInWindow(wanted, year);
  const warnings: ReviewItem[] = [];
  if (!authority)
    warnings.push({
      id: 'openness.no_authority',
      severity: 'warning',
      message: '尚未设置发文机关全称，标题和落款将空缺。请在“设置”中填写乡镇信息。',
      link: { label: '去设置', path: '/settings', query: {} },
    });
  if (!inWindow) {
    warnings.push({
      id: 'openness.date',
      severity: 'warning',
      message: `成文日期${input.date ? `（${formatChineseDate(wanted)}）` : `（今天，${formatChineseDate(wanted)}）`}不在${year}年12月1日至${year + 1}年1月31日之间，报告中留空“${year + 1}年\u3000月\u3000日”，请印发时填写。年报应在${year + 1}年1月31日前公布。`,
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
    date: inWindow ? formatChineseDate(wanted) : `${year + 1}年\u3000月\u3000日`,
    dateSource: !inWindow ? 'blank' : input.date ? 'given' : 'today',
    warnings,
    checks: input.checks,
    stated: statedOf(f),
    fileName: opennessFileName(township?.name?.trim() || '', year),
  };
}
