// Two different figures for one fact: a number in the clerk's text that names a
// figure the ledger also states (调解案件440件 against 445 recorded) is a review
// warning. Approximate numbers ("300余起", "近万人次") are the clerk's own and
// are not compared; a figure the ledger does not state (no records) is not either.
import type { ReviewItem } from '../../shared/contract/report.ts';
import type { YearStats } from '../../shared/contract/stats.ts';
import { MEASURE_KEYS, MEASURE_LABELS, NARRATIVE_KEYS, NARRATIVE_LABELS, type YearProfile } from '../../shared/records.ts';
import { formatRate } from '../stats/number-style.ts';

interface FigureRule {
  what: string;
  /** the number is group 1; the text has its spaces removed first */
  re: RegExp;
  value: (s: YearStats, p: YearProfile) => number | string | null;
  /** the clerk's number as compared (percent rules keep the text) */
  kind: 'count' | 'percent';
  /** the app's own clause for this fact, left out where the clerk states another value */
  app: RegExp;
}

const n = (v: number | undefined | null) => (v && v > 0 ? v : null);
const NUM = '(\\d+(?:\\.\\d+)?)';
const NOT_APPROX = '(?![余多])';

export const FIGURE_RULES: FigureRule[] = [
  {
    what: '调解成功率',
    app: /成功率\d/,
    re: new RegExp(`(?:调解)?成功率(?:为|达到?)?${NUM}[%％]`, 'g'),
    kind: 'percent',
    value: (s) =>
      s.mediation.success > 0 && s.mediation.successRate ? formatRate(s.mediation.successRate.numerator, s.mediation.successRate.denominator) : null,
  },
  {
    what: '调解成功件数',
    app: /^调解成功\d/,
    re: new RegExp(`成功(?:调处|调解|化解)(?:矛盾纠纷|纠纷|案件)?(\\d+)${NOT_APPROX}(?:件|起)`, 'g'),
    kind: 'count',
    value: (s) => n(s.mediation.success),
  },
  {
    what: '调解案件总数',
    app: /受理矛盾纠纷\d/,
    re: new RegExp(`(?<!成功)(?:调处|调解|受理|化解)(?:矛盾纠纷|纠纷|案件)(?:共|累计)?(\\d+)${NOT_APPROX}(?:件|起)`, 'g'),
    kind: 'count',
    value: (s) => n(s.mediation.total),
  },
  {
    what: '调解案件总数',
    app: /受理矛盾纠纷\d/,
    re: new RegExp(`调解案件(?:共|累计)?(\\d+)${NOT_APPROX}(?:件|起)`, 'g'),
    kind: 'count',
    value: (s) => n(s.mediation.total),
  },
  {
    what: '行政检查次数',
    app: /开展行政检查\d/,
    re: new RegExp(`(?:开展|实施)?行政(?:执法)?检查(?:共|累计)?(\\d+)${NOT_APPROX}次`, 'g'),
    kind: 'count',
    value: (s) => n(s.inspections.total),
  },
  {
    what: '行政处罚件数',
    app: /作出行政处罚\d/,
    re: new RegExp(`(?:作出|办理)行政处罚(?:案件)?(\\d+)${NOT_APPROX}(?:件|起)`, 'g'),
    kind: 'count',
    value: (s) => n(s.inspections.penalties),
  },
  {
    what: '人民调解委员会个数',
    app: /人民调解委员会\d/,
    re: new RegExp(`(\\d+)${NOT_APPROX}个(?:人民)?调(?:解)?委(?:员)?会|(?:人民)?调(?:解)?委(?:员)?会(\\d+)${NOT_APPROX}个`, 'g'),
    kind: 'count',
    value: (_s, p) => n(p.mediationCommittees),
  },
  {
    what: '持证执法人员',
    app: /持行政执法证人员\d/,
    re: new RegExp(`(\\d+)${NOT_APPROX}名(?:取得|持有?)行政执法证|持(?:有)?行政执法证(?:件)?(?:的)?人员(\\d+)${NOT_APPROX}名`, 'g'),
    kind: 'count',
    value: (_s, p) => n(p.certifiedEnforcers),
  },
  {
    what: '法治建设专题会议次数',
    app: /专题会议\d/,
    re: new RegExp(`专题会议(\\d+)${NOT_APPROX}次`, 'g'),
    kind: 'count',
    value: (s) => n(s.work.meeting?.count),
  },
  { what: '集体学法次数', app: /集体学法\d/, re: new RegExp(`集体学法(\\d+)${NOT_APPROX}次`, 'g'), kind: 'count', value: (s) => n(s.work.study?.count) },
  {
    what: '法律顾问咨询次数',
    app: /咨询法律顾问\d/,
    re: new RegExp(`(\\d+)${NOT_APPROX}次咨询法律顾问|咨询法律顾问(\\d+)${NOT_APPROX}次`, 'g'),
    kind: 'count',
    value: (s) => n(s.work.advisor_consult?.count),
  },
  {
    // 插入台账数字 puts 行政机关负责人出庭应诉N次 into 第一责任人: a number that goes stale when the ledger moves
    what: '行政机关负责人出庭应诉次数',
    app: /出庭应诉\d/,
    re: new RegExp(`负责人出庭(?:应诉)?(?:共|累计)?(\\d+)${NOT_APPROX}次`, 'g'),
    kind: 'count',
    value: (s) => n(s.work.litigation?.leaderAppeared),
  },
  {
    what: '矛盾纠纷排查次数',
    app: /矛盾纠纷排查\d/,
    re: new RegExp(`(\\d+)${NOT_APPROX}次开展矛盾纠纷排查|开展矛盾纠纷排查(\\d+)${NOT_APPROX}次`, 'g'),
    kind: 'count',
    value: (s) => n(s.work.screening?.count),
  },
];

