// 卷宗体检 (the checklist and its SQL twin), reminders and statutory dates, case
// documents, the 首页 figures, and demo data kept apart.
import { existsSync, readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { beforeEach, describe, expect, it } from 'vitest';
import { formatReminders } from '../../../electron/cli/commands/cases.ts';
import { runCli } from '../../../electron/cli/index.ts';
import { statutoryReminders } from '../../../electron/core/home/reminders.ts';
import type { Core } from '../../../electron/core/index.ts';
import { createCore } from '../../../electron/core/index.ts';
import { caseChecklist, caseFileGaps } from '../../../electron/shared/case-file.ts';
import type { MediationCaseFields } from '../../../electron/shared/records.ts';
import { cliOutput, err, memoryCore, ok, tempDir } from '../../helpers/core.ts';

const TODAY = '2025-06-30';
const parties = [
  { role: 'applicant', name: '王建国' },
  { role: 'respondent', name: '李秀英' },
];
const complete: Partial<MediationCaseFields> = {
  acceptedOn: '2025-06-01',
  closedOn: '2025-06-10',
  type: 'neighbor',
  status: 'success',
  agreement: 'written',
  partyList: parties as MediationCaseFields['partyList'],
  facts: '排水沟堵塞',
  agreementTerms: '一、疏通排水沟。',
  copies: 3,
  followUps: [{ date: '2025-06-20', by: '钱卫东', performed: '已履行', opinion: '满意' }],
  followUpOn: '2025-06-20',
  notes: null,
  summary: null,
};
const gapsOf = (c: Partial<MediationCaseFields>, today = TODAY) => caseFileGaps({ ...complete, ...c } as MediationCaseFields, today).map((g) => g.key);

describe('卷宗体检 rules', () => {
  it('a complete file lacks nothing', () => {
    expect(gapsOf({})).toEqual([]);
    expect(caseChecklist(complete as MediationCaseFields, TODAY).map((i) => i.key)).toEqual([
      'parties',
      'facts',
      'closedOn',
      'timely',
      'agreement',
      'followUp',
    ]);
  });

  it('needs both parties and the facts (the old 纠纷简要情况 counts)', () => {
    expect(gapsOf({ partyList: parties.slice(0, 1) as MediationCaseFields['partyList'] })).toEqual(['parties']);
    expect(gapsOf({ facts: null })).toEqual(['facts']);
    expect(gapsOf({ facts: null, summary: '因排水发生纠纷' })).toEqual([]);
  });

  it('a written agreement needs its terms and the number of copies; an oral one does not', () => {
    expect(gapsOf({ agreementTerms: null })).toEqual(['agreement']);
    expect(gapsOf({ copies: null })).toEqual(['agreement']);
    expect(gapsOf({ agreement: 'oral', agreementTerms: null, copies: null })).toEqual([]);
  });

  it('a success needs a 回访; a failure does not', () => {
    expect(gapsOf({ followUps: [], followUpOn: null })).toEqual(['followUp']);
    expect(gapsOf({ followUps: [], followUpOn: '2025-06-20' })).toEqual([]);
    expect(gapsOf({ status: 'failed', agreement: null, followUps: [], followUpOn: null })).toEqual([]);
  });

  it('结案 within 30 days of 受理, or a note why', () => {
    expect(gapsOf({ closedOn: '2025-07-01' })).toEqual([]); // 30 days
    expect(gapsOf({ closedOn: '2025-07-02' })).toEqual(['timely']); // 31 days
    expect(gapsOf({ closedOn: '2025-07-02', notes: '当事人外出务工，延期调解' })).toEqual([]);
    const open: Partial<MediationCaseFields> = { status: 'in_progress', closedOn: null, agreement: null, followUps: [], followUpOn: null };
    expect(gapsOf(open, '2025-07-01')).toEqual([]);
    expect(gapsOf(open, '2025-07-02')).toEqual(['timely']);
    expect(gapsOf({ ...open, status: 'suspended' })).toEqual(['timely']);
    expect(gapsOf({ ...open, status: 'suspended', notes: '当事人申请中止' })).toEqual([]);
  });

  it('an old 调结 row without 结案日期 is listed', () => {
    expect(gapsOf({ closedOn: null })).toEqual(['closedOn']);
  });
});

describe('「卷宗不完整」 filter', () => {
  let core: Core;
  beforeEach(() => {
    core = memoryCore();
  });

  it('selects exactly the cases the checklist finds lacking (random cases, SQL and TypeScript agree)', async () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
    for (let i = 0; i < 150; i++) {
      const status = pick(['in_progress', 'success', 'failed', 'suspended'] as const);
      const acceptedOn = `2025-0${1 + Math.floor(rnd() * 6)}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
      const closed = status === 'success' || status === 'failed';
      const closedOn = closed ? new Date(Date.parse(acceptedOn) + Math.floor(rnd() * 50) * 86400000).toISOString().slice(0, 10) : null;
      ok(
        await core.call('mediationCases.create', {
          record: {
            acceptedOn,
            closedOn,
            status,
            type: 'neighbor',
            agreement: status === 'success' ? pick(['written', 'oral', null]) : null,
            partyList: parties.slice(0, pick([0, 1, 2, 2])),
            facts: pick([null, '事实']),
            summary: pick([null, null, '简要情况']),
            agreementTerms: pick([null, '协议']),
            copies: pick([null, 0, 2]),
            followUps: status === 'success' && rnd() < 0.5 ? [{ date: closedOn }] : [],
            notes: pick([null, null, '说明']),
          },
        }),
      );
    }
    const all = ok(await core.call('mediationCases.list', { pageSize: 500 })).items;
    const lacking = all
      .filter((c) => caseFileGaps(c, TODAY).length > 0)
      .map((c) => c.id)
      .sort();
    const filtered = ok(await core.call('mediationCases.list', { pageSize: 500, today: TODAY, filters: { fileIncomplete: true } }))
      .items.map((c) => c.id)
      .sort();
    expect(lacking.length).toBeGreaterThan(20);
    expect(lacking.length).toBeLessThan(150);
    expect(filtered).toEqual(lacking);
    // 首页 counts them from the partial index plus the cases late on that day
    expect(ok(await core.call('dashboard.incompleteCases', { year: 2025, date: TODAY }))).toBe(lacking.length);
    expect(ok(await core.call('dashboard.incompleteCases', { year: 2024, date: TODAY }))).toBe(0);
  });
});

describe('reminders', () => {
  it('statutory dates: 1月31日, 3月1日, 4月1日 within 30 days, for the year before', () => {
    const at = (d: string) => statutoryReminders(d).map((r) => `${r.due}|${r.daysLeft}|${r.link.query?.year}`);
    expect(at('2025-12-31')).toEqual([]); // 31 days before 1月31日
    expect(at('2026-01-01')).toEqual(['2026-01-31|30|2025']);
    expect(at('2026-01-31')).toEqual(['2026-01-31|0|2025', '2026-03-01|29|2025']);
    expect(at('2026-02-01')).toEqual(['2026-03-01|28|2025']);
    expect(at('2026-03-02')).toEqual(['2026-04-01|30|2025']);
    expect(at('2026-04-02')).toEqual([]);
    expect(at('2024-01-31')).toEqual(['2024-01-31|0|2023', '2024-03-01|30|2023']); // a leap year
    expect(statutoryReminders('2026-02-20')[0].title).toBe('3月1日前：报送2025年法治政府建设情况报告（县委、县政府，抄送依法治县办）');
  });

  it('cases 调解中 for more than 30 days and 回访 due after a success, with links to the case', async () => {
    const core = memoryCore();
    const mk = async (rec: Record<string, unknown>) => ok(await core.call('mediationCases.create', { record: { type: 'neighbor', ...rec } }));
    const late = await mk({ acceptedOn: '2025-05-30', status: 'in_progress' }); // 31 days before TODAY
    await mk({ acceptedOn: '2025-05-31', status: 'in_progress' }); // 30 days: not yet
    const visit = await mk({ acceptedOn: '2025-05-01', closedOn: '2025-05-20', status: 'success' });
    await mk({ acceptedOn: '2025-05-01', closedOn: '2025-05-20', status: 'success', followUps: [{ date: '2025-06-01' }] });
    await mk({ acceptedOn: '2025-05-01', closedOn: '2025-05-20', status: 'failed' });
    const r = ok(await core.call('reminders.list', { date: TODAY }));
    expect(r.counts).toEqual({ caseOverdue: 1, followUpDue: 1, deadline: 0, disclosureDue: 0 });
    const overdue = r.items.find((i) => i.kind === 'case_overdue')!;
    expect(overdue).toMatchObject({ level: 'overdue', daysLeft: -1, link: { path: '/mediation-cases', query: { open: late.id, year: '2025' } } });
    expect(overdue.title).toBe(`${late.caseNo}调解中已31天`);
    const due = r.items.find((i) => i.kind === 'follow_up_due')!;
    expect(due).toMatchObject({ due: '2025-06-19', daysLeft: -11, level: 'overdue', link: { query: { open: visit.id } } });
    // a 回访 entered: the reminder goes
    ok(await core.call('mediationCases.update', { id: visit.id, record: { ...visit, followUps: [{ date: '2025-06-30', by: '钱卫东' }] } }));
    expect(ok(await core.call('reminders.list', { date: TODAY })).counts.followUpDue).toBe(0);
  });
});

describe('依申请公开 reminders', () => {
  it('replies due within 5 working days and past their 20 working days, by date received (no applicant), linked to the request', async () => {
    const core = memoryCore();
    const mk = async (receivedOn: string, replied = false) =>
      ok(
        await core.call('disclosureRequests.create', {
          record: {
            receivedOn,
            applicantType: 'natural',
            applicant: '令狐某某',
            subject: '道路工程招标文件',
            ...(replied ? { result: 'disclosed', resultOn: '2025-06-20' } : {}),
          },
        }),
      );
    // TODAY 2025-06-30; 端午 2025-05-31…06-02 is no working day
    const late = await mk('2025-05-26'); // 24 working days used: 4 past the 20th (2025-06-24)
    const soon = await mk('2025-06-09'); // 15 used: due 2025-07-07, 5 working days left
    await mk('2025-06-10'); // 14 used: 6 left, not yet
    await mk('2025-05-26', true); // answered
    const old = await mk('2024-11-04'); // last year, still open
    const r = ok(await core.call('reminders.list', { date: TODAY }));
    const items = r.items.filter((i) => i.kind === 'disclosure_due');
    expect(r.counts.disclosureDue).toBe(3);
    expect(items.map((i) => [i.title, i.level, i.due, i.link.query?.open])).toEqual([
      ['2024-11-04收到的政府信息公开申请逾期未答复', 'overdue', '2024-12-02', old.id],
      ['2025-05-26收到的政府信息公开申请逾期未答复', 'overdue', '2025-06-24', late.id],
      ['2025-06-09收到的政府信息公开申请待答复', 'soon', '2025-07-07', soon.id],
    ]);
    expect(items[1].detail).toBe('已超过20个工作日答复期限4个工作日（2025-06-24到期）：延长须经负责人同意并告知申请人，最长延至2025-07-22');
    expect(items[2].detail).toBe('应在2025-07-07前答复（还有5个工作日，《政府信息公开条例》第三十三条）');
    expect(items[2].link).toEqual({ path: '/disclosure-requests', query: { open: soon.id, year: '2025' } });
    expect(JSON.stringify(r)).not.toContain('令狐');
    // the CLI says it too
    const out = formatReminders(r);
    expect(out).toContain('【将到期】2025-06-09收到的政府信息公开申请待答复——应在2025-07-07前答复');
    expect(out).toContain('依申请公开待答复 3 件');
    core.close();
  });
});

describe('case documents', () => {
  it('builds the four 文书 from the case, with blanks where the form expects a signature', async () => {
    const core = memoryCore();
    ok(await core.call('settings.update', { township: { name: '清河镇', authority: '临江县清河镇人民政府' } }));
    const c = ok(
      await core.call('mediationCases.create', {
        record: {
          ...complete,
          followUps: [{ date: '2025-06-20', by: '钱卫东', performed: '已按协议履行', opinion: '满意' }],
          partyList: [
            { role: 'applicant', name: '王建国', gender: '男', birthDate: '1968-05-02', phone: '13800001111' },
            { role: 'respondent', name: '李秀英' },
          ],
        },
      }),
    );
    const text = async (kind: 'register' | 'agreement' | 'followup' | 'cover') => {
      const r = ok(await core.call('cases.document', { id: c.id, kind }));
      const xml = await (await JSZip.loadAsync(Buffer.from(r.base64, 'base64'))).file('word/document.xml')!.async('string');
      return { r, xml, plain: xml.replace(/<[^>]+>/g, '') };
    };
    const reg = await text('register');
    expect(reg.r.fileName).toBe('清河调〔2025〕1号-人民调解受理登记表.docx');
    expect(reg.plain).toContain('人民调解受理登记表');
    expect(reg.plain).toContain('编号：清河调〔2025〕1号');
    expect(reg.plain).toContain('王建国');
    expect(reg.plain).toContain('1968-05-02');
    expect(reg.plain).toContain('当事人（签名或按指印）：＿');
    expect(reg.xml).toContain('仿宋_GB2312');
    expect(reg.xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const agr = await text('agreement');
    expect(agr.plain).toContain('经调解，自愿达成如下协议：');
    expect(agr.plain).toContain('一、疏通排水沟。');
    expect(agr.plain).toContain('本协议一式3份');
    expect(agr.plain).toContain('人民调解员（签名）：＿');
    expect(agr.plain).toContain('清河镇人民调解委员会（印）');
    expect(agr.plain).toContain('2025年6月10日');
    const fu = await text('followup');
    expect(fu.plain).toContain('已按协议履行');
    expect(fu.plain).toContain('2025年6月20日');
    const cover = await text('cover');
    expect(cover.plain).toContain('人 民 调 解 卷 宗');
    expect(cover.plain).toContain('王建国与李秀英邻里纠纷');
    expect(cover.plain).toContain('卷 内 目 录');
    expect(cover.plain).toContain('人民调解协议书');
    // the last lines of text stay with the signatures, the seal and the date (Word: keepNext + keepLines)
    const paras = agr.xml.match(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/g)!;
    const from = paras.findIndex((p) => p.includes('履行方式、时限：'));
    const to = paras.findIndex((p) => p.includes('2025年6月10日'));
    expect(from).toBeGreaterThan(0);
    expect(to).toBe(paras.length - 1);
    for (const p of paras.slice(from, to))
      expect(p, p.replace(/<[^>]+>/g, '')).toMatch(/<w:keepNext\/>[\s\S]*<w:keepLines\/>|<w:keepLines\/>[\s\S]*<w:keepNext\/>/);
    expect(paras[to]).toContain('<w:keepLines/>');
    expect(paras[to]).not.toContain('<w:keepNext/>');
    // the parties and facts before it may break where they fall
    expect(
      paras
        .slice(0, from)
        .filter((p) => p.includes('<w:keepNext/>'))
        .map((p) => p.replace(/<[^>]+>/g, '')),
    ).toEqual(['纠纷主要事实、争议事项：', '经调解，自愿达成如下协议：']);
    const doc = ok(await core.call('cases.document', { id: c.id, kind: 'agreement' })).doc;
    const keep = doc.blocks.find((b) => b.t === 'keep');
    expect(keep && keep.t === 'keep' && keep.blocks.map((b) => (b.t === 'para' ? b.text : b.t))).toEqual([
      '履行方式、时限：',
      'gap',
      '本协议一式3份，当事人、人民调解委员会各持一份。',
      'gap',
      '当事人（签名盖章或按指印）：＿＿＿＿＿＿＿＿＿＿',
      '当事人（签名盖章或按指印）：＿＿＿＿＿＿＿＿＿＿',
      '人民调解员（签名）：＿＿＿＿＿＿＿＿＿＿',
      '记录人（签名）：＿＿＿＿＿＿＿＿＿＿',
      'gap',
      '清河镇人民调解委员会（印）',
      '2025年6月10日',
    ]);
    // by 案号 as well as by id
    expect(ok(await core.call('cases.document', { id: '清河调[2025]1号', kind: 'register' })).fileName).toBe(reg.r.fileName);
    expect(err(await core.call('cases.document', { id: '清河调〔2025〕99号', kind: 'register' })).code).toBe('not_found');
  });
});

describe('首页 figures', () => {
  it('counts per month and register, breakdowns, and villages without a 普法 activity this year', async () => {
    const tmp = tempDir();
    const file = `${tmp.dir}/ledger.db`;
    const core = createCore({ dbPath: file });
    const call = (m: string, record: Record<string, unknown>) => core.dispatch(m, { record });
    ok(await call('activities.create', { date: '2025-03-05', title: '宪法宣传', kind: 'campaign', village: '石桥村' }));
    ok(await call('activities.create', { date: '2025-03-20', title: '民法典宣传', kind: 'campaign', village: '石桥村' }));
    ok(await call('activities.create', { date: '2024-03-20', title: '去年的活动', kind: 'campaign', village: '柳湾村' }));
    ok(await call('mediationCases.create', { acceptedOn: '2025-07-01', type: 'neighbor', status: 'in_progress', village: '东岗村' }));
    ok(await call('inspections.create', { date: '2025-12-01', field: 'fire', target: '惠民超市', outcome: 'no_issue', village: '石桥村' }));
    const d = ok(await core.call('dashboard.get', { year: 2025 }));
    expect(d.monthly.activities).toEqual([0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(d.monthly.mediationCases[6]).toBe(1);
    expect(d.monthly.inspections[11]).toBe(1);
    expect(d.disputeTypes).toEqual([{ code: 'neighbor', count: 1 }]);
    expect(d.inspectionFields).toEqual([{ code: 'fire', count: 1 }]);
    expect(d.villagesWithoutActivity).toEqual(['东岗村', '柳湾村'].sort((a, b) => a.localeCompare(b, 'zh-CN')));
    expect(d.villagesWithActivity).toBe(1);
    expect(ok(await core.call('dashboard.incompleteCases', { year: 2025 }))).toBe(1); // the case has no parties nor facts
    // kept while nothing changes, computed again after any write
    expect(ok(await core.call('dashboard.get', { year: 2025 }))).toBe(ok(await core.call('dashboard.get', { year: 2025 })));
    ok(await call('activities.create', { date: '2025-08-01', title: '东岗村普法', kind: 'lecture', village: '东岗村' }));
    const again = ok(await core.call('dashboard.get', { year: 2025 }));
    expect(again.monthly.activities[7]).toBe(1);
    expect(again.villagesWithoutActivity).toEqual(['柳湾村']);
    // a write from another connection (the CLI) is seen too
    const other = createCore({ dbPath: file });
    ok(await other.call('activities.create', { record: { date: '2025-09-01', title: '柳湾村普法', kind: 'lecture', village: '柳湾村' } }));
    other.close();
    const fromLedger = ok(await core.call('dashboard.get', { year: 2025 }));
    expect([fromLedger.villagesWithoutActivity, fromLedger.villagesFrom]).toEqual([[], 'ledger']);
    // 乡镇设置's village list: a village with nothing in the ledger is listed too
    const s = ok(await core.call('settings.update', { villages: [' 青山村 ', '石桥村', '东岗村', '柳湾村', '青山村', ''] }));
    expect(s.villages).toEqual(['青山村', '石桥村', '东岗村', '柳湾村']);
    const fromList = ok(await core.call('dashboard.get', { year: 2025 }));
    expect([fromList.villagesWithoutActivity, fromList.villagesWithActivity, fromList.villagesFrom]).toEqual([['青山村'], 3, 'settings']);
    // emptied: back to the names in the ledger
    ok(await core.call('settings.update', { villages: [] }));
    expect(ok(await core.call('dashboard.get', { year: 2025 })).villagesFrom).toBe('ledger');
    core.close();
    tmp.cleanup();
  });
});

describe('demo data', () => {
  it('is marked, and 清除示例数据 removes exactly it', async () => {
    const core = memoryCore();
    const counts = ok(await core.call('demo.generate', { year: 2024 }));
    const mine = ok(await core.call('activities.create', { record: { date: '2024-05-01', title: '我登记的活动', kind: 'lecture' } }));
    expect(mine.demo).toBe(false);
    const list = ok(await core.call('activities.list', { year: 2024, pageSize: 500 }));
    expect(list.items.filter((a) => a.demo)).toHaveLength(counts.activities);
    // a keyword search (read through the FTS index) marks them too: rare keyword and whole-register alike
    for (const keyword of ['我登记', '活动', '法']) {
      const found = ok(await core.call('activities.list', { year: 2024, keyword, pageSize: 500 })).items;
      expect(found.length).toBeGreaterThan(0);
      for (const a of found) expect(a.demo).toBe(a.id !== mine.id);
    }
    expect(ok(await core.call('demoData.count', {}))).toEqual(counts);
    expect(ok(await core.call('demoData.clear', {}))).toEqual(counts);
    const left = ok(await core.call('years.counts', { year: 2024 }));
    expect(left.counts).toEqual({ activities: 1, mediationCases: 0, inspections: 0, workItems: 0, disclosureRequests: 0, screenings: 0 });
    expect(ok(await core.call('activities.get', { id: mine.id })).title).toBe('我登记的活动');
    expect(ok(await core.call('demoData.count', {}))).toEqual({
      activities: 0,
      mediationCases: 0,
      inspections: 0,
      workItems: 0,
      disclosureRequests: 0,
      screenings: 0,
    });
  });

  it('demo cases carry a full file: parties, facts, agreements and 回访', async () => {
    const core = memoryCore();
    ok(await core.call('demo.generate', { year: 2024 }));
    const cases = ok(await core.call('mediationCases.list', { year: 2024, pageSize: 500 })).items;
    expect(cases.every((c) => c.partyList.length === 2 && c.facts)).toBe(true);
    expect(cases.some((c) => c.agreementTerms && c.copies === 3)).toBe(true);
    expect(cases.some((c) => c.followUps.length === 1)).toBe(true);
  });
});

describe('CLI: case-doc and reminders', () => {
  const tmp = cliOutput();
  const { out } = tmp;

  it('writes a document by case id or 案号, prints no personal data, and lists reminders as text or JSON', async () => {
    const db = `${tmp.dir}/ledger.db`;
    const core = createCore({ dbPath: db });
    ok(await core.call('settings.update', { township: { name: '清河镇', authority: '临江县清河镇人民政府' } }));
    const c = ok(
      await core.call('mediationCases.create', { record: { acceptedOn: '2025-05-01', type: 'neighbor', status: 'in_progress', partyList: parties } }),
    );
    core.close();
    const file = `${tmp.dir}/登记表.docx`;
    expect(await runCli(['case-doc', '--case', c.id, '--kind', 'register', '--out', file, '--db', db])).toBe(0);
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    expect(await runCli(['case-doc', '--case', '清河调〔2025〕1号', '--kind', 'cover', '--out', `${tmp.dir}/封面.docx`, '--db', db])).toBe(0);
    expect(existsSync(`${tmp.dir}/封面.docx`)).toBe(true);
    expect(out.join('\n')).not.toContain('王建国');
    expect(await runCli(['case-doc', '--case', c.id, '--kind', 'letter', '--out', file, '--db', db])).toBe(2);
    expect(await runCli(['case-doc', '--case', 'nope', '--kind', 'register', '--out', `${tmp.dir}/x.docx`, '--db', db])).toBe(1);
    expect(existsSync(`${tmp.dir}/x.docx`)).toBe(false);

    out.length = 0;
    expect(await runCli(['reminders', '--date', '2026-02-10', '--db', db])).toBe(0);
    const text = out.join('\n');
    expect(text).toContain('【将到期】3月1日前：报送2025年法治政府建设情况报告');
    expect(text).toContain('【已逾期】清河调〔2025〕1号调解中已285天');
    out.length = 0;
    expect(await runCli(['reminders', '--date', '2026-02-10', '--json', '--db', db])).toBe(0);
    const json = JSON.parse(out.join('\n'));
    expect(json.counts).toEqual({ caseOverdue: 1, followUpDue: 0, deadline: 1, disclosureDue: 0 });
    expect(await runCli(['reminders', '--date', '2026-2-10', '--db', db])).toBe(2);
  });
});
