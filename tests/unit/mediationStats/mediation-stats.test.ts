// 调解统计 against a second count written differently: plain JS over the package's records.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/index.ts';
import { monthlyStatsReminder } from '../../../electron/core/home/reminders.ts';
import { createCore } from '../../../electron/core/index.ts';
import { MEDIATION_STATS_SQL } from '../../../electron/core/mediationStats/compute.ts';
import { REGISTERS } from '../../../electron/shared/registers.ts';
import { cliOutput, fixturePackage, memoryCore, ok, SAMPLES } from '../../helpers/core.ts';
import { insertRecord } from '../../../electron/core/registers/repository.ts';
import { readsWholeTable } from '../../../electron/core/db/year-share.ts';

type Case = { acceptedOn: string; type: string; status: string; agreement?: string; amount?: number; judicialConfirmation?: boolean; village?: string };
const FIXTURE = '000_3b1c3260cd606f40';
const pkg = JSON.parse(fixturePackage(FIXTURE)) as { mediationCases: Case[] } & Record<string, unknown>;

/** The counts of some cases, by hand. */
function byHand(cases: Case[]) {
  return {
    accepted: cases.length,
    success: cases.filter((c) => c.status === 'success').length,
    failed: cases.filter((c) => c.status === 'failed').length,
    inProgress: cases.filter((c) => c.status === 'in_progress').length,
    suspended: cases.filter((c) => c.status === 'suspended').length,
    written: cases.filter((c) => c.agreement === 'written').length,
    oral: cases.filter((c) => c.agreement === 'oral').length,
    amount: Math.round(cases.reduce((s, c) => s + (c.amount ?? 0), 0) * 100) / 100,
    judicialConfirmations: cases.filter((c) => c.judicialConfirmation === true).length,
  };
}

/** Screenings as a package carries them (防止激化 nested), with counts from a seed. */
function screeningRecords(n: number) {
  return Array.from({ length: n }, (_, i) => ({
    id: `scr-${i}`,
    date: `2023-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`,
    village: ['大陶村', '新寨村', ''][i % 3] || undefined,
    found: (i * 7) % 5,
    prevented: (i * 3) % 4,
    preventedEscalation: { criminal: i % 6 === 0 ? 1 : 0, suicide: i % 11 === 0 ? 1 : 0, petition: i % 4 === 0 ? 2 : 0, fight: i % 9 === 0 ? 1 : 0 },
  }));
}

async function fixtureCore(extra: Record<string, unknown> = {}) {
  const core = memoryCore();
  ok(await core.call('exchange.import', { content: JSON.stringify({ ...pkg, ...extra }) }));
  return core;
}