/** The texts that reach the report, by the 审稿 link's section: measure-<key> and the narrative keys. */
export function clerkTexts(profile: YearProfile): { where: string; section: string; text: string | null }[] {
  return [
    ...MEASURE_KEYS.map((k) => ({ where: `“${MEASURE_LABELS[k]}”的文字`, section: `measure-${k}`, text: profile.measures[k] })),
    ...NARRATIVE_KEYS.map((k) => ({ where: `“${NARRATIVE_LABELS[k]}”`, section: k, text: profile.narrative[k] })),
  ];
}

export interface Contradiction {
  section: string;
  rule: FigureRule;
  /** the clerk's words as written, e.g. 成功率98.8% */
  found: string;
  /** the same words with the ledger's number */
  replacement: string;
  item: ReviewItem;
}

/** The clerk's numbers that contradict the ledger's, in every text that reaches the report (必须核对). */
export function findContradictions(stats: YearStats, profile: YearProfile): Contradiction[] {
  const out: Contradiction[] = [];
  const seen = new Set<string>();
  for (const t of clerkTexts(profile)) {
    if (!t.text) continue;
    for (const rule of FIGURE_RULES) {
      const ledger = rule.value(stats, profile);
      if (ledger == null) continue;
      for (const m of t.text.matchAll(rule.re)) {
        const raw = m[1] ?? m[2];
        if (raw == null) continue;
        const clerk = rule.kind === 'percent' ? `${raw.replace(/\.0+$/, '')}%` : Number(raw);
        if (clerk === ledger) continue;
        const key = `${t.section}|${rule.what}|${m[0]}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const ledgerDigits = String(ledger).replace(/%$/, '');
        const replacement = m[0].replace(raw, ledgerDigits);
        out.push({
          section: t.section,
          rule,
          found: m[0],
          replacement,
          item: {
            kind: 'contradiction',
            severity: 'warning',
            mustCheck: true,
            message: `${t.where}写“${m[0]}”，台账的${rule.what}为${ledger}。报告只印您的文字、不再印台账的这一句；请核对后改正，或点“改为台账数字”改为“${replacement}”。`,
            link: { page: 'report', section: t.section },
            fix: { section: t.section, found: m[0], replacement },
          },
        });
      }
    }
  }
  return out;
}

/** The review items of findContradictions. */
export function contradictions(stats: YearStats, profile: YearProfile): ReviewItem[] {
  return findContradictions(stats, profile).map((c) => c.item);
}
