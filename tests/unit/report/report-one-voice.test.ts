// Issue 17, the report in one voice: each fact once, own and entrusted enforcement,
// outcomes as recorded, the clerk's order, one 成文日期 rule for the three documents.
import { describe, expect, it } from 'vitest';
import { statedFigures, withoutStated } from '../../../electron/core/report/facts.ts';
import { caseOutcome } from '../../../electron/core/report/measures.ts';
import { checkDocumentDate, documentDate, documentWindow } from '../../../electron/shared/document-date.ts';
import { orderedMeasureKeys } from '../../../electron/shared/records.ts';
import { fixturePackage, memoryCore, ok, SAMPLES } from '../../helpers/core.ts';

const clerk = (area: string, section = '') => ({ area: statedFigures(area), section: statedFigures(section) });

describe('each fact once', () => {
  it('leaves out a clause the clerk states with the same value, whatever its unit', () => {
    const app = '全年开展普法宣传活动19场次，其中法治讲座4场次、院坝会3场次，发放宣传资料1.5万余份。';
    expect(withoutStated(app, clerk('举办法治讲座4期、院坝会3次，发放资料15000余份。'))).toBe('全年开展普法宣传活动19场次。');
    // a count from 10 up in the same kind of unit is the same fact (纠纷382件 ~ 纠纷382起)
    expect(withoutStated('全年受理矛盾纠纷382件，调解成功380件。', clerk('共调处纠纷382起。'))).toBe('全年调解成功380件。');
    // a small count under another name is another fact
    expect(withoutStated('全年召开法治建设专题会议3次。', clerk('开展普法活动3次。'))).toBe('全年召开法治建设专题会议3次。');
    // an approximate figure of the app and the clerk's exact one within its rounding
    expect(withoutStated('发放宣传资料5200余份。', clerk('发放宣传资料5236份。'))).toBe('');
  });

  it('drops the 其中 and 同比 clauses of a head it leaves out, and keeps a dependent figure under its name', () => {
    expect(withoutStated('全年开展行政检查16次，同比增长10%，其中消防检查8次、安全生产检查8次，发现问题21处。', clerk('开展行政检查16次。'))).toBe(
      '全年发现问题21处。',
    );
    expect(withoutStated('全年组织人民调解员培训3次，培训310人次。', clerk('开展调解员培训3次。'))).toBe('全年人民调解员培训310人次。');
  });

  it('leaves out a clause the clerk states with another value (the clerk’s words only)', () => {
    const drop = (c: string) => /成功率\d/.test(c);
    expect(withoutStated('调解成功440件，调解成功率98.9%。', clerk(''), drop)).toBe('调解成功440件。');
  });

  it('a clerk text with 成功率66.6% against 66.7%: printed once, 必须核对 with 改为台账数字', async () => {
    const core = memoryCore();
    ok(await core.call('settings.update', { township: { name: '清河镇', authority: '清河镇人民政府' } }));
    for (const [k, status] of (['success', 'success', 'failed'] as const).entries())
      ok(
        await core.call('mediationCases.create', {
          record: { ...SAMPLES.mediationCases, caseNo: `清河调〔2024〕${k + 1}号`, acceptedOn: '2024-03-01', status },
        }),
      );
    ok(await core.call('years.saveProfile', { year: 2024, measures: { mediation: '全年调解成功率为66.6%。' } }));
    const m = ok(await core.call('report.model', { year: 2024 }));
    const text = m.sections[0].paragraphs.map((p) => (p.lead ?? '') + p.text).join('');
    expect(text).toContain('成功率为66.6%');
    expect(text).not.toContain('66.7%');
    const item = m.review.find((r) => r.kind === 'contradiction')!;
    expect(item.mustCheck).toBe(true);
    expect(item.fix).toEqual({ section: 'measure-mediation', found: '调解成功率为66.6%', replacement: '调解成功率为66.7%' });
    core.close();
  });
  it('行政机关负责人出庭应诉 put into 第一责任人 by 插入台账数字 is checked again when the ledger moves', async () => {
    const core = memoryCore();
    ok(await core.call('settings.update', { township: { name: '清河镇', authority: '清河镇人民政府' } }));
    const lawsuit = { date: '2024-05-01', category: 'litigation', title: '行政诉讼案件', outcome: '审理中', leaderAppeared: true };
    ok(await core.call('workItems.create', { record: lawsuit }));
    ok(await core.call('workItems.create', { record: { ...lawsuit, date: '2024-08-01' } }));
    // the number as inserted when the ledger held three appearances; one record has gone since
    ok(await core.call('years.saveProfile', { year: 2024, narrative: { leaderDuties: '镇长带头履职，行政机关负责人出庭应诉3次。' } }));
    const m = ok(await core.call('report.model', { year: 2024 }));
    const item = m.review.find((r) => r.kind === 'contradiction')!;
    expect(item.mustCheck).toBe(true);
    expect(item.fix).toEqual({ section: 'leaderDuties', found: '负责人出庭应诉3次', replacement: '负责人出庭应诉2次' });
    const text = m.sections.flatMap((x) => x.paragraphs.map((p) => (p.lead ?? '') + p.text)).join('');
    // one voice: the clerk's words only, the ledger's clause left out until the clerk decides
    expect(text).toContain('出庭应诉3次');
    expect(text).not.toContain('出庭应诉2次');
    // the clerk takes the ledger's number: nothing left to check, the number printed once
    ok(await core.call('report.useLedgerNumber', { year: 2024, ...item.fix! }));
    const fixed = ok(await core.call('report.model', { year: 2024 }));
    expect(fixed.review.filter((r) => r.kind === 'contradiction')).toEqual([]);
    const again = fixed.sections.flatMap((x) => x.paragraphs.map((p) => (p.lead ?? '') + p.text)).join('');
    expect(again.match(/出庭应诉2次/g)).toHaveLength(1);
    core.close();
  });
});

