// Composes the annual report from the year's statistics, the year profile and
// the township settings. Pure: no database access here. Section 一 is built by
// the ordered subsection builders of measures.ts (facts) followed by the clerk's
// title and text for each area, verbatim but for the cleaned slips; sections
// 二–五 are the clerk's texts, drafts only where nothing is written. Every
// review item found while composing is returned in `review`.
import type { MeasureArea, ReportModel, ReportParagraph, ReportSection, ReportTable, ReviewItem } from '../../shared/contract/report.ts';
import type { YearStats } from '../../shared/contract/stats.ts';
import {
  MEASURE_LABELS,
  NARRATIVE_LABELS,
  orderedMeasureKeys,
  type AppSettings,
  type MeasureKey,
  type NarrativeKey,
  type YearProfile,
} from '../../shared/records.ts';
import { chineseNumeral, exact, formatRate } from '../stats/number-style.ts';
import { cleanClerkText, splitOtherMeasures, splitSubHead, titleSentence, type Slip } from './clerk-text.ts';
import { findContradictions } from './consistency.ts';
import { documentDate, documentWindow } from '../../shared/document-date.ts';
import { draftLeaderDuties, draftNextYearPlan, draftShortcomings, type LeaderRecord } from './drafts.ts';
import { statedFigures, withoutStated } from './facts.ts';
import { PERIODICAL_KINDS } from '../stats/year-stats.ts';
import { disputeLabel, groups, MEASURE_BUILDERS, type ChangeNote, type ReviewCase } from './measures.ts';
import { DEFAULT_TITLES, DRAFTS, P, POLITICAL_REFERENCES, townWords } from './phrases.ts';

export interface ActivityRow {
  id: string;
  date: string;
  title: string;
  /** the report label of the kind */
  kind: string;
  /** the kind's code (场次, or 期 / 次 for periodicals and online posts) */
  kindCode: string;
  village: string | null;
  place: string | null;
  audience: number;
}

export interface ComposeInput {
  stats: YearStats;
  profile: YearProfile;
  settings: AppSettings;
  /** today, YYYY-MM-DD (the 成文日期 when the profile has none and today lies in the window) */
  today: string;
  /** rows of the 活动一览 appendix; no appendix when undefined */
  appendixActivities?: ActivityRow[];
  /** a 成文日期 for this document only (the CLI's --date); the stored one otherwise */
  date?: string;
  /** 行政复议 / 行政诉讼 cases with their recorded 结果 */
  reviewCases?: ReviewCase[];
  /** the year's meetings, 学法 and 述法 records the drafts of 二/三 name */
  leaderRecords?: LeaderRecord[];
}

/** Lines of a clerk text, cleaned, blank lines dropped. */
export function narrativeLines(text: string | null | undefined): string[] {
  return cleanClerkText(text).lines;
}

function clerkParagraph(line: string, source: 'clerk' | 'draft'): ReportParagraph {
  const m = splitSubHead(line);
  return m ? { lead: m.lead, text: m.text, source } : { text: line, source };
}

/** The window a generated 成文日期 must fall in: 1 December of the year … 31 March of the next. */
export function dateWindow(year: number): { from: string; to: string } {
  return documentWindow('report', year);
}

/** The 成文日期 line: the date given; else today inside the window; else a blank line for the clerk. */
export function reportDateLine(
  year: number,
  reportDate: string | null,
  today: string,
): { date: string; source: 'profile' | 'today' | 'blank'; proposal: string } {
  const d = documentDate('report', year, reportDate, today);
  return { date: d.date, source: d.source, proposal: d.proposal };
}

const sectionLink = (section: string) => ({ page: 'report' as const, section });

function slipItems(where: string, section: string, slips: Slip[]): ReviewItem[] {
  return slips.map((s) => ({
    kind: 'cleaned_slip',
    severity: 'warning' as const,
    message: `${where}第${s.paragraph}段：${s.what}，导出时已自动更正，建议在原文中改正。`,
    link: sectionLink(section),
  }));
}

function politicsItems(year: number, where: string, section: string, text: string | null): ReviewItem[] {
  if (!text) return [];
  return POLITICAL_REFERENCES.filter((r) => year < r.from && text.includes(r.phrase)).map((r) => ({
    kind: 'political_reference',
    severity: 'warning' as const,
    message: `${where}提到“${r.phrase}”，${year}年的报告中还不应出现（${r.from}年起才有），请核实。`,
    link: sectionLink(section),
  }));
}

