// 政务公开年报: the counting rules of table 三, the agreement checks with the 法治政府 report,
// the shared fixture through the acceptance checker, the CLI, and privacy.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { parseArgs } from '../../../electron/shared/cli-args.ts';
import { opennessCommand } from '../../../electron/cli/commands/openness.ts';
import type { Core } from '../../../electron/core/index.ts';
import { agreementChecks, opennessReview, statedDisclosure, table3Issues } from '../../../electron/core/openness/checks.ts';
import { countTable3, rowOf, type OpennessFigures } from '../../../electron/core/openness/figures.ts';
import { emptyOpenness } from '../../../electron/shared/openness.ts';
import { replyLateness, workingDaysBetween } from '../../../electron/shared/workdays.ts';
import { err, FIXTURES_DIR, memoryCore, ok, tempDir } from '../../helpers/core.ts';

const tmp = tempDir('fazhi-openness-');
afterAll(() => tmp.cleanup());
const FIXTURE = join(FIXTURES_DIR, 'openness-2025');
const pkg = () => readFileSync(join(FIXTURE, 'package.json'), 'utf8');
const TOWNSHIP = { name: '青石镇', authority: '临川县青石镇人民政府', superior: '临川县' };

async function coreWith(requests: Record<string, unknown>[], extra: (c: Core) => Promise<void> = async () => undefined) {
  const core = memoryCore();
  ok(await core.call('settings.update', { township: TOWNSHIP }));
  for (const r of requests) ok(await core.call('disclosureRequests.create', { record: { applicantType: 'natural', subject: '申请公开信息', ...r } }));
  await extra(core);
  return core;
}
const table = async (core: Core, year = 2025) => ok(await core.call('openness.model', { year })).tables.three;
const col = (t: Awaited<ReturnType<typeof table>>, key: string) => rowOf(t, key);

