// issue 24: 首页's 涉企行政检查 reminder is aggregated in SQLite (enterprise/visit-reminders.ts). It must
// say what the row-by-row view (enterpriseVisits, the 行政执法 page) says: the enterprises over their
// cap with their latest name, count and cap; how many inspections break a rule and how many rules in
// all; the first rule broken. Compared over random ledgers with the edge cases in them: year
// boundaries, deleted rows, 巡查 and 上级部署的专项, the same enterprise by 统一社会信用代码 and by a name
// written two ways, entrusted inspections, 事项 outside the 清单 and without a cap, officers certified
// in 设置 only, same-day inspections whose ids sort differently by code point and by locale.
import { describe, expect, it } from 'vitest';
import { enterpriseReminders } from '../../../electron/core/enterprise/reminders.ts';
import { visitReminderFigures } from '../../../electron/core/enterprise/visit-reminders.ts';
import { readsWholeTable } from '../../../electron/core/db/year-share.ts';
import { enterpriseVisits } from '../../../electron/core/enterprise/visits.ts';
import { insertRecord } from '../../../electron/core/registers/repository.ts';
import type { Core } from '../../../electron/core/index.ts';
import { REGISTERS } from '../../../electron/shared/registers.ts';
import { memoryCore, ok } from '../../helpers/core.ts';
import { rng } from '../../helpers/random.ts';

const ENTERPRISES: [code: string | null, names: string[]][] = [
  ['91350100M000100Y4X', ['永安市鑫达机械有限公司', '鑫达机械']],
  [' 91350100m000100y4x ', ['鑫达机械（永安）']], // the same code, written in lower case with spaces
  [null, ['小陶镇（城关）老李 餐馆', '小陶镇(城关)老李餐馆', '小陶镇　(城关)老李餐馆']], // one enterprise by name
  [null, ['永安市恒丰食品厂']],
  ['', ['永安市恒丰食品厂 ']], // an empty code: the name stands for it
  ['92350100MA2XXXXX0A', ['岭头农家乐']],
];

function day(r: () => number): string {
  // around both ends of 2025, and inside it
  const pool = ['2024-12-28', '2024-12-31', '2025-01-01', '2025-01-02', '2025-03-10', '2025-06-30', '2025-11-28', '2025-12-20', '2025-12-31', '2026-01-01'];
  return pool[Math.floor(r() * pool.length)];
}
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const plus = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

async function randomLedger(core: Core, seed: number, size?: number): Promise<void> {
  const r = rng(seed);
  ok(
    await core.call('enterprise.saveItems', {
      items: [
        { code: 'AQ-01', name: '工贸企业安全生产检查', basis: '《中华人民共和国安全生产法》第六十五条', field: 'work_safety', yearlyCap: 2 },
        { code: 'XF-01', name: '消防安全检查', basis: null, field: 'fire', yearlyCap: 3 },
        { code: 'SP-01', name: '食品经营检查', basis: '《中华人民共和国食品安全法》第一百一十条', field: 'food', yearlyCap: null },
      ],
    }),
  );
  ok(
    await core.call('enterprise.saveOfficers', {
      officers: [
        { name: '林志强', certNo: '35010001' },
        { name: '陈晓梅', certNo: null },
        { name: '王建国', certNo: '35010003' },
      ],
    }),
  );
  const db = core.ctx.db;
  const def = REGISTERS.inspections;
  const n = size ?? 60 + Math.floor(r() * 80);
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const [code, names] = pick(r, ENTERPRISES);
    const date = day(r);
    const inspectionType = pick(r, ['daily', 'case', 'special', null] as const);
    // ids of one day that sort differently by code point (upper case first) and by locale
    const id = `${pick(r, ['a', 'B', 'c', 'D', '1', '_'])}${i}`;
    ids.push(id);
    insertRecord(
      db,
      def,
      id,
      {
        date,
        field: 'work_safety',
        mode: pick(r, ['routine', 'routine', 'patrol', 'joint', null] as const),
        target: pick(r, names),
        targetType: pick(r, ['enterprise', 'individual', 'village', 'school', null] as const),
        village: null,
        inspectors: r() < 0.2 ? '林志强 35010001' : null,
        entrusted: r() < 0.3,
        issuesFound: 0,
        issuesRectified: 0,
        outcome: 'no_issue',
        penaltyLegalReview: false,
        inspectionType,
        taskSource: inspectionType === 'case' || inspectionType === 'special' ? pick(r, ['superior', 'own', 'complaint']) : null,
        creditCode: code,
        itemCode: pick(r, ['AQ-01', 'AQ-01', 'XF-01', 'SP-01', 'ZZ-99', '', null]),
        basis: r() < 0.3 ? '《行政处罚法》' : pick(r, [null, '']),
        approvedBy: null,
        approvedOn: pick(r, [null, '', date, plus(date, -2), plus(date, 1)]),
        inspectorList: pick(r, [
          [],
          [{ name: '林志强', certNo: null }],
          [
            { name: '林志强', certNo: null },
            { name: '王建国', certNo: null },
          ],
          [
            { name: '陈晓梅', certNo: null },
            { name: '周网格', certNo: ' ' },
          ],
          [
            { name: '陈晓梅', certNo: '　35010002　' },
            { name: '周网格', certNo: '35019999' },
          ],
        ]),
        notifiedOn: pick(r, [null, '', plus(date, 3), plus(date, 7), plus(date, 8)]),
      },
      '2025-01-01T00:00:00.000Z',
    );
  }
  // some go to the 回收站
  for (const id of ids) if (r() < 0.1) ok(await core.call('inspections.delete', { id }));
}

