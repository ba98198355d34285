// 行政执法数据年度公开 (issue 20): the shared fixture through the acceptance checker, each counting rule,
// a random ledger against a second count written independently, the agreement with the two other
// reports, the new fields (validation, package round trip), the 成文日期 window, the .xlsx and the CLI.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { enforcementCommand } from '../../../electron/cli/commands/enforcement.ts';
import type { Core } from '../../../electron/core/index.ts';
import { enforcementDate } from '../../../electron/core/enforcement/compose.ts';
import { countEnforcement, formatAmount, penaltyColumn } from '../../../electron/core/enforcement/figures.ts';
import { parseArgs } from '../../../electron/shared/cli-args.ts';
import { FIXTURES_DIR, fixtureExpect, fixturePackage, memoryCore, ok, err, tempDir } from '../../helpers/core.ts';

const CHECK_TOOL = fileURLToPath(new URL('../../tools/check-enforcement.mjs', import.meta.url));
const tmp = tempDir('fazhi-enforcement-');
afterAll(() => tmp.cleanup());
const TOWNSHIP = { name: '青石镇', authority: '临川县青石镇人民政府', superior: '临川县' };

async function fixtureCore(): Promise<Core> {
  const core = memoryCore();
  ok(await core.call('exchange.import', { content: fixturePackage('enforcement-2025') }));
  return core;
}

async function coreWith(inspections: Record<string, unknown>[]): Promise<Core> {
  const core = memoryCore();
  ok(await core.call('settings.update', { township: TOWNSHIP }));
  for (const r of inspections) ok(await core.call('inspections.create', { record: { field: 'work_safety', target: '检查对象', ...r } }));
  return core;
}
const tables = async (core: Core, year = 2025) => ok(await core.call('enforcement.model', { year })).tables;
const pen = (kind: string, extra: Record<string, unknown> = {}) => ({ date: '2025-05-01', outcome: 'penalty', penaltyKind: kind, ...extra });