describe('table 三 counting rules', () => {
  it('a request received last year and answered this year: 上年结转 and 办理结果 of this year, not of last year', async () => {
    const core = await coreWith([{ receivedOn: '2024-12-20', result: 'disclosed', resultOn: '2025-01-10' }]);
    const t25 = await table(core, 2025);
    expect(col(t25, 'received')[6]).toBe(0);
    expect(col(t25, 'carried')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(col(t25, 'disclosed')[0]).toBe(1);
    expect(col(t25, 'concluded')[6]).toBe(1);
    expect(col(t25, 'carryForward')[6]).toBe(0);
    const t24 = await table(core, 2024);
    expect(col(t24, 'received')[6]).toBe(1);
    expect(col(t24, 'concluded')[6]).toBe(0);
    expect(col(t24, 'carryForward')[6]).toBe(1);
    core.close();
  });

  it('a request answered after 31 December: 新收 and 结转下年度, not among this year’s results', async () => {
    const core = await coreWith([{ receivedOn: '2025-12-28', applicantType: 'business', result: 'partial', resultOn: '2026-01-05' }]);
    const t = await table(core);
    expect(col(t, 'received')).toEqual([0, 1, 0, 0, 0, 0, 1]);
    expect(col(t, 'partial')[6]).toBe(0);
    expect(col(t, 'concluded')[6]).toBe(0);
    expect(col(t, 'carryForward')).toEqual([0, 1, 0, 0, 0, 0, 1]);
    core.close();
  });

  it('a request in the 回收站 counts nowhere, and counts again once restored', async () => {
    const core = await coreWith([
      { receivedOn: '2025-03-01', result: 'disclosed', resultOn: '2025-03-10' },
      { receivedOn: '2025-04-01', result: 'rejected_repeat', resultOn: '2025-04-02' },
    ]);
    const list = ok(await core.call('disclosureRequests.list', { year: 2025 }));
    const gone = list.items.find((r) => r.result === 'rejected_repeat')!;
    ok(await core.call('disclosureRequests.delete', { id: gone.id }));
    let t = await table(core);
    expect(col(t, 'received')[6]).toBe(1);
    expect(col(t, 'rejected_repeat')[6]).toBe(0);
    expect(col(t, 'concluded')[6]).toBe(1);
    ok(await core.call('disclosureRequests.restore', { id: gone.id }));
    t = await table(core);
    expect(col(t, 'rejected_repeat')[6]).toBe(1);
    core.close();
  });

  it('identical requests (same dates, applicant type and result) each count, in table 三 and in the late-reply warning', async () => {
    const same = { receivedOn: '2025-03-03', applicantType: 'business', result: 'disclosed', resultOn: '2025-05-20' };
    const core = await coreWith([same, same, same, { receivedOn: '2025-03-03', applicantType: 'natural' }]);
    const t = await table(core);
    expect(col(t, 'received')).toEqual([1, 3, 0, 0, 0, 0, 4]);
    expect(col(t, 'disclosed')).toEqual([0, 3, 0, 0, 0, 0, 3]);
    const m = ok(await core.call('openness.model', { year: 2025 }));
    expect(m.warnings.find((w) => w.id === 'openness.requests.overdue')?.message).toContain('有3件');
    core.close();
  });

  it('a request concluded before the year and one received after it are not in the year at all', () => {
    const t = countTable3(
      [
        { receivedOn: '2024-11-01', applicantType: 'natural', result: 'disclosed', resultOn: '2024-11-20' },
        { receivedOn: '2026-01-03', applicantType: 'natural', result: null, resultOn: null },
        { receivedOn: '2023-06-01', applicantType: 'other_org', result: null, resultOn: null },
      ],
      2025,
    );
    expect(rowOf(t, 'received')[6]).toBe(0);
    expect(rowOf(t, 'carried')).toEqual([0, 0, 0, 0, 0, 1, 1]);
    expect(rowOf(t, 'carryForward')).toEqual([0, 0, 0, 0, 0, 1, 1]);
    expect(table3Issues(t, 2025)).toEqual([]);
  });

  it('the request form refuses a reply before receipt, a result without 答复日期 and a date without a result', async () => {
    const core = await coreWith([]);
    const e = (r: Record<string, unknown>) => core.call('disclosureRequests.create', { record: { receivedOn: '2025-03-05', applicantType: 'natural', ...r } });
    const bad1 = await e({ result: 'disclosed', resultOn: '2025-03-01' });
    expect(!bad1.ok && bad1.error.message).toContain('答复日期不能早于收到申请日期');
    const bad2 = await e({ result: 'disclosed' });
    expect(!bad2.ok && bad2.error.issues).toEqual([{ field: 'resultOn', message: '已选择办理结果的申请，须填写答复日期' }]);
    const bad3 = await e({ resultOn: '2025-03-10' });
    expect(!bad3.ok && bad3.error.issues?.[0].field).toBe('result');
    const pending = ok(await e({}));
    expect(pending.result).toBeNull();
    core.close();
  });
});

describe('the 《条例》 reply period', () => {
  it('counts working days after receipt, skipping weekends and the 2025 Spring Festival, counting 调休 Saturdays', () => {
    expect(workingDaysBetween('2025-03-03', '2025-03-31')).toBe(20); // Mon → Mon four weeks later
    // 2025-01-27 (Mon) to 2025-02-10 (Mon): 1-27 is receipt; 1-28…2-4 holiday; 2-8 (Sat) a working day
    expect(workingDaysBetween('2025-01-27', '2025-02-10')).toBe(5);
  });
  it('warns beyond 20 working days and beyond the 40-day maximum, not within', () => {
    expect(replyLateness('2025-03-03', '2025-03-31', '2025-12-01')?.message).toBeNull();
    expect(replyLateness('2025-03-03', '2025-04-02', '2025-12-01')).toMatchObject({ level: 'extended', days: 22 });
    expect(replyLateness('2025-03-03', '2025-05-20', '2025-12-01')?.level).toBe('overdue');
    expect(replyLateness('2025-11-03', null, '2025-12-31')?.message).toContain('仍未答复');
  });
});

describe('agreement checks between the two reports', () => {
  const base = (): OpennessFigures => ({
    year: 2025,
    tables: {
      two: { normative: { issued: 0, repealed: 0, inForce: 0 }, licenses: 0, penalties: 2, coercions: 0, feesWan: 0 },
      three: countTable3([{ receivedOn: '2025-03-01', applicantType: 'natural', result: 'disclosed', resultOn: '2025-03-05' }], 2025),
      four: [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1],
    },
    penalties: { own: 2, entrusted: 0, total: 2 },
    disclosure: 51,
    reconsiderations: 1,
    litigations: 1,
    requests: [],
  });
  const law = { penalties: 2, disclosure: 51, reconsiderations: 1, litigations: 1, normativeReviews: 0 };
  const ids = (items: { id: string }[]) => items.map((i) => i.id);

  it('agree: no item', () => {
    expect(agreementChecks(base(), emptyOpenness(), law, null)).toEqual([]);
  });

  it('table 三: a column whose 一+二 differs from 三+四, a wrong 总计 and a wrong （七）总计 are each named with both figures', () => {
    const f = base();
    rowOf(f.tables.three, 'received')[0] = 3; // 自然人 新收 3, total column still 1
    const items = table3Issues(f.tables.three, 2025);
    expect(items.find((i) => i.id === 'openness.table3.identity.0')?.message).toBe(
      '表三“自然人”列勾稽不符：本年新收3件 + 上年结转0件 = 3件，办理结果总计1件 + 结转下年度0件 = 1件。',
    );
    expect(items.find((i) => i.id === 'openness.table3.total.received')?.message).toContain('总计为1件，六类申请人之和为3件');
    const g = base();
    rowOf(g.tables.three, 'concluded')[1] = 1;
    expect(ids(table3Issues(g.tables.three, 2025))).toContain('openness.table3.concluded.1');
    expect(table3Issues(g.tables.three, 2025).every((i) => i.severity === 'error' && i.link?.path === '/disclosure-requests')).toBe(true);
  });

  it('行政处罚: a 受委托 penalty explains the difference (warning, link to those records); any other difference is an error', () => {
    const f = base();
    f.penalties = { own: 2, entrusted: 1, total: 3 };
    const [w] = agreementChecks(f, emptyOpenness(), { ...law, penalties: 3 }, null);
    expect(w).toMatchObject({ id: 'openness.penalties', severity: 'warning' });
    expect(w.message).toContain('政务公开年报表二为2件');
    expect(w.message).toContain('《法治政府建设情况报告》写3件');
    expect(w.link?.query).toEqual({ year: '2025', 'f.outcome': 'penalty', 'f.entrusted': 'true' });
    const [e] = agreementChecks(base(), emptyOpenness(), { ...law, penalties: 5 }, null);
    expect(e).toMatchObject({ id: 'openness.penalties', severity: 'error' });
  });

  it('主动公开: part 一 as the clerk wrote it against the ledger and the 法治政府 report', () => {
    const o = emptyOpenness();
    o.narrative.overview = '（一）主动公开。全年通过门户网站主动公开政府信息48条。';
    expect(statedDisclosure(o.narrative.overview)).toBe(48);
    const [e] = agreementChecks(base(), o, law, null);
    expect(e.id).toBe('openness.disclosure.text');
    expect(e.message).toBe(
      '主动公开政府信息：“一、总体情况”写48条，台账“政务公开”事项合计51条，《法治政府建设情况报告》写51条。请改正文字或台账，使两份报告一致。',
    );
    expect(e.link?.query['f.category']).toBe('disclosure');
    o.narrative.overview = '全年主动公开政府信息51条。';
    expect(agreementChecks(base(), o, law, null)).toEqual([]);
    o.narrative.overview = '全年做好政务公开工作。';
    expect(agreementChecks(base(), o, law, null)[0]).toMatchObject({ id: 'openness.disclosure.text', severity: 'warning' });
  });

  it('复议/诉讼 on 政府信息公开 may not exceed the year’s 复议/诉讼 cases', () => {
    const items = agreementChecks(base(), emptyOpenness(), { ...law, reconsiderations: 0, litigations: 0 }, null);
    expect(ids(items)).toEqual(['openness.review', 'openness.litigation']);
    expect(items[0].message).toContain('表四政府信息公开行政复议1件，多于《法治政府建设情况报告》统计的全年行政复议案件0件');
    expect(items[1].message).toContain('行政诉讼1件（未经复议直接起诉0件、复议后起诉1件）');
  });

  it('规范性文件: more issued than the 法治政府 report’s 合法性审查, or fewer in force than issued less repealed', () => {
    const f = base();
    f.tables.two.normative = { issued: 3, repealed: 0, inForce: 2 };
    const items = agreementChecks(f, emptyOpenness(), { ...law, normativeReviews: 2 }, null);
    expect(ids(items)).toEqual(['openness.normative', 'openness.normative.inForce']);
    expect(items[0].message).toContain('本年制发行政规范性文件3件，《法治政府建设情况报告》写规范性文件合法性审查2份');
    expect(items[0].link?.query).toEqual({ year: '2025', 'f.category': 'legal_review', 'f.subkind': 'normative' });
    expect(items[1].message).toContain('现行有效2件，少于本年制发3件减本年废止0件（3件）');
    f.tables.two.normative = { issued: 2, repealed: 1, inForce: 5 };
    expect(agreementChecks(f, emptyOpenness(), { ...law, normativeReviews: 2 }, null)).toEqual([]);
  });

  it('a report already exported states figures the ledger no longer has: each named with both', () => {
    const stated = { penalties: 1, disclosure: 51, received: 1, carried: 0, concluded: 1, carryForward: 0, review: 1, litigation: 1 };
    const items = agreementChecks(base(), emptyOpenness(), law, { exportedAt: '2026-01-20T02:00:00.000Z', stated });
    expect(items).toHaveLength(1);
    expect(items[0].message).toBe('行政处罚：2026-01-20导出的政务公开年报写1件，台账现为2件。已公开的年报与之后的报告会不一致，请核对变动的记录。');
  });
});

describe('the shared fixture openness-2025', () => {
  it('passes check-openness.mjs, leaks no applicant, and the review provider lists the 受委托 penalty and the unreviewed 规范性文件', async () => {
    const core = memoryCore();
    ok(await core.call('exchange.import', { content: pkg() }));
    const file = ok(await core.call('openness.export', { year: 2025, date: '2026-01-20' }));
    const out = join(tmp.dir, 'openness.docx');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(out, Buffer.from(file.base64, 'base64'));
    const result = execFileSync(process.execPath, [join(import.meta.dirname, '..', '..', 'tools', 'check-openness.mjs'), out, join(FIXTURE, 'expect.json')], {
      encoding: 'utf8',
    });
    expect(result).toMatch(/(\d+)\/\1 checks pass/);
    const xml = await (await JSZip.loadAsync(Buffer.from(file.base64, 'base64'))).file('word/document.xml')!.async('string');
    // the 落款 never stands alone on the last page: the last paragraph of text keeps with it
    const paras = xml.match(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/g)!;
    const texts = paras.map((p) => p.replace(/<[^>]+>/g, ''));
    const lastText = texts.length - 1 - [...texts].reverse().findIndex((t, i) => i > 1 && t.trim() !== '' && !/人民政府|办公室/.test(t));
    for (const p of paras.slice(lastText, -1)) expect(p, texts[paras.indexOf(p)]).toContain('<w:keepNext/>');
    expect(texts[lastText].length).toBeGreaterThan(10);
    expect(xml).not.toContain('令狐冲霄');
    expect(xml).not.toContain('东坡建材');
    expect((xml.match(/<w:tblHeader\/>/g) ?? []).length).toBe(6); // three header rows of table 三 and of table 四
    expect(xml).toContain('<w:tblW w:w="5000" w:type="pct"/>');
    const review = opennessReview(core.ctx.db, 2025);
    // the fixture issues 2 规范性文件 and records no 合法性审查 of them: the 法治政府 report would say 0;
    // its 受委托 penalty no longer makes a difference: both reports state the township's own penalties
    expect(review.map((i) => i.id)).toEqual(['openness.normative']);
    // a request entered after the 政务公开年报 was published: the 法治政府 report's 审稿 reads table 三 again to say so
    ok(await core.call('disclosureRequests.create', { record: { receivedOn: '2025-11-03', applicantType: 'natural', subject: '申请公开信息' } }));
    expect(opennessReview(core.ctx.db, 2025).map((i) => i.id)).toEqual(
      expect.arrayContaining(['openness.exported.received', 'openness.exported.carryForward']),
    );
    expect(ok(await core.call('openness.status', { year: 2025 }))).toMatchObject({
      fileName: '青石镇2025年政府信息公开工作年度报告.docx',
      stated: { penalties: 2, disclosure: 51, received: 9, carried: 1, concluded: 8, carryForward: 2 },
    });
    core.close();
  });

  it('round-trips the year profile’s openness fields and the requests through a data package', async () => {
    const a = memoryCore();
    ok(await a.call('exchange.import', { content: pkg() }));
    ok(
      await a.call('years.saveProfile', {
        year: 2025,
        openness: { feesWan: 1.235, feesCharged: '本年度未收取信息处理费。', narrative: { problems: '一是……' } },
      }),
    );
    const exported = ok(await a.call('exchange.export', { year: 2025 }));
    const json = JSON.parse(exported.content);
    expect(json.years[0]).toMatchObject({
      normativeIssued: 2,
      feesWan: 1.24,
      disclosureDisputes: { review: { upheld: 1 } },
      narrative: { openness: { problems: '一是……' } },
    });
    expect(json.disclosureRequests.map((r: { id: string }) => r.id)).toEqual(['r1', 'r3', 'r4', 'r5', 'r6', 'r7', 'r10', 'r11', 'r8', 'r9']); // r1 is carried into 2025; r2 (concluded in 2024) and r12 (2026) are not
    const b = memoryCore();
    ok(await b.call('exchange.import', { content: exported.content }));
    const p = ok(await b.call('years.getProfile', { year: 2025 }));
    expect(p.openness).toEqual(ok(await a.call('years.getProfile', { year: 2025 })).openness);
    const bad = await a.call('years.saveProfile', { year: 2025, openness: { licenses: -1 } });
    expect(!bad.ok && bad.error.message).toContain('「行政许可 本年处理决定（件）」应为不小于0的整数');
    a.close();
    b.close();
  });
});

describe('the report text', () => {
  it('opens with the basis, the period and the contact from 设置; a late date prints with a warning, an early one is refused (the report’s rule)', async () => {
    const core = await coreWith([]);
    ok(await core.call('settings.update', { opennessContact: '地址：临川县青石镇人民路1号，电话：0794-1234567' }));
    const m = ok(await core.call('openness.model', { year: 2025, date: '2026-02-10' }));
    expect(m.opening[0].text).toContain('国办公开办函〔2021〕30号');
    expect(m.opening[0].text).toContain('自2025年1月1日起至2025年12月31日止');
    expect(m.opening[0].text).toContain('请与临川县青石镇人民政府联系（地址：临川县青石镇人民路1号，电话：0794-1234567）。');
    expect(m.date).toBe('2026年2月10日');
    expect(m.warnings.find((w) => w.id === 'openness.date')?.message).toContain('晚于2026年1月31日');
    // before 1 December of the year: refused, the same rule as the 法治政府建设情况报告
    expect(ok(await core.call('openness.model', { year: 2025, date: '2025-06-01' })).dateRefused).toContain('早于2025年12月1日');
    expect(err(await core.call('openness.export', { year: 2025, date: '2025-06-01' })).message).toContain('早于2025年12月1日');
    // without a date and outside the window: a blank line for the clerk
    expect(ok(await core.call('openness.model', { year: 2025 })).date).toMatch(/^2026年\s+月\s+日$/);
    expect(ok(await core.call('openness.model', { year: 2025, date: '2025-12-30' })).date).toBe('2025年12月30日');
    // no request, no penalty: the draft says so, every table cell is 0
    expect(m.parts[0].paragraphs[1].text).toBe('2025年，本机关未收到政府信息公开申请。');
    expect(m.tables.three.every((r) => r.values.every((v) => v === 0))).toBe(true);
    core.close();
  });
});

describe('openness-report command', () => {
  it('writes the report and prints the checks on stderr', async () => {
    const core = memoryCore();
    ok(await core.call('exchange.import', { content: pkg() }));
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const out = join(tmp.dir, 'cli.docx');
    expect(await opennessCommand(core, parseArgs(['--year', '2025', '--out', out, '--date', '2026-01-20'], ['year', 'out', 'date']))).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    const stderr = err.mock.calls.flat().join('\n');
    expect(stderr).toContain('请核对：规范性文件：政务公开年报表二写本年制发行政规范性文件2件');
    expect(stderr).not.toContain('令狐冲霄');
    expect(await opennessCommand(core, parseArgs(['--year', '2025', '--out', out, '--date', '2026-1-2'], ['year', 'out', 'date']))).toBe(1);
    log.mockRestore();
    err.mockRestore();
    core.close();
  });
});

describe('依申请公开 in Excel', () => {
  it('imports a clerk’s own sheet: 办理结果 written as the national row’s item, dates in Chinese; exports without loss', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('依申请公开');
    ws.addRow(['收到日期', '申请人类型', '申请人', '申请内容', '办理结果', '答复日期']);
    ws.addRow(['2025年3月5日', '自然人', '张某', '申请公开道路工程招标文件', '予以公开', '2025/3/20']);
    ws.addRow(['2025-04-01', '商业企业', '某公司', '申请公开重复内容', '重复申请', '2025-04-03']);
    ws.addRow(['2025-12-30', '法律服务机构', '某律所', '申请公开征地文件', '', '']);
    const base64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const core = await coreWith([]);
    const report = ok(await core.call('excel.import', { register: 'disclosureRequests', base64 }));
    expect(report).toMatchObject({ valid: 3, invalid: 0, applied: true, written: 3 });
    const t = await table(core);
    expect(col(t, 'received')).toEqual([1, 1, 0, 0, 1, 0, 3]);
    expect(col(t, 'rejected_repeat')).toEqual([0, 1, 0, 0, 0, 0, 1]);
    expect(col(t, 'carryForward')).toEqual([0, 0, 0, 0, 1, 0, 1]);
    const exported = ok(await core.call('excel.export', { register: 'disclosureRequests', query: { year: 2025 } }));
    expect(exported.count).toBe(3);
    core.close();
  });
});