/** The names (the two characters before the number) of the leaders' figures 第一责任人 states. */
const LEADER_FACT_NAMES: ReadonlySet<string> = new Set(statedFigures([P.meeting('1'), P.study('1'), P.leaderAppeared('1')].join('，')).map((f) => f.label));

/** The areas of 一 that state them (组织领导、学法用法; 复议、应诉和监督). */
const LEADER_FACT_AREAS: ReadonlySet<MeasureKey> = new Set(['leadership', 'supervision']);

export function composeReport(input: ComposeInput): ReportModel {
  const { stats: s, profile, settings } = input;
  const year = s.year;
  const township = settings.township;
  const name = township?.name?.trim() || '本镇';
  const authority = township?.authority?.trim() || '';
  const town = townWords(name);
  const review: ReviewItem[] = [];
  const reviewCases = input.reviewCases ?? [];
  const facts = { stats: s, profile, approximate: settings.approximateNumbers, town, reviewCases };
  // the clerk's numbers against the ledger: a fact stated with another value is the clerk's alone (必须核对)
  const contradicted = findContradictions(s, profile);
  const dropContradicted = (clause: string) => contradicted.some((c) => c.rule.app.test(clause));
  // what the clerk states anywhere in 一 (titles and texts)
  const sectionFigures = orderedMeasureKeys(null).flatMap((k) => statedFigures(`${profile.measureTitles[k] ?? ''}。${profile.measures[k] ?? ''}`));
  // 第一责任人 as printed (the clerk's text, else the draft) states the leaders' 专题会议, 集体学法 and
  // 出庭应诉 (插入台账数字 offers them; the draft names the meetings): said there, not again in 一
  const draftInput = { year, name, town, stats: s, records: input.leaderRecords ?? [], reviewCases };
  const leaderDraft = draftLeaderDuties(draftInput);
  const leaderLines = cleanClerkText(profile.narrative.leaderDuties).lines;
  const leaderFigures = statedFigures((leaderLines.length ? leaderLines : leaderDraft).join('。')).filter((f) => LEADER_FACT_NAMES.has(f.label));

  // ---- 一、主要举措和成效 (in the clerk's measureOrder) ----------------------------
  const held: ChangeNote[] = [];
  const areas: MeasureArea[] = [];
  const subsections: { title: string; paragraphs: ReportParagraph[] }[] = [];
  for (const key of orderedMeasureKeys(profile.measureOrder)) {
    const b = MEASURE_BUILDERS.find((x) => x.key === key)!;
    const built = b.build(facts);
    held.push(...built.heldChanges);
    const sentences = built.sentences.filter(Boolean);
    const clerkTitle = profile.measureTitles[b.key];
    const clerk = cleanClerkText(profile.measures[b.key]);
    // each fact once: the app's clauses the clerk already states (or states otherwise) are left out
    const areaFigures = statedFigures(`${clerkTitle ?? ''}。${clerk.lines.join('。')}`);
    const printedSentences = sentences
      .map((t) => withoutStated(t, { area: areaFigures, section: sectionFigures, named: LEADER_FACT_AREAS.has(b.key) ? leaderFigures : [] }, dropContradicted))
      .filter(Boolean);
    const where = `“${MEASURE_LABELS[b.key]}”的文字`;
    review.push(...slipItems(where, `measure-${b.key}`, clerk.slips));
    review.push(...politicsItems(year, where, `measure-${b.key}`, profile.measures[b.key]));
    const title = clerkTitle?.trim() || DEFAULT_TITLES[b.key];
    areas.push({
      key: b.key,
      label: MEASURE_LABELS[b.key],
      defaultTitle: DEFAULT_TITLES[b.key],
      clerkTitle: clerkTitle ?? null,
      clerkText: profile.measures[b.key] ?? null,
      facts: sentences,
      printed: sentences.length > 0 || clerk.lines.length > 0,
    });
    if (b.key === 'other') {
      for (const part of splitOtherMeasures(clerk.lines)) {
        const t = part.title ?? titleSentence(title);
        subsections.push({ title: t, paragraphs: part.lines.map((l) => ({ text: l, source: 'clerk' as const })) });
      }
      continue;
    }
    if (!printedSentences.length && !clerk.lines.length) continue;
    const paragraphs: ReportParagraph[] = [];
    if (printedSentences.length) paragraphs.push({ text: printedSentences.join(''), source: 'data' });
    for (const l of clerk.lines) paragraphs.push({ text: l, source: 'clerk' });
    subsections.push({ title: titleSentence(title), paragraphs });
  }
  const measureParagraphs: ReportParagraph[] = [];
  subsections.forEach((sub, k) => {
    const lead = `（${chineseNumeral(k + 1)}）${sub.title}`;
    const [first, ...rest] = sub.paragraphs;
    measureParagraphs.push(first ? { lead, text: first.text, source: first.source } : { lead, text: '', source: 'clerk' });
    measureParagraphs.push(...rest);
  });
  const measures: ReportSection = {
    key: 'measures',
    heading: `一、${year}年推进法治政府建设的主要举措和成效`,
    paragraphs: measureParagraphs,
    narrativeKey: null,
    narrative: null,
    draft: false,
  };
  if (!measureParagraphs.length) {
    review.push({
      kind: 'empty_measures',
      severity: 'warning',
      message: `“一、主要举措和成效”还没有内容：${year}年台账中没有可写入的记录，也还没有填写各项举措的文字。`,
      link: sectionLink('measures'),
    });
  }
  for (const a of areas) {
    if (a.facts.length && !a.clerkText?.trim() && a.key !== 'other' && a.key !== 'supervision') {
      review.push({
        kind: 'area_without_text',
        severity: 'suggestion',
        message: `“${a.label}”有台账记录，但还没有写本${town.unit}的具体做法（制定的文件、创新的机制等），建议补充。`,
        link: sectionLink(`measure-${a.key}`),
      });
    }
  }
  for (const c of held) {
    review.push({
      kind: 'large_change',
      severity: 'warning',
      message: `${c.what}${year}年${c.current}、上年${c.previous}，${c.text}，变化超过±100%，上年可能记录不全，报告中未写同比。确认无误的，可在“${MEASURE_LABELS[c.area]}”的文字中自行写明。`,
      link: sectionLink(`measure-${c.area}`),
    });
  }
  // 复议/诉讼: "none" needs the clerk's confirmation
  const rec = s.work.reconsideration?.count ?? 0;
  const lit = s.work.litigation?.count ?? 0;
  if (rec === 0 && lit === 0 && profile.noReviewOrLitigation !== true) {
    review.push({
      kind: 'review_litigation_unconfirmed',
      severity: 'warning',
      message: `台账中没有${year}年的行政复议、行政诉讼案件。没有记录不等于没有发生：确认全年未发生以${town.government}为被申请人、被告的案件后，请在“年度信息”中勾选确认，报告才会写明。`,
      link: { page: 'year', field: 'noReviewOrLitigation' },
    });
  }
  if ((rec > 0 || lit > 0) && profile.noReviewOrLitigation === true) {
    review.push({
      kind: 'review_litigation_conflict',
      severity: 'warning',
      message: `“年度信息”中确认了全年未发生行政复议、行政诉讼，但台账中有${[rec > 0 && `行政复议${rec}件`, lit > 0 && `行政诉讼${lit}件`].filter(Boolean).join('、')}；报告按台账记录写，请取消确认或核对记录。`,
      link: { page: 'year', field: 'noReviewOrLitigation' },
    });
  }
  for (const [register, total, label] of [
    ['activities', s.activities.total, '普法宣传活动'],
    ['mediationCases', s.mediation.total, '人民调解案件'],
    ['inspections', s.inspections.total, '行政执法检查'],
  ] as const) {
    if (total === 0)
      review.push({
        kind: 'empty_register',
        severity: 'warning',
        message: `${year}年的“${label}”台账没有记录，报告中不写这一项。如有工作，请先补录。`,
        link: { page: 'register', register },
      });
  }

  // ---- 二、第一责任人 -----------------------------------------------------------
  const appeared = s.work.litigation?.leaderAppeared ?? 0;
  const leaderFactsText = groups([
    [
      (s.work.meeting?.count ?? 0) > 0 &&
        `${town.party}、${town.unit === '街道' ? '街道办事处' : `${town.unit}政府`}${P.meeting(exact(s.work.meeting!.count))}`,
    ],
    [(s.work.study?.count ?? 0) > 0 && P.study(exact(s.work.study!.count))],
    [lit > 0 && appeared > 0 && P.leaderAppeared(exact(appeared))],
  ]);
  const leaderFacts = leaderFactsText ? `${year}年，${leaderFactsText}` : null;
  // parts 二 and 三: the regulation's order (二 不足, 三 第一责任人) unless the clerk puts 第一责任人 second
  const leaderSecond = profile.sectionOrder === 'leaderDutiesSecond';
  const leader = narrativeSection(
    'leaderDuties',
    `${leaderSecond ? '二' : '三'}、党政主要负责人履行推进法治建设第一责任人职责情况`,
    profile.narrative.leaderDuties,
    leaderDraft,
    year,
    review,
  );
  const shortcomings = narrativeSection(
    'shortcomings',
    `${leaderSecond ? '三' : '二'}、存在的不足和原因`,
    profile.narrative.shortcomings,
    draftShortcomings(draftInput),
    year,
    review,
  );
  const plan = narrativeSection(
    'nextYearPlan',
    `四、${year + 1}年推进法治政府建设的主要安排`,
    profile.narrative.nextYearPlan,
    draftNextYearPlan(draftInput),
    year,
    review,
  );
  const otherClean = cleanClerkText(profile.narrative.other);
  review.push(...slipItems(`“${NARRATIVE_LABELS.other}”`, 'other', otherClean.slips));
  const other: ReportSection = {
    key: 'other',
    heading: '五、其他需要报告的情况',
    paragraphs: otherClean.lines.length ? otherClean.lines.map((l) => clerkParagraph(l, 'clerk')) : [{ text: DRAFTS.other, source: 'fixed' }],
    narrativeKey: 'other',
    narrative: profile.narrative.other ?? null,
    draft: false,
  };

  // ---- opening ----------------------------------------------------------------------
  const opening = narrativeSection('intro', '', profile.narrative.intro, [DRAFTS.intro(year, name, township?.superior ?? null, town)], year, review);

  // ---- 成文日期 (one rule for the three documents: shared/document-date.ts) ---------------
  const d = documentDate('report', year, input.date ?? profile.reportDate, input.today);
  const window = d.window;
  if (d.refused) {
    review.push({ kind: 'report_date_refused', severity: 'warning', mustCheck: true, message: d.refused, link: sectionLink('date') });
  } else if (d.warning) {
    review.push({
      kind: d.source === 'blank' ? 'no_report_date' : d.source === 'today' ? 'report_date_today' : 'report_date_outside',
      severity: d.source === 'today' ? 'suggestion' : 'warning',
      message: d.warning,
      link: sectionLink('date'),
    });
  }

  // ---- the clerk's numbers against the ledger (必须核对) -------------------------------------
  review.push(...contradicted.map((c) => c.item));

  // ---- drafts ------------------------------------------------------------------------------
  for (const sec of [opening, leader, shortcomings, plan]) {
    if (sec.draft) {
      review.push({
        kind: 'draft_text',
        severity: 'warning',
        message: `${sec.heading ? `“${sec.heading}”` : '开头段'}仍是系统生成的草稿，请修改确认后再报送。`,
        link: sectionLink(sec.key),
      });
    }
  }
  if (!authority)
    review.unshift({
      kind: 'no_authority',
      severity: 'warning',
      message: '尚未设置发文机关全称，标题和落款将空缺。请在“设置”中填写乡镇信息。',
      link: { page: 'settings' },
    });

  const appendix = input.appendixActivities ? appendixTables(s, input.appendixActivities) : [];
  const titleRest = `关于${year}年法治政府建设情况的报告`;
  const titleLines = !authority ? [titleRest] : authority.length + titleRest.length <= 20 ? [`${authority}${titleRest}`] : [authority, titleRest];
  return {
    year,
    townshipName: township?.name?.trim() || '',
    authority,
    titleLines,
    title: titleLines.join(''),
    addressee: settings.addressee?.trim() ? addresseeLine(settings.addressee) : null,
    opening,
    sections: [measures, ...(leaderSecond ? [leader, shortcomings] : [shortcomings, leader]), plan, other],
    appendixNote: appendix.length
      ? appendix.map((t, k) => `${k === 0 ? P.appendixIntro : P.appendixIndent}${appendix.length > 1 ? `${k + 1}.` : ''}${t.title}`)
      : [],
    signature: authority,
    date: d.date,
    dateSource: d.source,
    dateWindow: window,
    dateProposal: d.proposal,
    dateRefused: d.refused,
    measureAreas: areas,
    leaderFacts,
    appendix,
    review,
    approximateNumbers: settings.approximateNumbers,
    fileName: reportFileName(township?.name?.trim() || '', year),
  };
}

