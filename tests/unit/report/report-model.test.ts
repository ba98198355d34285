// The report model through the API: clerk texts verbatim, drafts flagged, the
// measure areas (facts beside the clerk's title and text), the 审稿 list, the
// personal-data screen, 成文日期 and the edge years.
import { describe, expect, it } from 'vitest';
import type { ReportModel } from '../../../electron/shared/contract/report.ts';
import { err, fixturePackage, memoryCore, ok, SAMPLES } from '../../helpers/core.ts';

const body = (m: ReportModel) =>
  [
    ...m.opening.paragraphs.map((p) => (p.lead ?? '') + p.text),
    ...m.sections.flatMap((s) => [s.heading, ...s.paragraphs.map((p) => (p.lead ?? '') + p.text)]),
  ].join('\n');
const section1 = (m: ReportModel) => m.sections[0].paragraphs.map((p) => (p.lead ?? '') + p.text).join('\n');
const kinds = (m: ReportModel) => m.review.map((r) => r.kind);

async function township(core: ReturnType<typeof memoryCore>) {
  ok(await core.call('settings.update', { township: { name: '清河镇', authority: '平安县清河镇人民政府', superior: '平安县' } }));
}

describe('report.model', () => {
  it("uses the clerk's texts verbatim, one paragraph per line, and drafts the missing ones", async () => {
    const core = memoryCore();
    await township(core);
    ok(await core.call('activities.create', { record: SAMPLES.activities }));
    ok(await core.call('years.saveProfile', { year: 2024, narrative: { shortcomings: '一是甲。\n\n二是乙。', nextYearPlan: '（一）深化学法。加强学习。' } }));
    const m = ok(await core.call('report.model', { year: 2024 }));
    const sec = (k: string) => m.sections.find((s) => s.key === k)!;
    expect(m.sections.map((s) => s.heading)).toEqual([
      '一、2024年推进法治政府建设的主要举措和成效',
      '二、存在的不足和原因',
      '三、党政主要负责人履行推进法治建设第一责任人职责情况',
      '四、2025年推进法治政府建设的主要安排',
      '五、其他需要报告的情况',
    ]);
    expect(sec('shortcomings').paragraphs.map((p) => p.text)).toEqual(['一是甲。', '二是乙。']);
    expect(sec('nextYearPlan').paragraphs).toEqual([{ lead: '（一）深化学法。', text: '加强学习。', source: 'clerk' }]);
    expect(sec('leaderDuties').draft).toBe(true);
    expect(sec('other').paragraphs).toEqual([{ text: '无。', source: 'fixed' }]);
    expect(m.review.filter((w) => w.kind === 'draft_text').map((w) => w.link)).toEqual([
      { page: 'report', section: 'intro' },
      { page: 'report', section: 'leaderDuties' },
    ]);
    // many county notices ask for 第一责任人 second: sectionOrder swaps 二 and 三, the numbering follows
    ok(await core.call('years.saveProfile', { year: 2024, sectionOrder: 'leaderDutiesSecond' }));
    const m2 = ok(await core.call('report.model', { year: 2024 }));
    expect(m2.sections.map((s) => `${s.key} ${s.heading.slice(0, 2)}`)).toEqual([
      'measures 一、',
      'leaderDuties 二、',
      'shortcomings 三、',
      'nextYearPlan 四、',
      'other 五、',
    ]);
    core.close();
  });

  it("prints each measure area as facts, then the clerk's title and text verbatim", async () => {
    const core = memoryCore();
    await township(core);
    ok(await core.call('activities.create', { record: SAMPLES.activities }));
    ok(
      await core.call('years.saveProfile', {
        year: 2024,
        measures: {
          publicity: '创办“清河普法夜校”。\n制定《清河镇普法责任清单》。',
          other: '建成法治文化公园。公园占地20亩。\n公园内设宪法宣传长廊和法治书屋，周末由普法志愿者值守讲解，群众可预约参观',
        },
        measureTitles: { publicity: '普法夜校进村，法治氛围更浓' },
      }),
    );
    const m = ok(await core.call('report.model', { year: 2024 }));
    const p = m.sections[0].paragraphs;
    expect(p[0]).toEqual({
      lead: '（一）普法夜校进村，法治氛围更浓。',
      text: '全年开展普法宣传活动1场次，均为集中宣传。覆盖村（社区）1个，发放宣传资料800份，悬挂横幅3条，受众320人次。围绕“3·15”国际消费者权益日等时间节点开展主题宣传。',
      source: 'data',
    });
    expect(p[1]).toEqual({ text: '创办“清河普法夜校”。', source: 'clerk' });
    expect(p[2]).toEqual({ text: '制定《清河镇普法责任清单》。', source: 'clerk' });
    // each line of `other` opening with a short sentence is its own subsection
    expect(p[3]).toEqual({ lead: '（二）建成法治文化公园。', text: '公园占地20亩。', source: 'clerk' });
    expect(p[4]).toEqual({ text: '公园内设宪法宣传长廊和法治书屋，周末由普法志愿者值守讲解，群众可预约参观', source: 'clerk' });
    const area = m.measureAreas.find((a) => a.key === 'publicity')!;
    expect(area).toMatchObject({ clerkTitle: '普法夜校进村，法治氛围更浓', printed: true, defaultTitle: '深入开展普法宣传' });
    expect(m.measureAreas.find((a) => a.key === 'mediation')!.printed).toBe(false);
    core.close();
  });

  it('an empty year: warnings in the 审稿 list, no body sentence in section 一', async () => {
    const core = memoryCore();
    await township(core);
    const m = ok(await core.call('report.model', { year: 2019 }));
    expect(m.sections[0].paragraphs).toEqual([]);
    expect(body(m)).not.toMatch(/尚无|台账中|0件|0次|0场次|行政复议|习近平法治思想/);
    expect(kinds(m)).toEqual(expect.arrayContaining(['empty_measures', 'empty_register', 'review_litigation_unconfirmed', 'no_report_date']));
    expect(m.date).toBe('2020年　　月　　日');
    expect(m.dateSource).toBe('blank');
    const f = ok(await core.call('report.export', { year: 2019 }));
    expect(f.bytes).toBeGreaterThan(5000);
    core.close();
  });

  it('one register only: only its subsection, the other registers named in the 审稿 list', async () => {
    const core = memoryCore();
    await township(core);
    ok(await core.call('inspections.create', { record: SAMPLES.inspections }));
    const m = ok(await core.call('report.model', { year: 2024 }));
    expect(section1(m)).toBe(
      '（一）严格规范公正文明执法。全年开展行政检查1次，发现问题3处，已整改2处，整改率66.7%。全年作出行政处罚1件，均为罚款，罚没金额2000元。',
    );
    expect(m.review.filter((r) => r.kind === 'empty_register').map((r) => r.link)).toEqual([
      { page: 'register', register: 'activities' },
      { page: 'register', register: 'mediationCases' },
    ]);
    core.close();
  });

  it('a year far below the previous one: the fall is stated, the drafted shortcoming cites no zero', async () => {
    const core = memoryCore();
    await township(core);
    for (let i = 1; i <= 12; i++)
      ok(await core.call('activities.create', { record: { ...SAMPLES.activities, date: `2023-${String(i).padStart(2, '0')}-10` } }));
    ok(await core.call('activities.create', { record: SAMPLES.activities }));
    let m = ok(await core.call('report.model', { year: 2024 }));
    // a fall of 91.7% is within ±100%: printed
    expect(section1(m)).toContain('全年开展普法宣传活动1场次，同比下降91.7%，均为集中宣传');
    const draft = m.sections.find((x) => x.key === 'shortcomings')!;
    expect(draft.draft).toBe(true);
    expect(draft.paragraphs[0].text).toBe('一是普法宣传活动较上年减少。2024年开展普法宣传活动1场次，上年12场次，普法形式和针对性有待加强。');
    expect(body(m)).not.toMatch(/(?<![\d.])0(件|次|场次)/);
    // a year with one record before: no 同比 at all (below 10 records), not 同比增长4800%
    const core2 = memoryCore();
    await township(core2);
    ok(await core2.call('activities.create', { record: { ...SAMPLES.activities, date: '2023-05-01' } }));
    for (let i = 0; i < 49; i++) ok(await core2.call('activities.create', { record: SAMPLES.activities }));
    m = ok(await core2.call('report.model', { year: 2024 }));
    expect(section1(m)).toContain('全年开展普法宣传活动49场次');
    expect(body(m)).not.toMatch(/同比|4800/);
    core.close();
    core2.close();
  });

  it('a change beyond ±100% is not printed; the 审稿 list says so', async () => {
    const core = memoryCore();
    await township(core);
    for (let i = 1; i <= 10; i++) ok(await core.call('activities.create', { record: { ...SAMPLES.activities, date: `2023-0${(i % 9) + 1}-10` } }));
    for (let i = 0; i < 25; i++) ok(await core.call('activities.create', { record: SAMPLES.activities }));
    const m = ok(await core.call('report.model', { year: 2024 }));
    expect(body(m)).not.toMatch(/同比/);
    expect(m.review.find((r) => r.kind === 'large_change')!.message).toContain('同比增长150%');
    core.close();
  });

  it('one failed case: no 调解成功0件, no rate', async () => {
    const core = memoryCore();
    await township(core);
    ok(await core.call('mediationCases.create', { record: { ...SAMPLES.mediationCases, status: 'failed', agreement: 'none' } }));
    const m = ok(await core.call('report.model', { year: 2024 }));
    expect(section1(m)).toBe('（一）推进矛盾纠纷多元化解。全年受理矛盾纠纷1件，均为邻里纠纷，调解不成功1件。');
    expect(body(m)).not.toMatch(/调解成功|成功率|0件|0%/);
    core.close();
  });

  it('one 复议 and one 诉讼 case: the township is the respondent, 出庭 stays with 行政机关负责人', async () => {
    const core = memoryCore();
    await township(core);
    ok(await core.call('workItems.create', { record: { date: '2024-05-01', category: 'reconsideration', title: '某复议案件' } }));
    ok(await core.call('workItems.create', { record: { date: '2024-07-01', category: 'litigation', title: '某诉讼案件', leaderAppeared: true } }));
    const m = ok(await core.call('report.model', { year: 2024 }));
    expect(section1(m)).toBe(
      '（一）依法做好行政复议、行政应诉工作。全年发生以镇政府为被申请人的行政复议案件1件、以镇政府为被告的行政诉讼案件1件，行政机关负责人出庭应诉1次。',
    );
    expect(m.leaderFacts).toBe('2024年，行政机关负责人出庭应诉1次。');
    // section 二 never gets the figures prepended: the clerk's text stands alone
    ok(await core.call('years.saveProfile', { year: 2024, narrative: { leaderDuties: '书记带头学法。' } }));
    const m2 = ok(await core.call('report.model', { year: 2024 }));
    expect(m2.sections.find((x) => x.key === 'leaderDuties')!.paragraphs).toEqual([{ text: '书记带头学法。', source: 'clerk' }]);
    expect(body(m2)).not.toMatch(/党政主要负责人[^。]*出庭/);
    core.close();
  });

  it("未发生复议/诉讼 only with the clerk's confirmation", async () => {
    const core = memoryCore();
    await township(core);
    ok(await core.call('activities.create', { record: SAMPLES.activities }));
    let m = ok(await core.call('report.model', { year: 2024 }));
    expect(body(m)).not.toMatch(/未发生/);
    expect(kinds(m)).toContain('review_litigation_unconfirmed');
    ok(await core.call('years.saveProfile', { year: 2024, noReviewOrLitigation: true }));
    m = ok(await core.call('report.model', { year: 2024 }));
    expect(body(m)).toContain('全年未发生以镇政府为被申请人的行政复议案件和以镇政府为被告的行政诉讼案件。');
    expect(kinds(m)).not.toContain('review_litigation_unconfirmed');
    core.close();
  });

  it("成文日期: the profile's, else today inside the window, else blank — a 2020 report is never dated 2026", async () => {
    const inWindow = memoryCore(new Date('2025-01-20T04:00:00Z'));
    await township(inWindow);
    let m = ok(await inWindow.call('report.model', { year: 2024 }));
    expect([m.date, m.dateSource]).toEqual(['2025年1月20日', 'today']);
    m = ok(await inWindow.call('report.model', { year: 2020 }));
    expect([m.date, m.dateSource, m.dateProposal]).toEqual(['2021年　　月　　日', 'blank', '2021-01-15']);
    ok(await inWindow.call('years.saveProfile', { year: 2020, reportDate: '2021-01-12' }));
    m = ok(await inWindow.call('report.model', { year: 2020 }));
    expect([m.date, m.dateSource]).toEqual(['2021年1月12日', 'profile']);
    ok(await inWindow.call('years.saveProfile', { year: 2020, reportDate: '2026-11-30' }));
    expect(kinds(ok(await inWindow.call('report.model', { year: 2020 })))).toContain('report_date_outside');
    inWindow.close();
  });

  it('the personal-data screen blocks export and names the record and field', async () => {
    const core = memoryCore();
    await township(core);
    ok(await core.call('mediationCases.create', { record: { ...SAMPLES.mediationCases, parties: '王海波、李玉梅' } }));
    ok(await core.call('activities.create', { record: { ...SAMPLES.activities, occasion: '张三（身份证110101199003071234）' } }));
    ok(await core.call('workItems.create', { record: { date: '2024-06-01', category: 'training', title: '培训', subkind: '联系13912345678' } }));
    ok(await core.call('years.saveProfile', { year: 2024, measures: { mediation: '王海波的纠纷已化解。' } }));
    const m = ok(await core.call('report.model', { year: 2024 }));
    const blocks = m.review.filter((r) => r.severity === 'block');
    expect(blocks.map((b) => b.message)).toEqual([
      '2024年报告文字的“矛盾纠纷化解”含有调解案件当事人的姓名，报告是公开文件，不能导出。请删去后再导出。',
      '普法活动（2024-03-15）的“时间节点”含有身份证号，报告是公开文件，不能导出。请删去后再导出。',
      '其他法治工作（2024-06-01）的“细分类别”含有手机号码，报告是公开文件，不能导出。请删去后再导出。',
    ]);
    expect(m.review[0].severity).toBe('block');
    expect(blocks[1].link).toMatchObject({ page: 'register', register: 'activities', field: 'occasion' });
    // the messages never quote the data found
    expect(JSON.stringify(m.review)).not.toMatch(/110101199003071234|13912345678/);
    const e = err(await core.call('report.export', { year: 2024 }));
    expect(e.message).toContain('报告中会出现个人信息，已停止导出');
    expect(e.message).toContain('“时间节点”含有身份证号');
    core.close();
  });

  it('the appendix screen numbers activities as the appendix does', async () => {
    const core = memoryCore();
    await township(core);
    ok(await core.call('activities.create', { record: { ...SAMPLES.activities, date: '2024-01-05', title: '宪法宣传' } }));
    ok(await core.call('activities.create', { record: { ...SAMPLES.activities, date: '2024-02-05', title: '回访张某13812345678' } }));
    const m = ok(await core.call('report.model', { year: 2024 }));
    expect(m.review.filter((r) => r.severity === 'block')).toEqual([]);
    const a = ok(await core.call('report.model', { year: 2024, appendix: true }));
    expect(a.review.filter((r) => r.severity === 'block').map((r) => r.message)).toEqual([
      '第2条普法活动（2024-02-05）的“活动名称”含有手机号码，报告是公开文件，不能导出。请删去后再导出。',
    ]);
    core.close();
  });

  it('data warnings: 调解中, a warning carrying a fine, 整改 > 发现', async () => {
    const core = memoryCore(new Date('2024-06-15T04:00:00Z'));
    await township(core);
    ok(
      await core.call('mediationCases.create', {
        record: { ...SAMPLES.mediationCases, acceptedOn: '2024-03-01', closedOn: null, status: 'in_progress', agreement: null },
      }),
    );
    ok(await core.call('inspections.create', { record: { ...SAMPLES.inspections, penaltyKind: 'warning', penaltyAmount: 500 } }));
    core.ctx.db.prepare('UPDATE inspections SET issues_rectified = 9').run();
    const m = ok(await core.call('report.model', { year: 2024 }));
    expect(kinds(m)).toEqual(expect.arrayContaining(['cases_in_progress', 'penalty_amount_without_money', 'rectified_over_found']));
    // a warning carries no money into 罚没金额
    expect(body(m)).not.toMatch(/罚没金额/);
    expect(body(m)).toContain('均为警告或通报批评');
    core.close();
  });

  it("a number in the clerk's text that contradicts the ledger is a warning", async () => {
    const core = memoryCore();
    ok(await core.call('exchange.import', { content: fixturePackage('000_3b1c3260cd606f40') }));
    const m = ok(await core.call('report.model', { year: 2023 }));
    const c = m.review.filter((r) => r.kind === 'contradiction');
    expect(c.map((r) => r.message)).toEqual([
      '“矛盾纠纷化解”的文字写“成功率98.8%”，台账的调解成功率为98.9%。报告只印您的文字、不再印台账的这一句；请核对后改正，或点“改为台账数字”改为“成功率98.9%”。',
    ]);
    expect(c[0].mustCheck).toBe(true);
    expect(c[0].fix).toEqual({ section: 'measure-mediation', found: '成功率98.8%', replacement: '成功率98.9%' });
    // the two values never both reach the document: the app's rate is left out, the clerk's stays
    expect(body(m)).toContain('成功率98.8%');
    expect(body(m)).not.toContain('98.9%');
    // 改为台账数字 rewrites the number in the stored text; then nothing is left to check
    const before = ok(await core.call('years.getProfile', { year: 2023 })).measures.mediation!;
    ok(await core.call('report.useLedgerNumber', { year: 2023, ...c[0].fix! }));
    const after = ok(await core.call('years.getProfile', { year: 2023 })).measures.mediation!;
    expect(after).toBe(before.replace('成功率98.8%', '成功率98.9%'));
    const fixed = ok(await core.call('report.model', { year: 2023 }));
    expect(fixed.review.filter((r) => r.kind === 'contradiction')).toEqual([]);
    expect(body(fixed).match(/98\.9%/g)).toHaveLength(1);
    // a stale fix (the number was already changed) is refused with a Chinese message, nothing written
    expect(err(await core.call('report.useLedgerNumber', { year: 2023, ...c[0].fix! })).message).toContain('已不是与台账不一致的数字');
    ok(await core.call('years.saveProfile', { year: 2023, measures: { mediation: '全年调解案件440件。' } }));
    const m2 = ok(await core.call('report.model', { year: 2023 }));
    expect(m2.review.filter((r) => r.kind === 'contradiction').map((r) => r.message)).toEqual([
      '“矛盾纠纷化解”的文字写“调解案件440件”，台账的调解案件总数为445。报告只印您的文字、不再印台账的这一句；请核对后改正，或点“改为台账数字”改为“调解案件445件”。',
    ]);
    expect(body(m2)).not.toContain('受理矛盾纠纷445件');
    core.close();
  });

  it('builds the statistical appendix tables', async () => {
    const core = memoryCore();
    ok(await core.call('exchange.import', { content: fixturePackage('002_b806baa4f7d74a32') }));
    const m = ok(await core.call('report.model', { year: 2020, appendix: true }));
    expect(m.appendix.map((t) => t.title)).toEqual(['2020年普法宣传活动一览', '2020年矛盾纠纷分类统计', '2020年行政执法检查统计']);
    expect(m.appendix[0].rows).toHaveLength(9);
    // 合计 in 场次 as the body states it (9场次, all 集中宣传: no 小计 for a single kind)
    expect(m.appendix[0].total?.[2]).toBe('活动9场次');
    expect(m.sections[0].paragraphs.map((p) => p.text).join('')).toContain('普法宣传活动9场次');
    expect(m.appendix[1].total).toEqual(['合计', '37', '35', '94.6%']);
    expect(m.appendix[2].total).toEqual(['合计', '12', '9', '7', '2']);
    expect(m.appendixNote[0]).toBe('附件：1.2020年普法宣传活动一览');
    core.close();
  });

  it('the 主送机关 setting prints under the title, with a colon', async () => {
    const core = memoryCore();
    await township(core);
    expect(ok(await core.call('report.model', { year: 2024 })).addressee).toBeNull();
    ok(await core.call('settings.update', { addressee: '中共平安县委、平安县人民政府' }));
    expect(ok(await core.call('report.model', { year: 2024 })).addressee).toBe('中共平安县委、平安县人民政府：');
    core.close();
  });

  it('refuses a year out of range', async () => {
    const core = memoryCore();
    const r = await core.call('report.export', { year: 1999 });
    expect(r.ok).toBe(false);
    core.close();
  });
});
