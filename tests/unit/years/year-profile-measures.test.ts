// The year profile's report fields: narrative.measures, narrative.measureTitles and
// noReviewOrLitigation — stored (migration 3), validated with Chinese messages and
// carried through a data package both ways.
import { describe, expect, it } from 'vitest';
import { err, fixturePackage, memoryCore, ok } from '../../helpers/core.ts';

describe('year profile: measures, titles, 复议/诉讼 confirmation', () => {
  it('saves per key (merging like narrative) and reads back', async () => {
    const core = memoryCore();
    ok(
      await core.call('years.saveProfile', {
        year: 2024,
        measures: { publicity: '甲\r\n乙' },
        measureTitles: { publicity: '标题' },
        noReviewOrLitigation: true,
      }),
    );
    ok(await core.call('years.saveProfile', { year: 2024, measures: { mediation: '丙' } }));
    const p = ok(await core.call('years.getProfile', { year: 2024 }));
    expect(p.measures).toMatchObject({ publicity: '甲\n乙', mediation: '丙', leadership: null });
    expect(p.measureTitles.publicity).toBe('标题');
    expect(p.noReviewOrLitigation).toBe(true);
    ok(await core.call('years.saveProfile', { year: 2024, measures: { publicity: '  ' }, noReviewOrLitigation: null }));
    const q = ok(await core.call('years.getProfile', { year: 2024 }));
    expect(q.measures.publicity).toBeNull();
    expect(q.noReviewOrLitigation).toBeNull();
    core.close();
  });

  it('refuses a title with a line break or too long, in Chinese', async () => {
    const core = memoryCore();
    expect(err(await core.call('years.saveProfile', { year: 2024, measureTitles: { publicity: '一行\n两行' } })).message).toContain('小标题应为一行');
    expect(err(await core.call('years.saveProfile', { year: 2024, measureTitles: { publicity: '长'.repeat(61) } })).message).toContain('小标题不能超过60个字');
    core.close();
  });

  it('round-trips through a data package (narrative.measures / measureTitles, noReviewOrLitigation)', async () => {
    const a = memoryCore();
    ok(await a.call('exchange.import', { content: fixturePackage('000_3b1c3260cd606f40') }));
    const before = ok(await a.call('years.getProfile', { year: 2023 }));
    expect(before.measureTitles.leadership).toBe('统一思想，落实领导责任');
    expect(before.noReviewOrLitigation).toBe(true);
    const pkg = JSON.parse(ok(await a.call('exchange.export', { year: 2023 })).content);
    expect(pkg.years[0].narrative.measures.mediation).toContain('成功率98.8%');
    expect(pkg.years[0].narrative.measureTitles.publicity).toBe('落实“谁执法谁普法”普法责任制度');
    expect(pkg.years[0].noReviewOrLitigation).toBe(true);
    const b = memoryCore();
    ok(await b.call('exchange.import', { content: JSON.stringify(pkg) }));
    const after = ok(await b.call('years.getProfile', { year: 2023 }));
    expect({ ...after, updatedAt: null }).toEqual({ ...before, updatedAt: null });
    // importing it again changes nothing
    expect(ok(await b.call('exchange.preview', { content: JSON.stringify(pkg) })).byRegister.years.unchanged).toBe(1);
    a.close();
    b.close();
  });

  it('rejects bad report fields in a package with messages naming the field', async () => {
    const core = memoryCore();
    const pkg = JSON.parse(fixturePackage('002_b806baa4f7d74a32'));
    pkg.years[0].narrative.measures.publicity = 12;
    pkg.years[0].narrative.measureTitles.decisions = '两\n行';
    pkg.years[0].noReviewOrLitigation = 'yes';
    const r = ok(await core.call('exchange.preview', { content: JSON.stringify(pkg) }));
    const msgs = r.issues.filter((i) => i.register === 'years').map((i) => i.message);
    expect(msgs).toEqual([
      '「narrative.measures.publicity」（普法宣传的举措文字）应为文字',
      '「narrative.measureTitles.decisions」（依法科学民主决策的举措小标题）应为一行，不能换行',
      '「noReviewOrLitigation」（未发生行政复议、行政诉讼的确认）应为 true 或 false，现为“yes”',
    ]);
    core.close();
  });
});