describe('调解统计 of fixture 000', () => {
  it('the year: 445 accepted, 440 settled, every count equal to the count by hand; the rows sum to the total', async () => {
    const core = await fixtureCore();
    const s = ok(await core.call('mediationStats.compute', { year: 2023 }));
    expect(s.total.accepted).toBe(445);
    expect(s.total.success).toBe(440);
    expect(s.total).toEqual(byHand(pkg.mediationCases));
    for (const row of s.rows) expect(row, row.label).toMatchObject(byHand(pkg.mediationCases.filter((c) => c.type === row.key)));
    for (const k of ['accepted', 'success', 'failed', 'written', 'oral'] as const) expect(s.rows.reduce((n, r) => n + r[k], 0)).toBe(s.total[k]);
    // every 纠纷类型 is a row (the county form's rows), the new kinds included, …纠纷
    expect(s.rows.map((r) => r.key)).toContain('wage_arrears');
    expect(s.rows.find((r) => r.key === 'internet')?.label).toBe('互联网、电子商务纠纷');
    expect(s.rows.at(-1)?.label).toBe('其他纠纷');
    // and the year's statistics say the same
    const year = ok(await core.call('stats.year', { year: 2023 }));
    expect(year.mediation.total).toBe(s.total.accepted);
    expect(year.mediation.success).toBe(s.total.success);
  });

  it('each month equals the cases accepted in that month; quarters and months add up to the year', async () => {
    const core = await fixtureCore();
    let months = 0;
    for (let m = 1; m <= 12; m++) {
      const prefix = `2023-${String(m).padStart(2, '0')}-`;
      const s = ok(await core.call('mediationStats.compute', { year: 2023, month: m }));
      expect(s.total, `month ${m}`).toEqual(byHand(pkg.mediationCases.filter((c) => c.acceptedOn.startsWith(prefix))));
      expect(s.period.label).toBe(`2023年${m}月`);
      months += s.total.accepted;
    }
    expect(months).toBe(445);
    let quarters = 0;
    for (let q = 1; q <= 4; q++) quarters += ok(await core.call('mediationStats.compute', { year: 2023, quarter: q })).total.accepted;
    expect(quarters).toBe(445);
  });

  it('rows by 村 and by 调委会 equal the grouping by hand', async () => {
    const core = await fixtureCore();
    const s = ok(await core.call('mediationStats.compute', { year: 2023, month: 8, by: 'village' }));
    const aug = pkg.mediationCases.filter((c) => c.acceptedOn.startsWith('2023-08-'));
    const villages = [...new Set(aug.map((c) => (c.village ?? '').trim()))];
    expect(s.rows.map((r) => r.key).sort()).toEqual(villages.sort());
    for (const row of s.rows) expect(row).toMatchObject(byHand(aug.filter((c) => (c.village ?? '').trim() === row.key)));
    const byCommittee = ok(await core.call('mediationStats.compute', { year: 2023, by: 'committee' }));
    expect(byCommittee.rows.reduce((n, r) => n + r.accepted, 0)).toBe(445);
  });

  it('deleted cases leave the statistics', async () => {
    const core = await fixtureCore();
    const first = ok(await core.call('mediationCases.list', { year: 2023, pageSize: 1 })).items[0];
    ok(await core.call('mediationCases.delete', { id: first.id }));
    expect(ok(await core.call('mediationStats.compute', { year: 2023 })).total.accepted).toBe(444);
  });
});

describe('a year that is most of the register', () => {
  it('is read whole, with the rows the date index gives; a month of it through the index', async () => {
    const core = memoryCore();
    const db = core.ctx.db;
    const types = ['neighbor', 'marriage_family', 'contract', 'labor'];
    db.transaction(() => {
      for (let i = 0; i < 2400; i++)
        insertRecord(
          db,
          REGISTERS.mediationCases,
          `m${i}`,
          {
            ...SAMPLES.mediationCases,
            caseNo: null,
            acceptedOn: `2024-${String((i % 12) + 1).padStart(2, '0')}-1${i % 9}`,
            closedOn: null,
            status: i % 3 ? 'success' : 'in_progress',
            type: types[i % types.length],
            village: `第${i % 7}村`,
            amount: i % 5,
          },
          '2025-01-01T00:00:00.000Z',
        );
    })();
    const year = { from: '2024-01-01', to: '2025-01-01' };
    const march = { from: '2024-03-01', to: '2024-04-01' };
    expect(readsWholeTable(db, 'mediation_cases', 'accepted_on', year)).toBe(true);
    expect(readsWholeTable(db, 'mediation_cases', 'accepted_on', march)).toBe(false);
    for (const by of ['type', 'village'] as const) {
      const sorted = (rows: unknown[]) => (rows as { key: string }[]).sort((a, b) => a.key.localeCompare(b.key));
      expect(sorted(db.prepare(MEDIATION_STATS_SQL.rows(by, 'mediation_cases NOT INDEXED')).all(year))).toEqual(
        sorted(db.prepare(MEDIATION_STATS_SQL.rows(by)).all(year)),
      );
    }
    const s = ok(await core.call('mediationStats.compute', { year: 2024 }));
    expect(s.total).toMatchObject({ accepted: 2400, success: 1600, inProgress: 800 });
    expect(s.rows.find((r) => r.key === 'labor')?.accepted).toBe(600);
    core.close();
  });
});