/** 主送机关 ends with a full-width colon. */
export function addresseeLine(s: string): string {
  const t = s.trim().replace(/[:：]+$/, '');
  return `${t}：`;
}

export function reportFileName(name: string, year: number): string {
  return `${name}${year}年法治政府建设情况报告.docx`;
}

function narrativeSection(key: NarrativeKey, heading: string, text: string | null, draft: string[], year: number, review: ReviewItem[]): ReportSection {
  const clean = cleanClerkText(text);
  const where = heading ? `“${heading}”` : '开头段';
  review.push(...slipItems(where, key, clean.slips));
  review.push(...politicsItems(year, where, key, text));
  return {
    key,
    heading,
    paragraphs: clean.lines.length ? clean.lines.map((l) => clerkParagraph(l, 'clerk')) : draft.map((l) => clerkParagraph(l, 'draft')),
    narrativeKey: key,
    narrative: text ?? null,
    draft: clean.lines.length === 0,
  };
}

const unitOf = (code: string) => (code === 'online' ? '次' : PERIODICAL_KINDS.has(code) ? '期' : '场次');

/** 小计 by kind: 「集中宣传小计 15场次」, periodicals in 期, online posts in 次, each with its 受众. */
function activitySubtotals(activities: ActivityRow[]): string[][] {
  const by = new Map<string, { label: string; n: number; audience: number }>();
  for (const a of activities) {
    const g = by.get(a.kindCode) ?? { label: a.kind, n: 0, audience: 0 };
    g.n++;
    g.audience += a.audience;
    by.set(a.kindCode, g);
  }
  if (by.size < 2) return [];
  return [...by].map(([code, g]) => ['小计', '', `${g.label}${g.n}${unitOf(code)}`, '', '', g.audience > 0 ? exact(g.audience) : '']);
}

