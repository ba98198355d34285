// The report model: clerk texts verbatim, drafts flagged, empty subsections left
// out, zero 行政复议 stated, 同比, the number-style setting and pre-export warnings.
import { describe, expect, it } from 'vitest';
import type { ReportModel } from '../../electron/shared/contract/report.ts';
import { fixturePackage, memoryCore, ok, SAMPLES } from '../helpers/core.ts';

const allText = (m: ReportModel) =>
  [m.title, ...m.opening.paragraphs.map((p) => (p.lead ?? '') + p.text), ...m.sections.flatMap((s) => [s.heading, ...s.paragraphs.map((p) => (p.lead ?? '') + p.text)]), m.signature, m.date].join('\n');

async function township(core: ReturnType<typeof memoryCore>) {
  ok(await core.call('settings.update', { township: { name: '清河镇', authority: '平安县清河镇人民政府', superior: '平安县' } }));
}

describe('report.model', () => {
  it('uses the clerk\'s texts verbatim, one paragraph per line, and drafts the missing ones', async () => {
    const core = memoryCore();
    await township(core);
    ok(await core.call('activities.create', { record: SAMPLES.activities }));
    ok(await core.call('years.saveProfile', { year: 2024, narrative: { shortcomings: '一是甲。\n\n二是乙。', nextYearPlan: '（一）深化学法。加强学习。' } }));
    const m = ok(await core.call('report.model', { year: 2024 }));
    const sec = (k: string) => m.sections.find((s) => s.key === k)!;
    expect(m.sections.map((s) => s.heading)).toEqual([
      '一、2024年推进法治政府建设的主要举措和成效',
      '二、党政主要负责人履行推进法治建设第一责任人职责情况',
      '三、存在的不足和原因',
      '四、2025年推进法治政府建设的主要安排',
      '五、其他需要报告的情况',
    ]);
    expect(sec('shortcomings').paragraphs.map((p) => p.text)).toEqual(['一是甲。', '二是乙。']);
    expect(sec('shortcomings').draft).toBe(false);
    expect(sec('nextYearPlan').paragraphs).toEqual([{ lead: '（一）深化学法。', text: '加强学习。', source: 'clerk' }]);
    expect(sec('leaderDuties').draft).toBe(true);
    expect(sec('leaderDuties').paragraphs.some((p) => p.source === 'draft')).toBe(true);
    expect(m.opening.draft).toBe(true);
    expect(sec('other').paragraphs).toEqual([{ text: '无。', source: 'fixed' }]);
    expect(m.warnings.filter((w) => w.code === 'draft_text').map((w) => w.target).sort()).toEqual(['intro', 'leaderDuties']);
    expect(m.titleLines).toEqual(['平安县清河镇人民政府', '关于2024年法治政府建设情况的报告']);
    expect(m.fileName).toBe('清河镇2024年法治政府建设情况报告.docx');
    // once the clerk writes them, no draft remains
    ok(await core.call('years.saveProfile', { year: 2024, narrative: { intro: '开头。', leaderDuties: '履职。', other: '无其他事项。' } }));
    const m2 = ok(await core.call('report.model', { year: 2024 }));
    expect(m2.warnings.filter((w) => w.code === 'draft_text')).toEqual([]);
    expect(m2.sections.find((s) => s.key === 'other')!.paragraphs[0].text).toBe('无其他事项。');
    core.close();
  });

  it('leaves out subsections without data and states a zero 行政复议/诉讼', async () => {
    const core = memoryCore();
    await township(core);
    ok(await core.call('activities.create', { record: SAMPLES.activities }));
    const m = ok(await core.call('report.model', { year: 2024 }));
    const leads = m.sections[0].paragraphs.map((p) => p.lead);
    expect(leads).toEqual(['（一）深入开展普法宣传，营造浓厚法治氛围。', '（二）依法做好行政复议和行政应诉工作。']);
    expect(allText(m)).toContain('全年未发生行政复议、行政诉讼案件');
    expect(allText(m)).not.toMatch(/行政检查|调解/);
    ok(await core.call('workItems.create', { record: { date: '2024-07-01', category: 'litigation', title: '行政诉讼应诉', count: 2, leaderAppeared: true } }));
    const m2 = ok(await core.call('report.model', { year: 2024 }));
    expect(allText(m2)).toContain('办理行政诉讼案件2件，行政机关负责人出庭应诉1次');
    expect(allText(m2)).toContain('全年未发生行政复议案件');
    core.close();
  });

  it('writes 同比 and follows the approximate-number setting', async () => {
    const core = memoryCore();
    await township(core);
    for (const d of ['2023-03-01', '2023-04-01']) ok(await core.call('activities.create', { record: { ...SAMPLES.activities, date: d, materials: 0, audience: 0 } }));
    for (const d of ['2024-03-01', '2024-04-01', '2024-05-01']) ok(await core.call('activities.create', { record: { ...SAMPLES.activities, date: d, materials: 1713, audience: 100 } }));
    let text = allText(ok(await core.call('report.model', { year: 2024 })));
    expect(text).toContain('全年累计开展普法宣传活动3场次，同比增长50.0%');
    expect(text).toContain('发放宣传资料5100余份');
    expect(text).toContain('受众300人次');
    ok(await core.call('settings.update', { approximateNumbers: false }));
    text = allText(ok(await core.call('report.model', { year: 2024 })));
    expect(text).toContain('发放宣传资料5139份');
    core.close();
  });

  it('warns before export: no 发文机关, cases 调解中, impossible and future dates', async () => {
    const core = memoryCore(new Date('2024-06-15T04:00:00Z'));
    ok(await core.call('mediationCases.create', { record: { ...SAMPLES.mediationCases, caseNo: null, acceptedOn: '2024-03-01', closedOn: null, status: 'in_progress', agreement: null } }));
    ok(await core.call('mediationCases.create', { record: { ...SAMPLES.mediationCases, caseNo: null, acceptedOn: '2024-04-10', closedOn: '2024-04-12' } }));
    // validation refuses it now; older data or a raw edit can still hold it
    core.ctx.db.prepare(`UPDATE mediation_cases SET closed_on = '2024-04-05' WHERE accepted_on = '2024-04-10'`).run();
    ok(await core.call('inspections.create', { record: { ...SAMPLES.inspections, date: '2024-09-01' } }));
    const m = ok(await core.call('report.model', { year: 2024 }));
    const codes = m.warnings.map((w) => w.code);
    expect(codes).toEqual(expect.arrayContaining(['no_authority', 'cases_in_progress', 'impossible_dates', 'future_dates', 'draft_text']));
    expect(m.warnings.find((w) => w.code === 'cases_in_progress')!.message).toContain('1件');
    expect(m.warnings.find((w) => w.code === 'future_dates')!.message).toContain('1条');
    expect(m.signature).toBe('');
    expect(m.dateSource).toBe('today');
    expect(m.date).toBe('2024年6月15日');
    // the rate leaves the case 调解中 out
    expect(allText(m)).toContain('调解成功1件，调解成功率100.0%，另有1件正在调解中');
    core.close();
  });

  it('warns about a year without records and still exports', async () => {
    const core = memoryCore();
    await township(core);
    const m = ok(await core.call('report.model', { year: 2019 }));
    expect(m.warnings[0].code).toBe('no_records');
    const f = ok(await core.call('report.export', { year: 2019 }));
    expect(f.bytes).toBeGreaterThan(5000);
    core.close();
  });

  it('builds the statistical appendix tables', async () => {
    const core = memoryCore();
    ok(await core.call('exchange.import', { content: fixturePackage('002_b806baa4f7d74a32') }));
    const m = ok(await core.call('report.model', { year: 2020, appendix: true }));
    expect(m.appendix.map((t) => t.title)).toEqual(['2020年普法宣传活动一览', '2020年矛盾纠纷分类统计', '2020年行政执法检查统计']);
    expect(m.appendix[0].rows).toHaveLength(9);
    expect(m.appendix[1].total).toEqual(['合计', '37', '35', '94.6%']);
    expect(m.appendix[2].total).toEqual(['合计', '12', '9', '7', '2']);
    expect(m.appendixNote[0]).toBe('附件：1.2020年普法宣传活动一览');
    core.close();
  });

  it('drafts a shortcoming from a falling figure', async () => {
    const core = memoryCore();
    await township(core);
    for (const d of ['2023-03-01', '2023-04-01', '2023-05-01']) ok(await core.call('activities.create', { record: { ...SAMPLES.activities, date: d } }));
    ok(await core.call('activities.create', { record: { ...SAMPLES.activities, date: '2024-03-01' } }));
    const m = ok(await core.call('report.model', { year: 2024 }));
    const sec = m.sections.find((s) => s.key === 'shortcomings')!;
    expect(sec.draft).toBe(true);
    expect(sec.paragraphs[0]).toMatchObject({ source: 'draft' });
    expect(sec.paragraphs[0].text).toContain('一是普法宣传力度有所减弱。全年开展普法宣传活动1场次，较上年减少2场次');
    expect(allText(m)).toContain('同比下降66.7%');
    core.close();
  });

  it('refuses a year out of range', async () => {
    const core = memoryCore();
    const r = await core.call('report.export', { year: 1999 });
    expect(r.ok).toBe(false);
    core.close();
  });
});