describe('the shared fixture enforcement-2025', () => {
  it('passes check-enforcement.mjs; the three reports state the same own penalties and inspections', async () => {
    const core = await fixtureCore();
    const file = ok(await core.call('enforcement.export', { year: 2025, date: '2026-01-20' }));
    const path = join(tmp.dir, 'fixture.docx');
    writeFileSync(path, Buffer.from(file.base64, 'base64'));
    const out = execFileSync(process.execPath, [CHECK_TOOL, path, join(FIXTURES_DIR, 'enforcement-2025', 'expect.json'), '--verbose'], { encoding: 'utf8' });
    expect(out.trim().split('\n').at(-1)).toBe('12/12 checks pass');

    const want = fixtureExpect('enforcement-2025');
    const stats = ok(await core.call('stats.year', { year: 2025 }));
    expect(stats.enforcement.ownPenalties).toBe(want.ownPenalties);
    expect(stats.enforcement.entrustedPenalties).toBe(want.entrustedPenalties);
    expect(stats.enforcement.ownInspections).toBe(want.ownInspections);
    const openness = ok(await core.call('openness.model', { year: 2025 }));
    expect(openness.tables.two.penalties).toBe(want.ownPenalties);
    // 行政许可 = 许可 + 不予许可 + 撤销; 行政强制 = all seven columns of 表三 (from enforcementActs)
    expect(openness.tables.two.licenses).toBe(10 + 1 + 0);
    expect(openness.tables.two.coercions).toBe(0 + 1 + 2 + 0 + 0 + 1 + 1);
    expect(file.checks.filter((c) => c.severity === 'error')).toEqual([]);
    // no 检查对象 and no personal data in the document
    const xml = (await (await import('jszip')).default.loadAsync(Buffer.from(file.base64, 'base64'))).file('word/document.xml')!;
    const text = await xml.async('string');
    expect(text).not.toMatch(/检查对象e1|检查对象p1|集镇街道巡查/);
    core.close();
  });

  it('the .xlsx: one sheet a table, merged multi-row headers, numbers as numbers', async () => {
    const core = await fixtureCore();
    const file = ok(await core.call('enforcement.exportXlsx', { year: 2025 }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['表一 行政处罚', '表二 行政许可', '表三 行政强制', '表四 其他行政执法行为', '表五 持证率']);
    const t1 = wb.getWorksheet('表一 行政处罚')!;
    expect(t1.getRow(4).values).toEqual([undefined, 2, 2, 1, 0, 0, 0, 1, 0, 1, 7, 1.6]);
    expect(t1.getCell(4, 11).numFmt).toBe('0.00');
    const t3 = wb.getWorksheet('表三 行政强制')!;
    // 行政强制措施 over five columns, 行政强制执行 over two, above the seven column heads
    expect(t3.getCell('A3').value).toBe('行政强制措施');
    expect(t3.getCell('E3').master.address).toBe('A3');
    expect(t3.getCell('F3').value).toBe('行政强制执行');
    expect(t3.getCell('G3').master.address).toBe('F3');
    expect(t3.getCell('A4').value).toBe('限制公民人身自由');
    expect(t3.getRow(5).values).toEqual([undefined, 0, 1, 2, 0, 0, 1, 1]);
    expect(wb.getWorksheet('表五 持证率')!.getRow(4).values).toEqual([undefined, 16, 15, '93.8%']);
    core.close();
  });
});

describe('counting rules', () => {
  it('并处: one decision, one 宗, in the column of its most severe kind; 其他 only without another kind', async () => {
    expect(penaltyColumn(['fine', 'confiscation'])).toBe(2);
    expect(penaltyColumn(['closure', 'fine'])).toBe(6);
    expect(penaltyColumn(['other', 'warning'])).toBe(0);
    expect(penaltyColumn(['other'])).toBe(8);
    const core = await coreWith([
      pen('fine', { penaltyAlsoKinds: ['confiscation'], penaltyAmount: 3200 }),
      pen('closure', { penaltyAlsoKinds: ['fine'], penaltyAmount: 10000 }),
      pen('other', { penaltyAlsoKinds: ['warning'] }),
      pen('other'),
    ]);
    const t = await tables(core);
    expect(t.penalty.byKind).toEqual([1, 0, 1, 0, 0, 0, 1, 0, 1]);
    expect(t.penalty.total).toBe(4);
    expect(t.penalty.amountText).toBe('1.32');
    core.close();
  });

  it('a penalty counts in the year of its 处罚决定日期, else of the inspection', async () => {
    const core = await coreWith([
      pen('fine', { date: '2025-12-22', penaltyDecidedOn: '2026-01-08', penaltyAmount: 500 }),
      pen('fine', { date: '2024-12-28', penaltyDecidedOn: '2025-01-05', penaltyAmount: 800 }),
      pen('warning', { date: '2025-12-30' }),
    ]);
    const t25 = await tables(core, 2025);
    expect(t25.penalty.byKind.slice(0, 2)).toEqual([1, 1]);
    expect(t25.penalty.amountYuan).toBe(800);
    // the inspection itself stays in the year of its date: 2025 has the 12-22 and 12-30 ones
    expect(t25.other[6]).toBe(2);
    const t26 = await tables(core, 2026);
    expect(t26.penalty.total).toBe(1);
    expect(t26.other[6]).toBe(0);
    const s = ok(await core.call('stats.year', { year: 2025 }));
    expect([s.enforcement.ownPenalties, s.enforcement.ownInspections]).toEqual([2, 2]);
    core.close();
  });

  it('受委托: neither in 表一 nor in 表四, noted under 表一; 巡查 is never a 行政检查', async () => {
    const core = await coreWith([
      pen('fine', { entrusted: true, penaltyAmount: 1500 }),
      { date: '2025-05-06', outcome: 'no_issue', entrusted: true },
      { date: '2025-04-01', outcome: 'no_issue', mode: 'patrol' },
      { date: '2025-04-02', outcome: 'rectification', mode: 'routine', issuesFound: 1, issuesRectified: 1 },
    ]);
    const m = ok(await core.call('enforcement.model', { year: 2025 }));
    expect(m.tables.penalty.total).toBe(0);
    expect(m.tables.penalty.amountYuan).toBe(0);
    expect(m.entrustedPenalties).toBe(1);
    expect(m.entrustedNote).toBe('另受委托实施行政处罚1宗（以委托机关名义作出，由委托机关公开）。');
    expect(m.tables.other[6]).toBe(1);
    const s = ok(await core.call('stats.year', { year: 2025 }));
    expect([s.enforcement.ownPenalties, s.enforcement.entrustedPenalties, s.enforcement.ownInspections]).toEqual([0, 1, 1]);
    // the text states no zero as work
    expect(m.parts.flatMap((p) => p.paragraphs).join('')).not.toMatch(/(?<![\d.])0(?:宗|件|次|人|名)/);
    core.close();
  });

  it('the 山西 setting leaves out inspections that ended in a penalty, and says so against the 法治政府 report', async () => {
    const core = await coreWith([pen('warning'), { date: '2025-04-02', outcome: 'no_issue' }]);
    expect((await tables(core)).other[6]).toBe(2);
    ok(await core.call('years.saveProfile', { year: 2025, enforcementDoc: { excludePenalizedInspections: true } }));
    const m = ok(await core.call('enforcement.model', { year: 2025 }));
    expect(m.tables.other[6]).toBe(1);
    expect(m.checks.find((c) => c.id === 'enforcement.law.inspections')).toMatchObject({ severity: 'warning' });
    core.close();
  });

  it('罚没金额 in 万元 with two decimals (half up), or in 元; only over decisions with 罚款 or 没收', async () => {
    expect(formatAmount(16000, 'wan')).toBe('1.60');
    expect(formatAmount(5249, 'wan')).toBe('0.52');
    expect(formatAmount(5250, 'wan')).toBe('0.53');
    expect(formatAmount(0, 'wan')).toBe('0.00');
    expect(formatAmount(1350.5, 'yuan')).toBe('1350.50');
    expect(formatAmount(2000, 'yuan')).toBe('2000');
    const c = countEnforcement([
      { inspected: 1, decided: 1, entrusted: 0, patrol: 0, penalty: 1, kind: 'warning', alsoKinds: '[]', legalReview: 0, amount: 900 },
      { inspected: 1, decided: 1, entrusted: 0, patrol: 0, penalty: 1, kind: 'closure', alsoKinds: '["fine"]', legalReview: 1, amount: 100, n: 3 },
    ]);
    expect(c.amountYuan).toBe(100);
    expect(c.legalReviews).toBe(3);
    expect(c.ownPenalties).toBe(4);
  });
});

/** A small seeded generator (mulberry32), so a failure can be replayed. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('a random ledger of hundreds of inspections', () => {
  it('agrees with a second count written independently, in 表一, 表四 and the stats', async () => {
    const r = rng(20250131);
    const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)];
    const KINDS = ['warning', 'fine', 'confiscation', 'suspension', 'revocation', 'restriction', 'closure', 'detention', 'other'] as const;
    const day = (y: number) => `${y}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
    const inspections: Record<string, unknown>[] = [];
    for (let k = 0; k < 400; k++) {
      const year = pick([2024, 2025, 2025, 2025, 2026]);
      const date = day(year);
      const rec: Record<string, unknown> = {
        id: `r${k}`,
        date,
        field: 'work_safety',
        target: `对象${k}`,
        outcome: pick(['no_issue', 'rectification', 'penalty', 'penalty', 'referral']),
        ...(r() < 0.15 ? { entrusted: true } : {}),
        ...(r() < 0.6 ? { mode: pick(['routine', 'special', 'joint', 'complaint', 'patrol']) } : {}),
      };
      if (rec.outcome === 'penalty') {
        const kind = pick(KINDS);
        const also = KINDS.filter((x) => x !== kind && r() < 0.12);
        const decided = r() < 0.4 ? `${year + (r() < 0.5 ? 1 : 0)}-01-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}` : undefined;
        rec.penalty = {
          kind,
          ...(also.length ? { alsoKinds: also } : {}),
          ...(decided && decided >= date ? { decidedOn: decided } : {}),
          ...(r() < 0.7 ? { amount: Math.round(r() * 2000000) / 100 } : {}),
          legalReview: r() < 0.5,
        };
      }
      inspections.push(rec);
    }
    const core = memoryCore();
    ok(
      await core.call('exchange.import', {
        content: JSON.stringify({ format: 'fazhi-ledger-package', version: 1, township: TOWNSHIP, years: [], inspections }),
      }),
    );
    // the second count: over the package records, by a severity rank table rather than column indexes
    const RANK: Record<string, number> = { warning: 1, fine: 2, confiscation: 3, suspension: 4, revocation: 5, restriction: 6, closure: 7, detention: 8 };
    const want = { byKind: Array(9).fill(0) as number[], total: 0, entrusted: 0, cents: 0, inspections: 0 };
    for (const rec of inspections) {
      const p = rec.penalty as { kind: string; alsoKinds?: string[]; decidedOn?: string; amount?: number } | undefined;
      const countedOn = p?.decidedOn ?? (rec.date as string);
      if (p && countedOn.startsWith('2025')) {
        if (rec.entrusted) want.entrusted++;
        else {
          const all = [p.kind, ...(p.alsoKinds ?? [])];
          const worst = all.reduce((best, k) => ((RANK[k] ?? 0) > (RANK[best] ?? 0) ? k : best), 'other');
          want.byKind[worst === 'other' ? 8 : RANK[worst] - 1]++;
          want.total++;
          if (all.some((k) => k === 'fine' || k === 'confiscation')) want.cents += Math.round((p.amount ?? 0) * 100);
        }
      }
      if ((rec.date as string).startsWith('2025') && !rec.entrusted && rec.mode !== 'patrol') want.inspections++;
    }
    expect(want.total).toBeGreaterThan(50);
    const t = await tables(core);
    expect(t.penalty.byKind).toEqual(want.byKind);
    expect(t.penalty.total).toBe(want.total);
    expect(Math.round(t.penalty.amountYuan * 100)).toBe(want.cents);
    expect(t.penalty.amountText).toBe(formatAmount(want.cents / 100, 'wan'));
    expect(t.other[6]).toBe(want.inspections);
    const s = ok(await core.call('stats.year', { year: 2025 }));
    expect([s.enforcement.ownPenalties, s.enforcement.entrustedPenalties, s.enforcement.ownInspections]).toEqual([
      want.total,
      want.entrusted,
      want.inspections,
    ]);
    expect(ok(await core.call('openness.model', { year: 2025 })).tables.two.penalties).toBe(want.total);
    expect(ok(await core.call('enforcement.checks', { year: 2025 })).filter((c) => c.severity === 'error')).toEqual([]);
    core.close();
  });
});

describe('agreement with the two other reports', () => {
  it('a penalty added after the 政务公开年报 was exported: listed with both figures and a link to the records', async () => {
    const core = await coreWith([pen('fine', { penaltyAmount: 200 })]);
    ok(await core.call('openness.export', { year: 2025, date: '2026-01-10' }));
    ok(await core.call('inspections.create', { record: { field: 'fire', target: '某超市', ...pen('warning') } }));
    const checks = ok(await core.call('enforcement.checks', { year: 2025 }));
    const item = checks.find((c) => c.id === 'enforcement.openness.exported')!;
    expect(item.severity).toBe('error');
    expect(item.message).toContain('表一合计2宗');
    expect(item.message).toContain('写1件');
    expect(item.link).toEqual({ label: '查看本年度行政处罚', path: '/inspections', query: { year: '2025', 'f.outcome': 'penalty', 'f.entrusted': 'false' } });
    core.close();
  });

  it('the 政务公开年报 keeps its own 许可/强制 figures until enforcementActs is filled', async () => {
    const core = await coreWith([]);
    ok(await core.call('years.saveProfile', { year: 2025, openness: { licenses: 4, coercions: 2 } }));
    expect(ok(await core.call('openness.model', { year: 2025 })).tables.two).toMatchObject({ licenses: 4, coercions: 2 });
    ok(await core.call('years.saveProfile', { year: 2025, enforcementActs: { licenseGranted: 3, licenseRefused: 1, coerceSeal: 1, executeByCourt: 1 } }));
    expect(ok(await core.call('openness.model', { year: 2025 })).tables.two).toMatchObject({ licenses: 4, coercions: 2 });
    ok(await core.call('years.saveProfile', { year: 2025, enforcementActs: { licenseRevoked: 2 } }));
    expect(ok(await core.call('openness.model', { year: 2025 })).tables.two).toMatchObject({ licenses: 6, coercions: 2 });
    const checks = ok(await core.call('enforcement.checks', { year: 2025 }));
    expect(checks.find((c) => c.id === 'enforcement.openness.licenses.entered')?.message).toContain('填写为4件');
    core.close();
  });
});

describe('the new data', () => {
  it('validates 并处 and 决定日期 with Chinese messages naming the field; labels are stored as codes', async () => {
    const core = await coreWith([]);
    const base = { field: 'fire', target: '某超市', date: '2025-05-01', outcome: 'penalty', penaltyKind: 'fine' };
    const a = err(await core.call('inspections.create', { record: { ...base, penaltyAlsoKinds: ['fine'] } }));
    expect(a.message).toContain('并处种类不能包含处罚种类本身（“罚款”）');
    const b = err(await core.call('inspections.create', { record: { ...base, penaltyDecidedOn: '2025-04-30' } }));
    expect(b.message).toContain('处罚决定日期 2025-04-30 不能早于检查日期 2025-05-01');
    const c = err(await core.call('inspections.create', { record: { ...base, penaltyAlsoKinds: ['拘留'] } }));
    expect(c.message).toContain('「并处种类」中的“拘留”无效');
    const d = ok(await core.call('inspections.create', { record: { ...base, penaltyAlsoKinds: ['没收', 'closure'], penaltyProcedure: 'general' } }));
    expect(d.penaltyAlsoKinds).toEqual(['confiscation', 'closure']);
    // not a penalty: no stale 处罚 details kept
    const e = ok(
      await core.call('inspections.create', { record: { ...base, outcome: 'no_issue', penaltyAlsoKinds: ['warning'], penaltyProcedure: 'simple' } }),
    );
    expect([e.penaltyAlsoKinds, e.penaltyProcedure, e.penaltyDecidedOn]).toEqual([[], null, null]);
    core.close();
  });

  it('round-trips through a data package: penalty.alsoKinds/decidedOn/procedure, enforcersRequired, enforcementActs, the settings', async () => {
    const a = await fixtureCore();
    ok(await a.call('years.saveProfile', { year: 2025, enforcementDoc: { duties: '本镇执法主体。', amountUnit: 'yuan' } }));
    const pkg = ok(await a.call('exchange.export', { year: 2025 }));
    const data = JSON.parse(pkg.content);
    const p3 = data.inspections.find((i: { target: string }) => i.target === '检查对象p3');
    expect(p3.penalty).toMatchObject({ kind: 'fine', alsoKinds: ['confiscation'], procedure: 'general' });
    expect(data.inspections.find((i: { target: string }) => i.target === '检查对象p6').penalty.decidedOn).toBe('2026-01-08');
    expect(data.years[0]).toMatchObject({ enforcersRequired: 16, enforcementActs: { licenseApplied: 12, executeByCourt: 1 } });
    const b = memoryCore();
    ok(await b.call('exchange.import', { content: pkg.content }));
    const [ma, mb] = [ok(await a.call('enforcement.model', { year: 2025 })), ok(await b.call('enforcement.model', { year: 2025 }))];
    expect(mb.tables).toEqual(ma.tables);
    expect(mb.tables.penalty.amountText).toBe('16000');
    expect(ok(await b.call('years.getProfile', { year: 2025 })).enforcementDoc).toMatchObject({ duties: '本镇执法主体。', amountUnit: 'yuan' });
    a.close();
    b.close();
  });

  it('并处种类 in Excel: written as labels, read back whole though a label holds a 、', async () => {
    const { toOptionTags, fieldToCell } = await import('../../../electron/core/excel/columns.ts');
    const { INSPECTION } = await import('../../../electron/shared/registers.ts');
    const { PENALTY_KINDS } = await import('../../../electron/shared/enums.ts');
    const f = INSPECTION.fields.find((x) => x.key === 'penaltyAlsoKinds')!;
    const cell = fieldToCell(f, ['warning', 'closure']);
    expect(cell).toBe('警告、通报批评；责令停产停业、责令关闭、限制从业');
    expect(toOptionTags(PENALTY_KINDS, cell as string)).toEqual(['warning', 'closure']);
    expect(toOptionTags(PENALTY_KINDS, '罚款、没收')).toEqual(['fine', 'confiscation']);
    expect(toOptionTags(PENALTY_KINDS, '没收，拘留')).toEqual(['confiscation', '拘留']);
  });

  it('refuses a bad count in 年度信息, naming it', async () => {
    const core = await coreWith([]);
    const e = err(await core.call('years.saveProfile', { year: 2025, enforcementActs: { reward: -1 } }));
    expect(e.message).toContain('「行政奖励」应为不小于0的整数');
    core.close();
  });
});

describe('成文日期', () => {
  it('1–31 January of the next year; before it refused, after it (or today outside it) a blank line with a warning', async () => {
    expect(enforcementDate(2025, '2026-01-20', '2026-11-22')).toEqual({ date: '2026年1月20日', source: 'given', warning: null });
    expect(enforcementDate(2025, undefined, '2026-01-05').date).toBe('2026年1月5日');
    const late = enforcementDate(2025, '2026-02-03', '2026-02-03');
    expect(late.date).toBe('2026年\u3000月\u3000日');
    expect(late.warning).toContain('晚于2026年1月31日');
    expect(enforcementDate(2025, undefined, '2025-12-20').source).toBe('blank');
    expect(() => enforcementDate(2025, '2025-12-31', '2026-01-02')).toThrow('早于2026年1月1日');
    const core = await coreWith([]);
    expect(err(await core.call('enforcement.export', { year: 2025, date: '2025-12-31' })).message).toContain('早于2026年1月1日');
    core.close();
  });
});

describe('首页', () => {
  it('the 1月31日 reminder opens the 行政执法数据 page of the year before', async () => {
    const { statutoryReminders } = await import('../../../electron/core/home/reminders.ts');
    expect(statutoryReminders('2026-01-10')[0]).toMatchObject({ due: '2026-01-31', link: { path: '/enforcement-data', query: { year: '2025' } } });
  });
});

describe('enforcement-report command', () => {
  it('writes the .docx and the .xlsx and prints the checks on stderr', async () => {
    const core = await fixtureCore();
    const errors: string[] = [];
    const spyErr = vi.spyOn(console, 'error').mockImplementation((m: string) => void errors.push(m));
    const spyLog = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      const out = join(tmp.dir, 'cli.docx');
      const xlsx = join(tmp.dir, 'cli.xlsx');
      const code = await enforcementCommand(
        core,
        parseArgs(['--year', '2025', '--out', out, '--xlsx', xlsx, '--date', '2026-01-15'], ['year', 'out', 'xlsx', 'date']),
      );
      expect(code).toBe(0);
      expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
      expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
      expect(errors[0]).toBe('与法治政府建设情况报告、政务公开年报的核对：一致');
      expect(errors.join('\n')).toContain('巡查1次');
    } finally {
      spyErr.mockRestore();
      spyLog.mockRestore();
    }
    core.close();
  });
});