describe('own and entrusted enforcement', () => {
  it('an entrusted penalty is never the township’s 行政处罚', async () => {
    const core = memoryCore();
    ok(await core.call('settings.update', { township: { name: '清河镇', authority: '清河镇人民政府' } }));
    const pen = { ...SAMPLES.inspections, outcome: 'penalty', penaltyKind: 'fine', penaltyAmount: 100 };
    for (let k = 0; k < 5; k++) ok(await core.call('inspections.create', { record: { ...pen, entrusted: false } }));
    for (let k = 0; k < 3; k++) ok(await core.call('inspections.create', { record: { ...pen, entrusted: true } }));
    const s = ok(await core.call('stats.year', { year: 2024 }));
    expect(s.enforcement).toEqual({ ownPenalties: 5, entrustedPenalties: 3, ownInspections: 5 });
    const body = ok(await core.call('report.model', { year: 2024 }))
      .sections[0].paragraphs.map((p) => p.text)
      .join('');
    expect(body).toContain('全年开展行政检查5次，另受委托实施行政检查3次');
    expect(body).toContain('全年作出行政处罚5件，受委托实施3件');
    expect(body).not.toMatch(/行政处罚8件/);
    core.close();
  });

  it('复议/诉讼 cases with their recorded outcome, or none', async () => {
    expect(['维持原行政行为', '复议机关决定纠正', '判决撤销', '法院审理中', '已办理'].map(caseOutcome)).toEqual(['维持', '纠正', '撤销', '审理中', null]);
    const core = memoryCore();
    ok(await core.call('settings.update', { township: { name: '清河镇', authority: '清河镇人民政府' } }));
    ok(await core.call('workItems.create', { record: { date: '2024-05-01', category: 'reconsideration', title: '复议案件', outcome: '复议机关决定纠正' } }));
    ok(await core.call('workItems.create', { record: { date: '2024-07-01', category: 'litigation', title: '诉讼案件', outcome: '审理中' } }));
    const body = ok(await core.call('report.model', { year: 2024 }))
      .sections[0].paragraphs.map((p) => p.text)
      .join('');
    expect(body).toContain('以镇政府为被申请人的行政复议案件1件，结果为纠正');
    expect(body).toContain('以镇政府为被告的行政诉讼案件1件，尚在审理中');
    expect(body).not.toContain('已依法办理');
    core.close();
  });
});

