// Each rule of the county reviewer's list (spec: annual-report.md), one test each,
// on the pure builders and helpers of the composer.
import { describe, expect, it } from 'vitest';
import type { YearStats } from '../../../electron/shared/contract/stats.ts';
import { labelOf, reportLabel, ACTIVITY_KINDS, PENALTY_KINDS, subkindLabel } from '../../../electron/shared/enums.ts';
import { emptyProfile } from '../../../electron/core/years/year-profiles.ts';
import { cleanClerkText, xmlSafe } from '../../../electron/core/report/clerk-text.ts';
import { reportDateLine } from '../../../electron/core/report/compose.ts';
import { MEASURE_BUILDERS, parts } from '../../../electron/core/report/measures.ts';
import { DRAFTS, guidance, occasionName, townWords } from '../../../electron/core/report/phrases.ts';
import { partyNames, screenText } from '../../../electron/core/report/privacy.ts';
import { runReview, type ReviewProvider } from '../../../electron/core/report/review.ts';
import { appendixMarker } from '../../../electron/core/report/render-docx.ts';
import { spliceParagraph } from '../../../electron/core/docx/layout.ts';
import { formatRate } from '../../../electron/core/stats/number-style.ts';

function stats(patch: Partial<{ [K in keyof YearStats]: Partial<YearStats[K]> }> = {}): YearStats {
  const base: YearStats = {
    year: 2024,
    activities: {
      total: 0,
      byKind: [],
      audience: 0,
      materials: 0,
      banners: 0,
      boards: 0,
      consultations: 0,
      views: 0,
      villages: 0,
      schools: 0,
      enterprises: 0,
      occasions: [],
      previousTotal: null,
      periodicals: 0,
    },
    mediation: {
      total: 0,
      success: 0,
      failed: 0,
      inProgress: 0,
      suspended: 0,
      closed: 0,
      successRate: null,
      byType: [],
      written: 0,
      oral: 0,
      previousTotal: null,
    },
    inspections: {
      total: 0,
      issuesFound: 0,
      issuesRectified: 0,
      rectificationRate: null,
      penalties: 0,
      penaltyAmount: 0,
      entrusted: 0,
      byField: [],
      penaltiesByKind: [],
      previousTotal: null,
      previousPenalties: null,
      enterprise: 0,
      previousEnterprise: null,
    },
    enforcement: { ownPenalties: 0, entrustedPenalties: 0, ownInspections: 0 },
    work: {},
    checks: { closedBeforeAccepted: 0, rectifiedOverFound: 0, amountWithoutMoney: 0 },
  };
  const i = { ...base.inspections, ...patch.inspections };
  return {
    ...base,
    // by default every inspection and penalty is the township's own
    enforcement: { ownPenalties: i.penalties, entrustedPenalties: 0, ownInspections: i.total - i.entrusted, ...patch.enforcement },
    activities: { ...base.activities, ...patch.activities },
    mediation: { ...base.mediation, ...patch.mediation },
    inspections: { ...base.inspections, ...patch.inspections },
    work: (patch.work as YearStats['work']) ?? {},
  };
}
const build = (key: string, s: YearStats, profile = emptyProfile(2024)) =>
  MEASURE_BUILDERS.find((b) => b.key === key)!
    .build({ stats: s, profile, approximate: true, town: townWords('清河镇') })
    .sentences.join('');
const work = (category: string, w: Record<string, unknown>) => ({
  category,
  label: category,
  items: 1,
  count: 0,
  participants: 0,
  passed: 0,
  opinions: 0,
  leaderAppeared: 0,
  bySubkind: [],
  ...w,
});

