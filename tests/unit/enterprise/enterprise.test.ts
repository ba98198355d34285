// 涉企行政检查 (issue 21): the fields and their checks, the migration of old 检查方式, the 设置 lists,
// visits counted against the cap, the rules broken, the 检查文书 and the plan, the package round trip.
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/index.ts';
import { MEASURE_BUILDERS } from '../../../electron/core/report/measures.ts';
import { townWords } from '../../../electron/core/report/phrases.ts';
import { emptyProfile } from '../../../electron/core/years/year-profiles.ts';
import { MIGRATIONS, migrate } from '../../../electron/core/db/migrations.ts';
import type { Core } from '../../../electron/core/index.ts';
import { createCore } from '../../../electron/core/index.ts';
import { creditCodeCheckChar, creditCodeProblem } from '../../../electron/shared/credit-code.ts';
import { countsAgainstCap, isEnterpriseInspection } from '../../../electron/core/enterprise/visits.ts';
import { enterpriseKey } from '../../../electron/shared/enterprise.ts';
import type { InspectionFields } from '../../../electron/shared/records.ts';
import { cliOutput, err, memoryCore, ok } from '../../helpers/core.ts';

/** a valid 统一社会信用代码 from 17 characters (the check character computed) */
const code = (first17: string) => `${first17}${creditCodeCheckChar(first17)}`;
const ACME = code('91350100M000100Y4');
const OTHER = code('92350100MA2XXXXX0');
const TODAY = '2025-12-01';

const two = [
  { name: '林志强', certNo: '35010001' },
  { name: '陈晓梅', certNo: '35010002' },
];
const fields = (over: Partial<InspectionFields> = {}) => ({
  date: '2025-03-10',
  field: 'work_safety',
  target: '永安市鑫达机械有限公司',
  targetType: 'enterprise',
  outcome: 'no_issue',
  inspectionType: 'daily',
  creditCode: ACME,
  itemCode: 'AQ-01',
  approvedBy: '王镇长',
  approvedOn: '2025-03-08',
  inspectorList: two,
  notifiedOn: '2025-03-12',
  ...over,
});
const rec = (over: Partial<InspectionFields> = {}) => ({ record: fields(over) });

async function setup(core: Core) {
  ok(await core.call('settings.update', { township: { name: '小陶镇', authority: '永安市小陶镇人民政府' } }));
  ok(
    await core.call('enterprise.saveItems', {
      items: [
        { code: 'AQ-01', name: '工贸企业安全生产检查', basis: '《中华人民共和国安全生产法》第六十五条', field: 'work_safety', yearlyCap: 2 },
        { code: 'XF-01', name: '消防安全检查', basis: '《中华人民共和国消防法》第五十三条', field: 'fire', yearlyCap: 3 },
      ],
    }),
  );
}

describe('统一社会信用代码 (GB 32100)', () => {
  it('accepts real codes and refuses a wrong check character, naming the field', () => {
    for (const c of ['91110108551385082Q', '91350100M000100Y43', '91110000802100433B']) expect(creditCodeProblem(c)).toBeNull();
    expect(creditCodeProblem('91110108551385082R')).toContain('「统一社会信用代码」');
    expect(creditCodeProblem('91110108551385082R')).toContain('应为“Q”');
    expect(creditCodeProblem('9111010855138508')).toContain('应为18位');
    expect(creditCodeProblem('91110108551385O82Q')).toContain('“O”');
  });

  it('the API refuses a record with a wrong code, naming 统一社会信用代码; lower case is stored in capitals', async () => {
    const core = memoryCore();
    const bad = err(await core.call('inspections.create', rec({ creditCode: '91350100M000100Y44' })));
    expect(bad.issues?.map((i) => i.field)).toEqual(['creditCode']);
    expect(bad.message + JSON.stringify(bad.issues)).toContain('统一社会信用代码');
    const r = ok(await core.call('inspections.create', rec({ creditCode: ACME.toLowerCase() })));
    expect(r.creditCode).toBe(ACME);
  });

  it('task source fits the type; 结果告知 not before the inspection', async () => {
    const core = memoryCore();
    expect(err(await core.call('inspections.create', rec({ inspectionType: 'special', taskSource: 'complaint' }))).issues?.[0].field).toBe('taskSource');
    expect(err(await core.call('inspections.create', rec({ inspectionType: 'case', taskSource: 'superior' }))).issues?.[0].field).toBe('taskSource');
    expect(err(await core.call('inspections.create', rec({ notifiedOn: '2025-03-01' }))).issues?.[0].field).toBe('notifiedOn');
    // a 日常检查 has no 任务来源: a stale one is cleared
    expect(ok(await core.call('inspections.create', rec({ inspectionType: 'daily', taskSource: 'own' }))).taskSource).toBeNull();
  });
});