describe('the 排查 block', () => {
  it('sums the screenings of the period, 防止激化 included, as the records by hand', async () => {
    const recs = screeningRecords(40);
    const core = await fixtureCore({ screenings: recs });
    const sum = (rs: typeof recs) => ({
      count: rs.length,
      found: rs.reduce((n, r) => n + r.found, 0),
      prevented: rs.reduce((n, r) => n + r.prevented, 0),
      criminal: rs.reduce((n, r) => n + r.preventedEscalation.criminal, 0),
      suicide: rs.reduce((n, r) => n + r.preventedEscalation.suicide, 0),
      petition: rs.reduce((n, r) => n + r.preventedEscalation.petition, 0),
      fight: rs.reduce((n, r) => n + r.preventedEscalation.fight, 0),
      source: 'register',
    });
    expect(ok(await core.call('mediationStats.compute', { year: 2023 })).screenings).toEqual(sum(recs));
    expect(ok(await core.call('mediationStats.compute', { year: 2023, month: 3 })).screenings).toEqual(sum(recs.filter((r) => r.date.startsWith('2023-03'))));
    // the report's 排查 figure counts the records now (the work items said 11)
    expect(ok(await core.call('stats.year', { year: 2023 })).work.screening?.count).toBe(40);
    // the package round trip keeps 防止激化 nested
    const out = JSON.parse(ok(await core.call('exchange.export', { year: 2023 })).content) as { screenings: (typeof recs)[number][] };
    expect(out.screenings.find((r) => r.id === 'scr-0')?.preventedEscalation).toEqual(recs[0].preventedEscalation);
  });

  it('an older year without screening records keeps the work items’ count', async () => {
    const core = await fixtureCore();
    const s = ok(await core.call('mediationStats.compute', { year: 2023 }));
    const items = (pkg.workItems as { category: string; count?: number; date: string }[]).filter(
      (w) => w.category === 'screening' && w.date.startsWith('2023'),
    );
    expect(s.screenings.source).toBe('workItems');
    expect(s.screenings.count).toBe(items.reduce((n, w) => n + (w.count ?? 1), 0));
    expect(ok(await core.call('stats.year', { year: 2023 })).work.screening?.count).toBe(s.screenings.count);
  });

  it('reads no personal column', () => {
    const personal = Object.values(REGISTERS).flatMap((d) => d.fields.filter((f) => f.personal).map((f) => f.column));
    for (const sql of [MEDIATION_STATS_SQL.rows('type'), MEDIATION_STATS_SQL.rows('village'), MEDIATION_STATS_SQL.screenings]) {
      for (const col of personal) expect(sql).not.toMatch(new RegExp(`\\b${col}\\b`));
    }
  });
});

describe('new dispute types and sources', () => {
  it('are accepted in the form and in packages; 物业 under its newer code is the one 物业 type', async () => {
    const core = memoryCore();
    const c = ok(
      await core.call('mediationCases.create', { record: { acceptedOn: '2024-05-06', type: 'wage_arrears', source: 'court', status: 'in_progress' } }),
    );
    expect([c.type, c.source]).toEqual(['wage_arrears', 'court']);
    ok(
      await core.call('exchange.import', {
        content: JSON.stringify({
          format: 'fazhi-ledger-package',
          version: 1,
          township: { name: '小陶镇', authority: '永安市小陶镇人民政府' },
          mediationCases: [{ id: 'pm-1', acceptedOn: '2024-05-07', type: 'property_management', source: 'petition', status: 'in_progress' }],
        }),
      }),
    );
    expect(ok(await core.call('mediationCases.get', { id: 'pm-1' })).type).toBe('property');
    const s = ok(await core.call('mediationStats.compute', { year: 2024, month: 5 }));
    expect(s.rows.find((r) => r.key === 'wage_arrears')?.accepted).toBe(1);
    expect(s.rows.find((r) => r.key === 'property')?.label).toBe('物业纠纷');
    expect(s.total.inProgress).toBe(2);
  });
});