/** What the row-by-row view says, in the figures' shape. */
function reference(core: Core, year: number, today: string) {
  const v = enterpriseVisits(core.ctx.db, year, today);
  return {
    over: v.enterprises.filter((e) => e.over).map((e) => ({ name: e.name, count: e.count, cap: e.cap })),
    problemRecords: new Set(v.problems.map((p) => p.id)).size,
    problemCount: v.problems.length,
    firstProblem: v.problems[0]?.message ?? null,
  };
}

describe('首页 涉企行政检查 figures in SQL', () => {
  it('say what the row-by-row view says, over random ledgers (years, deletions, names, codes, caps, officers)', async () => {
    let overSeen = 0;
    let problemsSeen = 0;
    for (let seed = 1; seed <= 25; seed++) {
      const core = memoryCore();
      await randomLedger(core, seed);
      for (const [year, today] of [
        [2025, '2025-12-15'],
        [2025, '2026-01-03'],
        [2024, '2024-12-31'],
        [2026, '2026-01-05'],
      ] as const) {
        const want = reference(core, year, today);
        expect(visitReminderFigures(core.ctx.db, year, today), `seed ${seed}, ${year} on ${today}`).toEqual(want);
        overSeen += want.over.length;
        problemsSeen += want.problemCount;
      }
      core.close();
    }
    // the ledgers did exercise both parts
    expect(overSeen).toBeGreaterThan(20);
    expect(problemsSeen).toBeGreaterThan(1000);
  });

  it('a year that is most of the table is read whole (not row by row through the date index), saying the same', async () => {
    const core = memoryCore();
    await randomLedger(core, 99, 4000);
    const db = core.ctx.db;
    // the pool of days is mostly 2025: about 2 500 of its 4 000 rows, more than a quarter (and the 2 000 least); 2024's 800 are not
    expect(readsWholeTable(db, 'inspections', 'date', { from: '2025-01-01', to: '2026-01-01' })).toBe(true);
    expect(readsWholeTable(db, 'inspections', 'date', { from: '2024-01-01', to: '2025-01-01' })).toBe(false);
    for (const [year, today] of [
      [2025, '2025-12-15'],
      [2024, '2024-12-31'],
    ] as const) {
      const want = reference(core, year, today);
      expect(visitReminderFigures(db, year, today), `${year} on ${today}`).toEqual(want);
      expect(want.problemCount).toBeGreaterThan(0);
    }
    core.close();
  });

  it('without a 检查事项清单 every inspection without a 事项 is named, and no enterprise is over (no cap)', async () => {
    const core = memoryCore();
    const db = core.ctx.db;
    for (let i = 0; i < 3; i++)
      insertRecord(
        db,
        REGISTERS.inspections,
        `x${i}`,
        {
          date: `2025-05-0${i + 1}`,
          field: 'fire',
          target: '永安市恒丰食品厂',
          targetType: 'enterprise',
          outcome: 'no_issue',
          issuesFound: 0,
          issuesRectified: 0,
          inspectorList: [],
        },
        '2025-01-01T00:00:00.000Z',
      );
    const f = visitReminderFigures(db, 2025, '2025-12-15');
    expect(f).toEqual(reference(core, 2025, '2025-12-15'));
    // 执法人员, 审批, 告知, 事项, 依据: five rules for each of the three
    expect(f).toMatchObject({ over: [], problemRecords: 3, problemCount: 15 });
    expect(f.firstProblem).toBe('2025-05-01 检查“永安市恒丰食品厂”：未逐一登记执法人员及执法证号，须至少两名持执法证人员');
    const reminders = enterpriseReminders(db, '2025-12-15');
    expect(reminders.map((r) => r.title)).toEqual(['2025年有3次涉企行政检查不符合规范（15处）']);
    expect(reminders[0].detail).toBe(`${f.firstProblem} 等`);
    core.close();
  });
});