describe('reviewer rules', () => {
  it('zeros: a clause with 0 is left out, never 0件 / 0次 / 0.0%', () => {
    const text = build(
      'mediation',
      stats({
        mediation: {
          total: 3,
          success: 0,
          failed: 0,
          inProgress: 3,
          closed: 0,
          byType: [{ code: 'neighbor', label: '邻里', count: 3, success: 0, closed: 0 }],
        },
      }),
    );
    expect(text).toBe('全年受理矛盾纠纷3件，均为邻里纠纷，另有3件正在调解中。');
    expect(build('publicity', stats())).toBe('');
    expect(
      build(
        'enforcement',
        stats({
          inspections: { total: 2, issuesFound: 0, byField: [{ code: 'fire', label: '消防', count: 2, issuesFound: 0, issuesRectified: 0, penalties: 0 }] },
        }),
      ),
    ).toBe('全年开展行政检查2次。');
  });

  it('其中: only with two parts or more; one part equal to the total reads 均为…', () => {
    expect(parts([{ label: '集中宣传', count: 14, unit: '场次' }], 14, (l) => `均为${l}`)).toBe('均为集中宣传');
    expect(
      parts(
        [
          { label: '罚款', count: 2, unit: '件' },
          { label: '没收', count: 1, unit: '件' },
        ],
        3,
        (l) => l,
      ),
    ).toBe('其中罚款2件、没收1件');
    const text = build(
      'enforcement',
      stats({ inspections: { total: 2, penalties: 2, penaltiesByKind: [{ code: 'fine', label: '罚款', count: 2 }], penaltyAmount: 400 } }),
    );
    expect(text).toContain('作出行政处罚2件，均为罚款，罚没金额400元');
    expect(text).not.toMatch(/（罚款2件）|其中罚款2件/);
  });

  it('units: events in 场次, periodicals in 期 and online posts in 次, never summed', () => {
    const text = build(
      'publicity',
      stats({
        activities: {
          total: 40,
          periodicals: 26,
          byKind: [
            { code: 'campaign', label: '集中宣传', count: 14 },
            { code: 'column', label: '普法专栏/宣传栏', count: 22 },
            { code: 'online', label: '网络宣传', count: 4 },
          ],
        },
      }),
    );
    expect(text).toBe('全年开展普法宣传活动14场次，均为集中宣传，办普法宣传栏22期，发布网络普法宣传4次。');
  });

  it('labels: report labels without "/", dispute types read …纠纷', () => {
    expect(reportLabel('activityKinds', ACTIVITY_KINDS, 'meeting')).toBe('院坝会');
    expect(reportLabel('activityKinds', ACTIVITY_KINDS, 'column')).toBe('普法宣传栏');
    expect(reportLabel('penaltyKinds', PENALTY_KINDS, 'warning')).toBe('警告或通报批评');
    const text = build(
      'mediation',
      stats({
        mediation: {
          total: 80,
          success: 80,
          closed: 80,
          successRate: { numerator: 80, denominator: 80 },
          byType: [
            { code: 'traffic', label: '道路交通事故', count: 77, success: 77, closed: 77 },
            { code: 'labor', label: '劳动争议', count: 3, success: 3, closed: 3 },
          ],
        },
      }),
    );
    expect(text).toContain('其中道路交通事故纠纷77件、劳动争议3件');
    expect(text).not.toMatch(/事故77件|\//);
  });

  it('enum labels are own properties: a 细分类别 "constructor" prints as written', () => {
    expect(labelOf(ACTIVITY_KINDS, 'constructor')).toBe('constructor');
    expect(labelOf(ACTIVITY_KINDS, 'toString')).toBe('toString');
    expect(subkindLabel('constructor', 'training')).toBe('constructor');
    expect(reportLabel('penaltyKinds', PENALTY_KINDS, '__proto__')).toBe('__proto__');
  });

  it('rates: one decimal half up, a trailing .0 dropped', () => {
    expect(formatRate(5, 5)).toBe('100%');
    expect(formatRate(440, 445)).toBe('98.9%');
    const text = build('leadership', stats({ work: { exam: work('exam', { count: 2, participants: 63, passed: 63 }) } as never }));
    expect(text).toBe('全年组织学法考试2次，参考63人，合格63人，合格率100%。');
  });

  it('headcounts of trainings and exams are exact, sums approximate', () => {
    const text = build(
      'leadership',
      stats({
        work: {
          study: work('study', { count: 5, participants: 46 }),
          training: work('training', {
            count: 2,
            participants: 46,
            bySubkind: [{ subkind: 'cadres', items: 2, count: 2, participants: 46, passed: 0, opinions: 0 }],
          }),
        } as never,
      }),
    );
    expect(text).toBe('全年组织集体学法5次，参学40余人次；开展干部法治培训2次，培训46人次。');
  });

  it('复议/诉讼: the township is the respondent; "none" only on the clerk\'s confirmation', () => {
    const s = stats({
      work: { reconsideration: work('reconsideration', { count: 1 }), litigation: work('litigation', { count: 1, leaderAppeared: 1 }) } as never,
    });
    expect(build('supervision', s)).toBe('全年发生以镇政府为被申请人的行政复议案件1件、以镇政府为被告的行政诉讼案件1件，行政机关负责人出庭应诉1次。');
    expect(build('supervision', stats())).toBe('');
    const p = { ...emptyProfile(2024), noReviewOrLitigation: true };
    expect(build('supervision', stats(), p)).toBe('全年未发生以镇政府为被申请人的行政复议案件和以镇政府为被告的行政诉讼案件。');
    expect(
      MEASURE_BUILDERS.find((b) => b.key === 'supervision')!.build({ stats: stats(), profile: p, approximate: true, town: townWords('石门乡') }).sentences[0],
    ).toContain('以乡政府为被申请人');
  });

  it('罚没金额: only fine and confiscation carry money (the SQL sums those kinds only)', async () => {
    const { STATS_SQL } = await import('../../../electron/core/stats/year-stats.ts');
    expect(STATS_SQL.inspections).toMatch(/penalty_kind IN \('fine', 'confiscation'\) THEN penalty_amount/);
  });

  it('year-aware political wording: 习近平法治思想 from 2020, 二十大 from 2022/2023', () => {
    expect(guidance(2019)).not.toContain('习近平法治思想');
    expect(guidance(2020)).toContain('习近平法治思想');
    expect(guidance(2022)).not.toContain('二十大');
    expect(guidance(2023)).toContain('党的二十大精神');
    expect(guidance(2024)).toContain('二十届三中全会');
    expect(DRAFTS.nextYearPlan(2019).join('')).not.toContain('习近平法治思想');
  });

  it('成文日期 window: 1 December … 31 March, else blank for the clerk', () => {
    expect(reportDateLine(2024, null, '2024-12-01')).toMatchObject({ date: '2024年12月1日', source: 'today' });
    expect(reportDateLine(2024, null, '2025-03-31')).toMatchObject({ source: 'today' });
    expect(reportDateLine(2024, null, '2025-04-01')).toEqual({ date: '2025年　　月　　日', source: 'blank', proposal: '2025-01-15' });
    expect(reportDateLine(2020, null, '2026-11-30').date).not.toContain('2026');
    expect(reportDateLine(2024, null, '2024-06-01').proposal).toBe('2024-12-01');
  });

  it('system messages never reach the document: no builder writes 台账/尚无', () => {
    for (const b of MEASURE_BUILDERS)
      expect(b.build({ stats: stats(), profile: emptyProfile(2019), approximate: true, town: townWords('清河镇') }).sentences).toEqual([]);
  });

  it('cleaned slips: markdown, （二）、, control characters — listed', () => {
    const c = cleanClerkText('**四是群众法制意识滞后。**主要表现为……\n# 标题\n（二）、包案化解。\n甲\u0007乙');
    expect(c.lines).toEqual(['四是群众法制意识滞后。主要表现为……', '标题', '（二）包案化解。', '甲乙']);
    expect(c.slips.map((x) => x.paragraph)).toEqual([1, 2, 3, 4]);
  });

  it('well-known days are named in full', () => {
    expect(occasionName('3·15')).toBe('“3·15”国际消费者权益日');
    expect(occasionName('12.4')).toBe('“12·4”国家宪法日');
    expect(occasionName('国家宪法日')).toBe('“12·4”国家宪法日');
    expect(occasionName('宪法宣传周')).toBe('宪法宣传周');
  });

  it('personal data: ID numbers, mobile numbers, party names', () => {
    const names = new Set(partyNames('王海波、李玉梅（女）'));
    expect([...names]).toEqual(['王海波', '李玉梅']);
    expect(screenText('张三（身份证11010119900307123X）', names)).toBe('id');
    expect(screenText('电话13912345678', names)).toBe('mobile');
    expect(screenText('调解王海波家纠纷', names)).toBe('name');
    expect(screenText('发放资料5000份，编号20231234567890123', names)).toBeNull();
  });
});

describe('XML safety', () => {
  it('characters illegal in XML 1.0 are dropped', () => {
    expect(xmlSafe('a\u0000b\u0001c\u000bd\u001fe\ufffef\ud800g\n\th')).toBe('abc\ndefg\n\th'); // \u000b (Word's Shift+Enter) is a line break
    expect(xmlSafe('𠀀ok')).toBe('𠀀ok');
  });

  it('text holding the splice marker cannot move or swallow a paragraph', () => {
    const marker = appendixMarker('abc', 0);
    const doc = `<w:p><w:r><w:t>${marker} 这是正文</w:t></w:r></w:p><w:p><w:r><w:t>${marker}</w:t></w:r></w:p>`;
    const out = spliceParagraph(doc, marker, '<w:tbl/>');
    expect(out).toBe(`<w:p><w:r><w:t>${marker} 这是正文</w:t></w:r></w:p><w:tbl/>`);
    expect(() => spliceParagraph('<w:p><w:r><w:t>正文</w:t></w:r></w:p>', marker, '<w:tbl/>')).toThrow(/missing/);
  });
});

describe('审稿 providers', () => {
  it('one more provider joins with one line; blocking items come first', () => {
    const a: ReviewProvider = () => [{ kind: 'x', severity: 'suggestion', message: 's' }];
    const b: ReviewProvider = (_db, year) => [
      { kind: 'openness_mismatch', severity: 'warning', message: `${year}` },
      { kind: 'p', severity: 'block', message: 'b' },
    ];
    const items = runReview({} as never, 2024, { today: '2025-01-01', composed: [], privacy: [] }, [a, b]);
    expect(items.map((i) => i.kind)).toEqual(['p', 'openness_mismatch', 'x']);
  });
});