/** 合计: events in 场次, periodicals and online posts apart (never added into 场次). */
function activityTotal(activities: ActivityRow[]): string {
  const events = activities.filter((a) => unitOf(a.kindCode) === '场次').length;
  const periodicals = activities.filter((a) => unitOf(a.kindCode) === '期').length;
  const online = activities.filter((a) => a.kindCode === 'online').length;
  return [events > 0 && `活动${events}场次`, periodicals > 0 && `专栏、简报${periodicals}期`, online > 0 && `网络宣传${online}次`].filter(Boolean).join('，');
}

function appendixTables(s: YearStats, activities: ActivityRow[]): ReportTable[] {
  const tables: ReportTable[] = [];
  let k = 0;
  const label = () => `附件${++k}`;
  if (activities.length) {
    tables.push({
      key: 'activities',
      label: label(),
      title: `${s.year}年普法宣传活动一览`,
      columns: ['序号', '日期', '活动名称', '形式', '地点', '受众（人次）'],
      rows: activities.map((a, idx) => [String(idx + 1), a.date, a.title, a.kind, a.place || a.village || '', a.audience > 0 ? exact(a.audience) : '']),
      subtotals: activitySubtotals(activities),
      total: ['合计', '', activityTotal(activities), '', '', s.activities.audience > 0 ? exact(s.activities.audience) : ''],
    });
  }
  if (s.mediation.total > 0) {
    tables.push({
      key: 'disputes',
      label: label(),
      title: `${s.year}年矛盾纠纷分类统计`,
      columns: ['纠纷类型', '受理（件）', '调解成功（件）', '调解成功率'],
      rows: s.mediation.byType.map((t) => [disputeLabel(t.code), exact(t.count), exact(t.success), formatRate(t.success, t.closed) ?? '—']),
      total: [
        '合计',
        exact(s.mediation.total),
        exact(s.mediation.success),
        s.mediation.successRate ? formatRate(s.mediation.successRate.numerator, s.mediation.successRate.denominator)! : '—',
      ],
    });
  }
  if (s.inspections.total > 0) {
    const i = s.inspections;
    tables.push({
      key: 'inspections',
      label: label(),
      title: `${s.year}年行政执法检查统计`,
      columns: ['执法领域', '检查（次）', '发现问题（处）', '已整改（处）', '行政处罚（件）'],
      rows: i.byField.map((f) => [f.label, exact(f.count), exact(f.issuesFound), exact(f.issuesRectified), exact(f.penalties)]),
      total: ['合计', exact(i.total), exact(i.issuesFound), exact(i.issuesRectified), exact(i.penalties)],
    });
  }
  return tables;
}