describe('migration 21', () => {
  it('derives 检查类型 and 任务来源 from the old 检查方式, keeping 检查方式 (联合检查) and the inspectors text', () => {
    const db = new Database(':memory:');
    migrate(db, { migrations: MIGRATIONS.filter((m) => m.version < 21) });
    const insert = db.prepare(
      `INSERT INTO inspections (id, date, field, mode, target, inspectors, outcome, updated_at)
       VALUES (?, '2024-05-01', 'fire', ?, '某商店', '张三（证号123）、李四', 'no_issue', '2024-05-01T00:00:00Z')`,
    );
    for (const [id, mode] of [
      ['a', 'routine'],
      ['b', 'special'],
      ['c', 'joint'],
      ['d', 'complaint'],
      ['e', null],
    ])
      insert.run(id, mode);
    migrate(db);
    const rows = db.prepare('SELECT id, mode, inspection_type, task_source, inspectors FROM inspections ORDER BY id').all();
    expect(rows).toEqual([
      { id: 'a', mode: 'routine', inspection_type: 'daily', task_source: null, inspectors: '张三（证号123）、李四' },
      { id: 'b', mode: 'special', inspection_type: 'special', task_source: null, inspectors: '张三（证号123）、李四' },
      { id: 'c', mode: 'joint', inspection_type: null, task_source: null, inspectors: '张三（证号123）、李四' },
      { id: 'd', mode: 'complaint', inspection_type: 'case', task_source: 'complaint', inspectors: '张三（证号123）、李四' },
      { id: 'e', mode: null, inspection_type: null, task_source: null, inspectors: '张三（证号123）、李四' },
    ]);
  });
});

