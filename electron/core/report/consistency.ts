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
}

const n = (v: number | undefined | null) => (v && v > 0 ? v : null);
const NUM = '(\\d+(?:\\.\\d+)?)';
const NOT_APPROX = '(?![余多])';

export const FIGURE_RULES: FigureRule[] = [
  {
    what: '调解成功率',
    re: new RegExp(`(?:调解)?成功率(?:为|达到?)?${NUM}[%％]`, 'g'),
    kind: 'percent',
    value: (s) =>
      s.mediation.success > 0 && s.mediation.successRate ? formatRate(s.mediation.successRate.numerator, s.mediation.successRate.denominator) : null,
  },
  {
    what: '调解成功件数',
    re: new RegExp(`成功(?:调处|调解|化解)(?:矛盾纠纷|纠纷|案件)?(\\d+)${NOT_APPROX}(?:件|起)`, 'g'),
    kind: 'count',
    value: (s) => n(s.mediation.success),
  },
  {
    what: '调解案件总数',
    re: new RegExp(`(?<!成功)(?:调处|调解|受理|化解)(?:矛盾纠纷|纠纷|案件)(?:共|累计)?(\\d+)${NOT_APPROX}(?:件|起)`, 'g'),
    kind: 'count',
    value: (s) => n(s.mediation.total),
  },
  { what: '调解案件总数', re: new RegExp(`调解案件(?:共|累计)?(\\d+)${NOT_APPROX}(?:件|起)`, 'g'), kind: 'count', value: (s) => n(s.mediation.total) },
  {
    what: '行政检查次数',
    re: new RegExp(`(?:开展|实施)?行政(?:执法)?检查(?:共|累计)?(\\d+)${NOT_APPROX}次`, 'g'),
    kind: 'count',
    value: (s) => n(s.inspections.total),
  },
  {
    what: '行政处罚件数',
    re: new RegExp(`(?:作出|办理)行政处罚(?:案件)?(\\d+)${NOT_APPROX}(?:件|起)`, 'g'),
    kind: 'count',
    value: (s) => n(s.inspections.penalties),
  },
  {
    what: '人民调解委员会个数',
    re: new RegExp(`(\\d+)${NOT_APPROX}个(?:人民)?调(?:解)?委(?:员)?会|(?:人民)?调(?:解)?委(?:员)?会(\\d+)${NOT_APPROX}个`, 'g'),
    kind: 'count',
    value: (_s, p) => n(p.mediationCommittees),
  },
  {
    what: '持证执法人员',
    re: new RegExp(`(\\d+)${NOT_APPROX}名(?:取得|持有?)行政执法证|持(?:有)?行政执法证(?:件)?(?:的)?人员(\\d+)${NOT_APPROX}名`, 'g'),
    kind: 'count',
    value: (_s, p) => n(p.certifiedEnforcers),
  },
  { what: '法治建设专题会议次数', re: new RegExp(`专题会议(\\d+)${NOT_APPROX}次`, 'g'), kind: 'count', value: (s) => n(s.work.meeting?.count) },
  {
    what: '法律顾问咨询次数',
    re: new RegExp(`(\\d+)${NOT_APPROX}次咨询法律顾问|咨询法律顾问(\\d+)${NOT_APPROX}次`, 'g'),
    kind: 'count',
    value: (s) => n(s.work.advisor_consult?.count),
  },
  {
    what: '矛盾纠纷排查次数',
    re: new RegExp(`(\\d+)${NOT_APPROX}次开展矛盾纠纷排查|开展矛盾纠纷排查(\\d+)${NOT_APPROX}次`, 'g'),
    kind: 'count',
    value: (s) => n(s.work.screening?.count),
  },
];

/** The clerk's numbers that contradict the ledger's, in every text that reaches the report. */
export function contradictions(stats: YearStats, profile: YearProfile): ReviewItem[] {
  const texts: { where: string; section: string; text: string | null }[] = [
    ...MEASURE_KEYS.map((k) => ({ where: `“${MEASURE_LABELS[k]}”的文字`, section: `measure-${k}`, text: profile.measures[k] })),
    ...NARRATIVE_KEYS.map((k) => ({ where: `“${NARRATIVE_LABELS[k]}”`, section: k, text: profile.narrative[k] })),
  ];
  const out: ReviewItem[] = [];
  const seen = new Set<string>();
  for (const t of texts) {
    if (!t.text) continue;
    const flat = t.text.replace(/\s+/g, '');
    for (const rule of FIGURE_RULES) {
      const ledger = rule.value(stats, profile);
      if (ledger == null) continue;
      for (const m of flat.matchAll(rule.re)) {
        const raw = m[1] ?? m[2];
        if (raw == null) continue;
        const clerk = rule.kind === 'percent' ? `${raw.replace(/\.0+$/, '')}%` : Number(raw);
        const same = rule.kind === 'percent' ? clerk === ledger : clerk === ledger;
        if (same) continue;
        const key = `${t.section}|${rule.what}|${raw}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const shown = rule.kind === 'percent' ? clerk : `${raw}`;
        out.push({
          kind: 'contradiction',
          severity: 'warning',
          message: `${t.where}写“${m[0]}”，台账的${rule.what}为${rule.kind === 'percent' ? ledger : ledger}，报告中会出现两个不同的数字（${shown}与${ledger}），请核对。`,
          link: { page: 'report', section: t.section },
        });
      }
    }
  }
  return out;
}