describe('审稿 lines name their record; appendix subtotals', () => {
  it('groups identical problems into one line listing the records (date and 检查对象)', async () => {
    const core = memoryCore();
    ok(await core.call('settings.update', { township: { name: '清河镇', authority: '清河镇人民政府' } }));
    const bad = { ...SAMPLES.inspections, outcome: 'penalty', penaltyKind: 'warning', penaltyAmount: 500, targetType: 'enterprise' };
    for (const [k, target] of ['甲公司', '乙公司', '丙公司'].entries())
      ok(await core.call('inspections.create', { record: { ...bad, date: `2024-0${k + 3}-01`, target } }));
    const m = ok(await core.call('report.model', { year: 2024 }));
    const lines = m.review.filter((r) => r.kind === 'penalty_amount_without_money');
    expect(lines).toHaveLength(1);
    expect(lines[0].message).toMatch(/^3条执法检查：处罚种类不是罚款或没收，却填了罚没金额/);
    expect(lines[0].message).toContain('2024-03-01 甲公司；2024-04-01 乙公司；2024-05-01 丙公司');
    core.close();
  });

  it('subtotals the 活动一览 by kind, periodicals apart, so the body’s 场次 can be found in it', async () => {
    const core = memoryCore();
    ok(await core.call('settings.update', { township: { name: '清河镇', authority: '清河镇人民政府' } }));
    const kinds = ['lecture', 'lecture', 'campaign', 'column'];
    for (const [k, kind] of kinds.entries()) ok(await core.call('activities.create', { record: { ...SAMPLES.activities, date: `2024-0${k + 1}-10`, kind } }));
    const m = ok(await core.call('report.model', { year: 2024, appendix: true }));
    const t = m.appendix.find((x) => x.key === 'activities')!;
    expect(t.subtotals?.map((r) => r[2])).toEqual(expect.arrayContaining(['法治讲座2场次', '集中宣传1场次', '普法宣传栏1期']));
    expect(t.total?.[2]).toBe('活动3场次，专栏、简报1期');
    expect(m.sections[0].paragraphs.map((p) => p.text).join('')).toContain('普法宣传活动3场次');
    core.close();
  });
});

describe('the clerk’s order', () => {
  it('the data package round-trips measureOrder and sectionOrder; a bad one is refused naming the field', async () => {
    const a = memoryCore();
    ok(await a.call('exchange.import', { content: fixturePackage('001_1434e00058375d6e') }));
    const p = ok(await a.call('years.getProfile', { year: 2023 }));
    expect(p.sectionOrder).toBe('leaderDutiesSecond');
    expect(p.measureOrder?.slice(0, 2)).toEqual(['leadership', 'decisions']);
    const content = ok(await a.call('exchange.export', {})).content;
    a.close();
    const b = memoryCore();
    ok(await b.call('exchange.import', { content }));
    const q = ok(await b.call('years.getProfile', { year: 2023 }));
    expect([q.sectionOrder, q.measureOrder]).toEqual([p.sectionOrder, p.measureOrder]);
    b.close();
    const pkg = JSON.parse(fixturePackage('001_1434e00058375d6e'));
    pkg.years[0].sectionOrder = 'leaderFirst';
    const c = memoryCore();
    const r = await c.call('exchange.import', { content: JSON.stringify(pkg) });
    expect(JSON.stringify(r)).toContain('sectionOrder');
    c.close();
  });

  it('measureOrder first, the areas it omits after it in the default order', () => {
    expect(orderedMeasureKeys(['mediation', 'leadership', 'nope', 'mediation'])).toEqual([
      'mediation',
      'leadership',
      'decisions',
      'enforcement',
      'publicity',
      'openness',
      'supervision',
      'other',
    ]);
  });
});

describe('one 成文日期 rule for three documents', () => {
  it('has each document’s window', () => {
    expect(documentWindow('report', 2023)).toEqual({ from: '2023-12-01', to: '2024-03-31' });
    expect(documentWindow('openness', 2023)).toEqual({ from: '2023-12-01', to: '2024-01-31' });
    expect(documentWindow('enforcement', 2023)).toEqual({ from: '2024-01-01', to: '2024-01-31' });
  });
  it('refuses a date before the window, warns after it', () => {
    expect(checkDocumentDate('report', 2023, '2022-05-01').refused).toContain('早于2023年12月1日');
    expect(checkDocumentDate('report', 2023, '2023-06-01').refused).toContain('早于2023年12月1日');
    expect(checkDocumentDate('report', 2023, '2024-04-02')).toEqual({ refused: null, warning: expect.stringContaining('晚于2024年3月31日') });
    expect(checkDocumentDate('openness', 2023, '2024-02-10').warning).toContain('晚于2024年1月31日');
    expect(checkDocumentDate('enforcement', 2023, '2023-12-20').refused).toContain('早于2024年1月1日');
    expect(documentDate('report', 2020, null, '2026-05-01').date).toBe('2021年\u3000\u3000月\u3000\u3000日');
  });
});