describe('设置: 执法人员 and 检查事项清单, 年度检查计划', () => {
  it('keeps the lists and refuses bad entries, naming them', async () => {
    const core = memoryCore();
    expect(ok(await core.call('enterprise.saveOfficers', { officers: [...two, { name: '周网格', certNo: '' }] }))).toEqual([
      ...two,
      { name: '周网格', certNo: null },
    ]);
    const dup = err(await core.call('enterprise.saveOfficers', { officers: [two[0], two[0]] }));
    expect(dup.message).toContain('执法人员名单第2人“林志强”重复');
    const badCap = err(await core.call('enterprise.saveItems', { items: [{ code: 'X', name: '某事项', yearlyCap: -1 }] }));
    expect(badCap.message).toContain('检查事项清单第1项的「年度检查上限」');
    await setup(core);
    expect(ok(await core.call('enterprise.items', {})).map((i) => [i.code, i.yearlyCap])).toEqual([
      ['AQ-01', 2],
      ['XF-01', 3],
    ]);
    const plan = ok(
      await core.call('enterprise.savePlan', {
        year: 2025,
        rows: [{ itemCode: 'AQ-01', scope: '辖区工贸企业', months: '3、9月', planned: 40, manner: '双随机' }],
      }),
    );
    expect(plan).toEqual([{ itemCode: 'AQ-01', scope: '辖区工贸企业', months: [3, 9], planned: 40, manner: 'random' }]);
    const notListed = err(await core.call('enterprise.savePlan', { year: 2025, rows: [{ itemCode: 'ZZ-9', months: [13] }] }));
    expect(notListed.message).toContain('“ZZ-9”不在检查事项清单中');
    expect(notListed.message).toContain('「实施月份」应为1—12月');
  });

  it("imports the 检查事项清单 from an Excel sheet with the county's headers", async () => {
    const core = memoryCore();
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('清单');
    ws.addRow(['小陶镇涉企行政检查事项清单']);
    ws.addRow(['序号', '事项编码', '检查事项名称', '设定依据', '所属领域', '年度检查上限（次）']);
    ws.addRow([1, 'AQ-01', '工贸企业安全生产检查', '《安全生产法》第六十五条', '安全生产', 2]);
    ws.addRow([2, 'SP-01', '小餐饮食品安全检查', '《食品安全法》第一百一十条', '食品安全', '']);
    const base64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const items = ok(await core.call('enterprise.importItems', { base64 }));
    expect(items).toEqual([
      { code: 'AQ-01', name: '工贸企业安全生产检查', basis: '《安全生产法》第六十五条', field: 'work_safety', yearlyCap: 2 },
      { code: 'SP-01', name: '小餐饮食品安全检查', basis: '《食品安全法》第一百一十条', field: 'food', yearlyCap: null },
    ]);
    ws.addRow([3, 'AQ-01', '重复的', '', '安全生产', 1]);
    const again = err(await core.call('enterprise.importItems', { base64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') }));
    expect(again.message).toContain('“AQ-01”重复');
    expect(ok(await core.call('enterprise.items', {}))).toHaveLength(2); // nothing half-written
  });
});

describe('what counts', () => {
  it('日常, 个案 and 本级专项 count against the cap; 上级部署的专项 and 巡查 never', () => {
    const r = (inspectionType: string | null, taskSource: string | null = null, mode: string | null = null) =>
      countsAgainstCap({ ...fields({ inspectionType, taskSource } as Partial<InspectionFields>), mode } as Parameters<typeof countsAgainstCap>[0]);
    expect([r('daily'), r('case', 'complaint'), r('special', 'own'), r('special', null), r(null)]).toEqual([true, true, true, true, true]);
    expect([r('special', 'superior'), r('daily', null, 'patrol')]).toEqual([false, false]);
  });

  it('an enterprise or 个体工商户 (or any record with a credit code) is inspected as one; villages and schools are not', () => {
    const e = (targetType: string | null, creditCode: string | null = null, inspectionType: string | null = null) =>
      isEnterpriseInspection({ targetType, creditCode, inspectionType } as Parameters<typeof isEnterpriseInspection>[0]);
    expect([e('enterprise'), e('individual'), e('village', ACME), e(null, null, 'daily')]).toEqual([true, true, true, true]);
    expect([e('village'), e('school'), e(null)]).toEqual([false, false, false]);
    // one enterprise: its code, else its name written either way
    expect(enterpriseKey(ACME.toLowerCase(), '甲')).toBe(enterpriseKey(ACME, '乙'));
    expect(enterpriseKey(null, '老李（城关） 餐馆')).toBe(enterpriseKey(null, '老李(城关)餐馆'));
  });
});

describe('visits per enterprise and the rules', () => {
  let core: Core;
  beforeEach(async () => {
    core = memoryCore();
    await setup(core);
  });

  it('three visits under a cap of 2 are over; 上级部署的专项 and 巡查 do not count; the name stands in for a missing code', async () => {
    for (const date of ['2025-03-10', '2025-06-10', '2025-09-10']) ok(await core.call('inspections.create', rec({ date, approvedOn: date, notifiedOn: date })));
    ok(
      await core.call(
        'inspections.create',
        rec({ date: '2025-10-10', approvedOn: '2025-10-10', notifiedOn: '2025-10-10', inspectionType: 'special', taskSource: 'superior' }),
      ),
    );
    // another enterprise without a code, its name written two ways: one enterprise
    const other = { creditCode: null, target: '小陶镇（城关）老李 餐馆', targetType: 'individual' as const, itemCode: 'XF-01' };
    ok(await core.call('inspections.create', rec({ ...other, date: '2025-04-01', approvedOn: '2025-04-01', notifiedOn: '2025-04-01' })));
    ok(
      await core.call(
        'inspections.create',
        rec({ ...other, target: '小陶镇(城关)老李餐馆', date: '2025-05-01', approvedOn: '2025-05-01', notifiedOn: '2025-05-01' }),
      ),
    );
    // a village is not an enterprise
    ok(await core.call('inspections.create', rec({ creditCode: null, target: '岭头村', targetType: 'village' })));
    const v = ok(await core.call('enterprise.visits', { year: 2025, date: TODAY }));
    expect(v.enterprises).toEqual([
      { creditCode: ACME, name: '永安市鑫达机械有限公司', count: 3, cap: 2, over: true },
      { creditCode: null, name: '小陶镇(城关)老李餐馆', count: 2, cap: 3, over: false },
    ]);
    expect(v.problems).toEqual([]);
  });

  it('the form is warned before the visit that passes the cap', async () => {
    for (const date of ['2025-03-10', '2025-06-10']) ok(await core.call('inspections.create', rec({ date, approvedOn: date, notifiedOn: date })));
    const third = ok(
      await core.call('enterprise.visitCheck', {
        date: '2025-09-01',
        target: '鑫达机械',
        creditCode: ACME,
        targetType: 'enterprise',
        inspectionType: 'daily',
        itemCode: 'AQ-01',
      }),
    );
    expect(third).toMatchObject({ counted: true, count: 3, cap: 2, over: true });
    expect(third.message).toContain('第3次检查，超过检查事项清单规定的每年2次上限');
    const superior = ok(
      await core.call('enterprise.visitCheck', { date: '2025-09-01', target: '鑫达机械', creditCode: ACME, inspectionType: 'special', taskSource: 'superior' }),
    );
    expect(superior).toMatchObject({ counted: false, over: false });
    const nextYear = ok(await core.call('enterprise.visitCheck', { date: '2026-01-05', target: '鑫达机械', creditCode: ACME, itemCode: 'AQ-01' }));
    expect(nextYear).toMatchObject({ count: 1, over: false });
  });

  it('each rule broken is one problem naming the date and 检查对象', async () => {
    const one = ok(await core.call('inspections.create', rec({ inspectorList: [{ name: '周网格', certNo: null }] })));
    const late = ok(await core.call('inspections.create', rec({ date: '2025-04-01', approvedOn: '2025-04-02', notifiedOn: '2025-04-20' })));
    const untold = ok(await core.call('inspections.create', rec({ date: '2025-11-01', approvedOn: null, approvedBy: null, notifiedOn: null, itemCode: null })));
    const fresh = ok(await core.call('inspections.create', rec({ date: '2025-11-28', approvedOn: '2025-11-27', notifiedOn: null })));
    const v = ok(await core.call('enterprise.visits', { year: 2025, date: TODAY }));
    const of = (id: string) => v.problems.filter((p) => p.id === id).map((p) => p.message);
    expect(of(one.id)).toEqual([
      '2025-03-10 检查“永安市鑫达机械有限公司”：持执法证的执法人员不足两名（登记1人，持证0人）；网格员、辅助人员只能协助，不能实施检查',
    ]);
    expect(of(late.id)).toEqual([
      '2025-04-01 检查“永安市鑫达机械有限公司”：审批日期 2025-04-02 晚于检查日期（事后补批，须为紧急情况并在备注中说明）',
      '2025-04-01 检查“永安市鑫达机械有限公司”：检查结果于 2025-04-20 告知，超过检查后7日',
    ]);
    expect(of(untold.id)).toEqual([
      '2025-11-01 检查“永安市鑫达机械有限公司”：未登记审批人和审批日期（检查应事先报批）',
      '2025-11-01 检查“永安市鑫达机械有限公司”：检查结果未在7日内告知企业（未登记结果告知日期）',
      '2025-11-01 检查“永安市鑫达机械有限公司”：未登记检查事项（应为检查事项清单中的一项）',
      '2025-11-01 检查“永安市鑫达机械有限公司”：未登记检查依据',
    ]);
    // told within 7 days is still possible: no problem yet
    expect(of(fresh.id)).toEqual([]);
  });

  it('an officer listed in 设置 with a certificate counts as certified; 事项 outside the 清单 and a missing basis are named', async () => {
    ok(await core.call('enterprise.saveOfficers', { officers: two }));
    const r = ok(await core.call('inspections.create', rec({ inspectorList: [{ name: '林志强' }, { name: '陈晓梅' }], itemCode: 'NOPE' })));
    const v = ok(await core.call('enterprise.visits', { year: 2025, date: TODAY }));
    expect(v.problems.filter((p) => p.id === r.id).map((p) => p.message.replace(/^.*：/, ''))).toEqual(['检查事项“NOPE”不在检查事项清单中', '未登记检查依据']);
  });
});

describe('CLI, 文书, plan, reminders, package', () => {
  const cli = cliOutput();

  it('enterprise-visits, inspection-doc and inspection-plan from the command line', async () => {
    const db = `${cli.dir}/ledger.db`;
    const core = createCore({ dbPath: db, now: () => new Date('2025-12-01T02:00:00Z') });
    await setup(core);
    const ids: string[] = [];
    for (const date of ['2025-03-10', '2025-06-10', '2025-09-10'])
      ids.push(
        ok(
          await core.call(
            'inspections.create',
            rec({ date, approvedOn: date, notifiedOn: date, issuesFound: 2, issuesRectified: 1, outcome: 'rectification' }),
          ),
        ).id,
      );
    ok(await core.call('inspections.create', rec({ target: '永安市另一家公司', creditCode: OTHER, inspectorList: [{ name: '周网格', certNo: null }] })));
    ok(
      await core.call(
        'inspections.create',
        rec({ target: '不相干的公司', creditCode: null, date: '2025-05-05', approvedOn: '2025-05-05', notifiedOn: '2025-05-05' }),
      ),
    );
    ok(
      await core.call('enterprise.savePlan', {
        year: 2025,
        rows: [{ itemCode: 'AQ-01', scope: '辖区工贸企业', months: [3, 9], planned: 40, manner: 'random' }],
      }),
    );
    core.close();

    expect(await runCli(['enterprise-visits', '--year', '2025', '--date', TODAY, '--json', '--db', db])).toBe(0);
    const json = JSON.parse(cli.out.join('\n')) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['enterprises', 'problems']);
    expect((json.enterprises as unknown[])[0]).toEqual({ creditCode: ACME, name: '永安市鑫达机械有限公司', count: 3, cap: 2, over: true });
    expect(json.problems).toEqual([{ id: expect.any(String), message: expect.stringContaining('持执法证的执法人员不足两名') }]);

    const file = `${cli.dir}/record.docx`;
    expect(await runCli(['inspection-doc', '--id', ids[1], '--kind', 'record', '--out', file, '--db', db])).toBe(0);
    const xml = await (await JSZip.loadAsync(readFileSync(file))).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    for (const s of [
      '永安市小陶镇人民政府',
      '现场检查笔录',
      '林志强（执法证号：35010001）',
      '陈晓梅（执法证号：35010002）',
      '工贸企业安全生产检查（AQ-01）',
      '《中华人民共和国安全生产法》第六十五条',
      '现场检查发现问题（隐患）2处',
      '2025年6月10日',
    ])
      expect(text).toContain(s);
    // nothing of another inspection
    for (const s of ['2025年3月10日', '不相干的公司', '永安市另一家公司']) expect(text).not.toContain(s);
    expect(xml).toContain('仿宋_GB2312');
    expect(xml).toMatch(/w:w="11906" w:h="16838"/);
    expect(await runCli(['inspection-doc', '--id', ids[0], '--kind', 'letter', '--out', file, '--db', db])).toBe(2);

    for (const kind of ['approval', 'result'])
      expect(await runCli(['inspection-doc', '--id', ids[0], '--kind', kind, '--out', `${cli.dir}/${kind}.docx`, '--db', db])).toBe(0);
    const result = (await (await JSZip.loadAsync(readFileSync(`${cli.dir}/result.docx`))).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(result).toContain('行政检查结果告知书');
    expect(result).toContain('已责令你单位限期整改，目前已整改1处');
    const approval = (await (await JSZip.loadAsync(readFileSync(`${cli.dir}/approval.docx`))).file('word/document.xml')!.async('string')).replace(
      /<[^>]+>/g,
      '',
    );
    expect(approval).toContain('审批人：王镇长');

    expect(await runCli(['inspection-plan', '--year', '2025', '--out', `${cli.dir}/plan.docx`, '--db', db])).toBe(0);
    const plan = (await (await JSZip.loadAsync(readFileSync(`${cli.dir}/plan.docx`))).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    for (const s of ['2025年度涉企行政检查计划', '工贸企业安全生产检查', '辖区工贸企业', '3、9月', '双随机', '工贸企业安全生产检查每年2次'])
      expect(plan).toContain(s);
  });

  it('does not remind a township that keeps no 涉企行政检查 here (no 检查事项清单, no plan last year)', async () => {
    const core = memoryCore();
    expect(ok(await core.call('enterprise.reminders', { date: '2026-03-20' }))).toEqual([]);
    expect(ok(await core.call('enterprise.reminders', { date: '2026-12-06' }))).toEqual([]);
    ok(await core.call('enterprise.savePlan', { year: 2025, rows: [{ itemCode: 'AQ-01', planned: 4 }] }));
    expect(ok(await core.call('enterprise.reminders', { date: '2026-03-20' })).map((r) => r.title)).toEqual(['3月31日前：制定并报送2026年度涉企行政检查计划']);
    core.close();
  });

  it('reminds of the plan before 3月31日 and after it while none is filed, and of the caps and rules', async () => {
    const core = memoryCore();
    await setup(core);
    const march = ok(await core.call('enterprise.reminders', { date: '2026-03-20' }));
    expect(march.map((r) => [r.title, r.level, r.detail])).toEqual([['3月31日前：制定并报送2026年度涉企行政检查计划', 'soon', '还有11天']]);
    expect(ok(await core.call('enterprise.reminders', { date: '2026-02-01' }))).toEqual([]);
    expect(ok(await core.call('enterprise.reminders', { date: '2026-04-02' }))[0]).toMatchObject({
      level: 'overdue',
      detail: '已逾期2天，尚未填写2026年检查计划',
    });
    ok(await core.call('enterprise.savePlan', { year: 2026, rows: [{ itemCode: 'AQ-01', planned: 10 }] }));
    for (const date of ['2026-03-10', '2026-03-11', '2026-03-12']) ok(await core.call('inspections.create', rec({ date, approvedOn: date, notifiedOn: date })));
    ok(await core.call('inspections.create', rec({ date: '2026-03-13', approvedOn: '2026-03-13', notifiedOn: '2026-03-13', inspectorList: [] })));
    const after = ok(await core.call('enterprise.reminders', { date: '2026-04-02' }));
    expect(after.map((r) => r.title)).toEqual(['“永安市鑫达机械有限公司”今年已被检查4次，超过每年2次上限', '2026年有1次涉企行政检查不符合规范（1处）']);
    // and the CLI's reminders list them with the others
    const db = `${cli.dir}/r.db`;
    const c2 = createCore({ dbPath: db });
    await setup(c2);
    c2.close();
    expect(await runCli(['reminders', '--date', '2026-03-20', '--db', db])).toBe(0);
    expect(cli.out.join('\n')).toContain('3月31日前：制定并报送2026年度涉企行政检查计划');
  });

  it("a package with the new fields, the 检查事项清单 and a year's plan round-trips", async () => {
    const a = memoryCore();
    await setup(a);
    ok(
      await a.call('enterprise.savePlan', { year: 2025, rows: [{ itemCode: 'AQ-01', scope: '辖区工贸企业', months: [3, 9], planned: 40, manner: 'random' }] }),
    );
    const made = ok(
      await a.call(
        'inspections.create',
        rec({ inspectionType: 'case', taskSource: 'complaint', basis: '《安全生产法》第六十五条', scanCode: 'FJ-2025-000123', notes: '联合检查' }),
      ),
    );
    const pkg = ok(await a.call('exchange.export', { year: 2025 }));
    const data = JSON.parse(pkg.content) as {
      inspectionItems: unknown[];
      years: { year: number; inspectionPlan?: unknown }[];
      inspections: Record<string, unknown>[];
    };
    expect(data.inspectionItems).toHaveLength(2);
    expect(data.years.find((y) => y.year === 2025)?.inspectionPlan).toEqual([
      { itemCode: 'AQ-01', scope: '辖区工贸企业', months: [3, 9], planned: 40, manner: 'random' },
    ]);
    expect(data.inspections[0]).toMatchObject({
      inspectionType: 'case',
      taskSource: 'complaint',
      creditCode: ACME,
      inspectorList: two,
      scanCode: 'FJ-2025-000123',
    });

    const b = memoryCore();
    const report = ok(await b.call('exchange.import', { content: pkg.content }));
    expect(report.applied).toBe(true);
    const back = ok(await b.call('inspections.get', { id: made.id }));
    expect({ ...back, updatedAt: null }).toEqual({ ...made, updatedAt: null });
    expect(ok(await b.call('enterprise.items', {}))).toEqual(ok(await a.call('enterprise.items', {})));
    expect(ok(await b.call('enterprise.plan', { year: 2025 }))).toEqual(ok(await a.call('enterprise.plan', { year: 2025 })));
    const again = JSON.parse(ok(await b.call('exchange.export', { year: 2025 })).content) as Record<string, unknown>;
    for (const k of ['inspectionItems', 'inspections']) expect(again[k]).toEqual((data as unknown as Record<string, unknown>)[k]);

    // a wrong credit code in a package is refused, naming the field; nothing is written
    const bad = JSON.parse(pkg.content) as { inspections: Record<string, unknown>[] };
    bad.inspections[0].creditCode = '91350100M000100Y44';
    bad.inspections[0].id = 'other';
    const c = memoryCore();
    const refused = ok(await c.call('exchange.import', { content: JSON.stringify(bad) }));
    expect(refused.applied).toBe(false);
    expect(refused.issues.map((i) => i.message).join()).toContain('统一社会信用代码');
    expect(ok(await c.call('enterprise.items', {}))).toEqual([]);
  });
});

describe('the 法治政府 report', () => {
  it("states the year's 涉企行政检查 and its 同比, 巡查 and villages left out", async () => {
    const core = memoryCore();
    const add = async (date: string, over: Partial<InspectionFields> = {}) =>
      ok(await core.call('inspections.create', rec({ date, approvedOn: date, notifiedOn: date, ...over })));
    for (let k = 1; k <= 10; k++) await add(`2024-${String(k).padStart(2, '0')}-10`);
    for (let k = 1; k <= 12; k++) await add(`2025-${String(k).padStart(2, '0')}-0${(k % 3) + 1}`);
    await add('2025-07-20', { creditCode: null, target: '岭头村', targetType: 'village', inspectionType: null });
    await add('2025-08-20', { creditCode: null, target: '东溪村', targetType: 'village', inspectionType: null });
    const s = ok(await core.call('stats.year', { year: 2025 }));
    expect([s.inspections.total, s.inspections.enterprise, s.inspections.previousEnterprise]).toEqual([14, 12, 10]);
    const text = MEASURE_BUILDERS.find((b) => b.key === 'enforcement')!
      .build({ stats: s, profile: emptyProfile(2025), approximate: true, town: townWords('小陶镇') })
      .sentences.join('');
    expect(text).toContain('其中涉企行政检查12次，同比增长20%。');
  });
});

describe('backups', () => {
  it('a restored backup keeps the officers, the 检查事项清单 and the plans; a bad value is ignored, said so', async () => {
    const { rebuildLedger } = await import('../../../electron/core/backup/rebuild.ts');
    const { tempDir } = await import('../../helpers/core.ts');
    const t = tempDir();
    try {
      const src = `${t.dir}/src.db`;
      const core = createCore({ dbPath: src });
      await setup(core);
      ok(await core.call('enterprise.saveOfficers', { officers: two }));
      ok(await core.call('enterprise.savePlan', { year: 2025, rows: [{ itemCode: 'AQ-01', months: [3], planned: 5, manner: 'key' }] }));
      core.ctx.db.prepare("INSERT INTO settings (key, value) VALUES ('inspectionPlan:2024', '[{\"months\": [13]}]')").run();
      core.close();
      const { db, summary } = rebuildLedger(src, `${t.dir}/target.db`, { blobs: new Map(), dataDir: t.dir, now: new Date('2026-01-01T00:00:00Z') });
      const read = (key: string) => JSON.parse((db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string }).value) as unknown;
      expect(read('inspectionOfficers')).toEqual(two);
      expect((read('inspectionItems') as { code: string }[]).map((i) => i.code)).toEqual(['AQ-01', 'XF-01']);
      expect(read('inspectionPlan:2025')).toEqual([{ itemCode: 'AQ-01', scope: null, months: [3], planned: 5, manner: 'key' }]);
      expect(db.prepare("SELECT COUNT(*) AS n FROM settings WHERE key = 'inspectionPlan:2024'").get()).toEqual({ n: 0 });
      expect(JSON.stringify(summary)).toContain('设置项“inspectionPlan:2024”的值无效，已忽略');
      db.close();
    } finally {
      t.cleanup();
    }
  });
});
