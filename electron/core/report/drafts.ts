// Drafts of this township (spec: Structure, 二/三/四): where the clerk has not written
// a part, the draft is built from the year's own records — the meetings the leaders
// chaired and their topics, 学法 sessions, 述法, the 复议/诉讼 outcomes; for 不足 the
// registers that are thin this year; for 安排 the 不足 — so no drafted sentence reads
// the same in another township's report. Every draft is flagged until the clerk edits it.
import type { YearStats } from '../../shared/contract/stats.ts';
import { exact, formatRate } from '../stats/number-style.ts';
import { caseOutcome, type ReviewCase } from './measures.ts';
import { ORDINALS, type TownWords } from './phrases.ts';

/** A work item the leaders' draft may name (its date and title are public facts of the year). */
export interface LeaderRecord {
  category: string;
  date: string;
  title: string;
}

export interface DraftInput {
  year: number;
  name: string;
  town: TownWords;
  stats: YearStats;
  records: LeaderRecord[];
  reviewCases: ReviewCase[];
}

const monthDay = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
const topic = (t: string) => t.replace(/^[“"《]|[”"》]$/g, '').trim();
const listed = (rs: LeaderRecord[], max = 3) =>
  `${rs
    .slice(0, max)
    .map((r) => `${monthDay(r.date)}“${topic(r.title)}”`)
    .join('、')}${rs.length > max ? '等' : ''}`;

/** 二/三 第一责任人: the leaders' own records of the year. */
export function draftLeaderDuties(d: DraftInput): string[] {
  const { year, name, town, stats: s, records } = d;
  const leaders = town.unit === '街道' ? `${name}党工委、办事处主要负责人` : `${name}党委、政府主要负责人`;
  const meetings = records.filter((r) => r.category === 'meeting');
  const studies = records.filter((r) => r.category === 'study');
  const reports = records.filter((r) => /述法/.test(r.title));
  const out: string[] = [];
  const meetingCount = s.work.meeting?.count ?? 0;
  if (meetingCount > 0) out.push(`${year}年，${leaders}主持召开法治建设专题会议${exact(meetingCount)}次${meetings.length ? `（${listed(meetings)}）` : ''}。`);
  const studyCount = s.work.study?.count ?? 0;
  if (studyCount > 0) out.push(`组织集体学法${exact(studyCount)}次${studies.length ? `（${listed(studies)}）` : ''}。`);
  if (reports.length) out.push(`${listed(reports, 2)}，主要负责人述法。`);
  const cases = d.reviewCases.filter((c) => caseOutcome(c.outcome) != null);
  if (cases.length) {
    const kinds = cases.map(
      (c) =>
        `${c.category === 'reconsideration' ? '行政复议' : '行政诉讼'}案件${exact(c.count)}件${caseOutcome(c.outcome) === '审理中' ? '尚在审理中' : `结果为${caseOutcome(c.outcome)}`}`,
    );
    out.push(`${year}年以${town.government}为当事方的${kinds.join('，')}。`);
  }
  if (!out.length) out.push(`${year}年${leaders}履行推进法治建设第一责任人职责的情况（主持的会议、学法、述法），请据实填写。`);
  return out;
}

interface Thin {
  what: string;
  text: string;
  plan: string;
}

/** What is thin this year: fewer than last year, below 90%, not yet rectified, or few records (never a zero). */
function thinPoints(s: YearStats): Thin[] {
  const points: Thin[] = [];
  const year = s.year;
  const events = s.activities.total - s.activities.periodicals;
  const prevA = s.activities.previousTotal;
  if (events > 0 && prevA != null && prevA >= 10 && events < prevA)
    points.push({
      what: '普法',
      text: `普法宣传活动较上年减少。${year}年开展普法宣传活动${events}场次，上年${prevA}场次，普法形式和针对性有待加强。`,
      plan: `围绕${year}年普法宣传活动少于上年（${events}场次，上年${prevA}场次）的情况，制定${year + 1}年普法计划，按月安排活动。`,
    });
  const prevI = s.inspections.previousTotal;
  if (s.inspections.total > 0 && prevI != null && prevI >= 10 && s.inspections.total < prevI)
    points.push({
      what: '执法',
      text: `行政检查频次下降。${year}年开展行政检查${s.inspections.total}次，上年${prevI}次。`,
      plan: `按${year}年行政检查${s.inspections.total}次、上年${prevI}次的情况，制定年度检查计划，保持检查频次。`,
    });
  const rate = s.mediation.successRate;
  if (s.mediation.success > 0 && rate && rate.numerator / rate.denominator < 0.9) {
    const r = formatRate(rate.numerator, rate.denominator);
    points.push({
      what: '调解',
      text: `矛盾纠纷化解质效有待提升。${year}年调解成功率为${r}，${rate.denominator - rate.numerator}件纠纷未能调解成功。`,
      plan: `针对${year}年${rate.denominator - rate.numerator}件未调解成功的纠纷，逐件回访，加强与司法所、派出所的联动调处。`,
    });
  }
  const ir = s.inspections.rectificationRate;
  if (ir && ir.numerator < ir.denominator)
    points.push({
      what: '整改',
      text: `问题整改还不到位。${year}年检查发现的${ir.denominator}处问题中有${ir.denominator - ir.numerator}处尚未完成整改。`,
      plan: `督促${year}年检查发现、尚未整改的${ir.denominator - ir.numerator}处问题限期整改，逐项销号。`,
    });
  // registers and work items with few records this year (a register with none is a warning, not a sentence)
  const few: [string, number, string, string][] = [
    ['合法性审查', s.work.legal_review?.count ?? 0, '份', '推动合同、规范性文件和重大行政决策应审尽审'],
    ['法律顾问咨询', s.work.advisor_consult?.count ?? 0, '次', '重要事项决策前听取法律顾问意见'],
    ['集体学法', s.work.study?.count ?? 0, '次', '按季度安排集体学法'],
    ['法治培训', s.work.training?.count ?? 0, '次', '分批组织干部和执法人员法治培训'],
    ['执法案卷评查', s.work.case_review?.count ?? 0, '次', '每半年开展一次执法案卷评查'],
  ];
  for (const [label, n, unit, plan] of few) {
    if (n > 0 && n < 3)
      points.push({
        what: label,
        text: `${label}开展不多。${year}年${label}${exact(n)}${unit}，相关工作还不够经常。`,
        plan: `${plan}，改变${year}年${label}只有${exact(n)}${unit}的情况。`,
      });
  }
  return points;
}

/** 不足: the points that are thin this year. */
export function draftShortcomings(d: DraftInput): string[] {
  const points = thinPoints(d.stats);
  if (!points.length) return [`${d.year}年${d.name}法治政府建设存在的不足和原因，请结合实际据实填写。`];
  return points.slice(0, 5).map((p, k) => `${ORDINALS[k]}是${p.text}`);
}

/** 安排: one item for each 不足. */
export function draftNextYearPlan(d: DraftInput): string[] {
  const points = thinPoints(d.stats);
  if (!points.length) return [`${d.year + 1}年${d.name}推进法治政府建设的主要安排，请结合${d.year}年的不足据实填写。`];
  return points.slice(0, 5).map((p, k) => `${ORDINALS[k]}是${p.plan}`);
}