describe('issue 17: the 政务公开年报 in one voice', () => {
  it('drafts parts 一 and 五 from the data only (no unsupported claims) and re-checks an adopted 总体情况', async () => {
    const core = memoryCore();
    ok(await core.call('settings.update', { township: { name: '青石镇', authority: '临川县青石镇人民政府' } }));
    ok(await core.call('workItems.create', { record: { date: '2025-03-01', category: 'disclosure', title: '主动公开', count: 12 } }));
    const m = ok(await core.call('openness.model', { year: 2025 }));
    const draft = m.parts.flatMap((p) => p.paragraphs.map((x) => x.text)).join('');
    expect(draft).toContain('主动公开政府信息12条');
    expect(draft).not.toMatch(/未发生泄密|侵犯个人隐私|已依法办理|取得了一定成效/);
    // the clerk adopts the 总体情况 with 12条; the ledger then grows to 15: 必须核对
    ok(await core.call('years.saveProfile', { year: 2025, openness: { narrative: { overview: '（一）主动公开。全年主动公开政府信息12条。' } } }));
    expect(ok(await core.call('openness.model', { year: 2025 })).warnings.some((w) => w.id === 'openness.stale_figure')).toBe(false);
    ok(await core.call('workItems.create', { record: { date: '2025-04-01', category: 'disclosure', title: '主动公开', count: 3 } }));
    const stale = ok(await core.call('openness.model', { year: 2025 })).warnings.find((w) => w.id === 'openness.stale_figure');
    expect(stale?.message).toContain('台账现在的主动公开政府信息条数为15');
    // the page's 成文日期 is kept with the year
    ok(await core.call('years.saveProfile', { year: 2025, openness: { opennessReportDate: '2026-01-20' } }));
    expect(ok(await core.call('openness.model', { year: 2025 })).date).toBe('2026年1月20日');
    core.close();
  });
});