describe('the report form (.xlsx)', () => {
  it('titles the period and the township, prints on one A4 landscape page, and holds the figures', async () => {
    const core = await fixtureCore();
    const f = ok(await core.call('mediationStats.exportXlsx', { year: 2023, quarter: 3 }));
    expect(f.fileName).toBe('小陶镇人民调解统计表-2023年第三季度.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(f.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getCell('A1').value).toBe('小陶镇人民调解工作统计表（2023年第三季度）');
    expect(String(ws.getCell('A2').value)).toBe('填报单位：小陶镇司法所');
    expect(String(ws.getCell('F2').value)).toContain('单位：件、元');
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 1 });
    expect(ws.pageSetup.printArea).toMatch(/^A1:J\d+$/);
    const q3 = pkg.mediationCases.filter((c) => c.acceptedOn >= '2023-07-01' && c.acceptedOn < '2023-10-01');
    expect(ws.getCell('A4').value).toBe('合计');
    expect(ws.getCell('B4').value).toBe(q3.length);
    expect(ws.getCell('C4').value).toBe(q3.filter((c) => c.status === 'success').length);
    const texts: string[] = [];
    ws.eachRow((r) => r.eachCell((c) => void texts.push(String(c.value))));
    expect(texts.some((t) => t.startsWith('填报日期：'))).toBe(true);
  });
});

describe('the CLI and the 首页 reminder', () => {
  const io = cliOutput();
  it('mediation-stats --json has total, byType (code and label) and screenings; --out writes the form', async () => {
    const db = `${io.dir}/l.db`;
    createCore({ dbPath: db }).close();
    const pkgFile = `${io.dir}/p.json`;
    const { writeFileSync, existsSync } = await import('node:fs');
    writeFileSync(pkgFile, fixturePackage(FIXTURE));
    expect(await runCli(['import', pkgFile, '--db', db])).toBe(0);
    io.out.length = 0;
    expect(await runCli(['mediation-stats', '--year', '2023', '--json', '--db', db])).toBe(0);
    const j = JSON.parse(io.out.join('\n'));
    expect(j.total.accepted).toBe(445);
    expect(j.total.success).toBe(440);
    expect(j.byType.find((t: { type: string }) => t.type === 'neighbor')).toMatchObject({ label: '邻里纠纷', accepted: 64 });
    expect(Object.keys(j.screenings)).toEqual(expect.arrayContaining(['count', 'found', 'prevented', 'criminal', 'suicide', 'petition', 'fight']));
    expect(await runCli(['mediation-stats', '--year', '2023', '--month', '8', '--out', `${io.dir}/m.xlsx`, '--db', db])).toBe(0);
    expect(existsSync(`${io.dir}/m.xlsx`)).toBe(true);
    expect(await runCli(['mediation-stats', '--year', '2023', '--month', '8', '--quarter', '1', '--db', db])).toBe(2);
  });

  it('from the 5th to the month end, last month’s statistics are offered, with its counts', async () => {
    const core = await fixtureCore();
    expect(monthlyStatsReminder(core.ctx.db, '2023-09-04')).toBeNull();
    const r = monthlyStatsReminder(core.ctx.db, '2023-09-05')!;
    const aug = pkg.mediationCases.filter((c) => c.acceptedOn.startsWith('2023-08-')).length;
    expect(r.title).toBe('2023年8月人民调解统计可以导出了');
    expect(r.detail).toContain(`受理调解案件${aug}件`);
    expect(r.link).toEqual({ path: '/mediation-stats', query: { year: '2023', month: '8' } });
    expect(monthlyStatsReminder(core.ctx.db, '2024-01-31')?.title).toBe('2023年12月人民调解统计可以导出了');
  });
});
