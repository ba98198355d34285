import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/index.ts';
import type { Core } from '../../../electron/core/index.ts';
import { REGISTER_NAMES } from '../../../electron/shared/registers.ts';
import { PackageImport } from '../../../electron/core/exchange/import-package.ts';
import { err, fixtureNames, fixturePackage, memoryCore, ok, tempDir } from '../../helpers/core.ts';

const countsOf = async (core: Core, year?: number) => {
  const out: Record<string, number> = {};
  for (const r of REGISTER_NAMES) out[r] = (ok(await core.dispatch(`${r}.list`, { year, pageSize: 1 })) as { total: number }).total;
  return out;
};

const withoutExportTime = (text: string) => {
  const pkg = JSON.parse(text);
  delete pkg.exportedAt;
  return pkg;
};

describe.each(fixtureNames())('fixture %s', (name) => {
  const text = fixturePackage(name);
  const pkg = JSON.parse(text);

  it('imports every record, and the dry run said so first without writing', async () => {
    const core = memoryCore();
    const preview = ok(await core.call('exchange.preview', { content: text }));
    expect(preview.applied).toBe(false);
    expect(preview.issues).toEqual([]);
    for (const r of REGISTER_NAMES) expect(preview.byRegister[r].new, r).toBe((pkg[r] ?? []).length);
    expect(Object.values(await countsOf(core)).every((n) => n === 0)).toBe(true);

    const report = ok(await core.call('exchange.import', { content: text }));
    expect(report.applied).toBe(true);
    expect(await countsOf(core)).toEqual(Object.fromEntries(REGISTER_NAMES.map((r) => [r, (pkg[r] ?? []).length])));
    expect(ok(await core.call('settings.get', {})).township?.authority).toBe(pkg.township.authority);
    const year = pkg.years[0].year;
    const profile = ok(await core.call('years.getProfile', { year }));
    expect(profile.narrative.shortcomings).toBe(pkg.years[0].narrative.shortcomings);
  });

  it('exports losslessly: export → import into a fresh database → export gives the same package', async () => {
    const a = memoryCore();
    ok(await a.call('exchange.import', { content: text }));
    // a handover with 「包含当事人等个人信息」 ticked: everything
    const first = ok(await a.call('exchange.export', { withPersonal: true }));
    const again = ok(await a.call('exchange.preview', { content: first.content }));
    expect(again.totals).toEqual({ new: 0, updated: 0, unchanged: again.totals.unchanged, keptLocal: 0, invalid: 0 });
    expect(again.totals.unchanged).toBe(REGISTER_NAMES.reduce((n, r) => n + (pkg[r] ?? []).length, 0) + pkg.years.length);

    const b = memoryCore();
    ok(await b.call('exchange.import', { content: first.content }));
    const second = ok(await b.call('exchange.export', { withPersonal: true }));
    expect(withoutExportTime(second.content)).toEqual(withoutExportTime(first.content));
    // every record of the original survives with its fields
    const exported = JSON.parse(first.content);
    for (const r of REGISTER_NAMES) {
      const byId = new Map((exported[r] as { id: string }[]).map((x) => [x.id, x]));
      for (const original of pkg[r] ?? []) {
        const { updatedAt: _u, ...rest } = byId.get(original.id) as Record<string, unknown>;
        const expected = Object.fromEntries(Object.entries(original).filter(([, v]) => !(Array.isArray(v) && v.length === 0)));
        expect(rest).toMatchObject(expected);
      }
    }
  });
});

describe('export by year and department', () => {
  it('keeps only that year’s records and profile', async () => {
    const core = memoryCore();
    ok(await core.call('exchange.import', { content: fixturePackage('002_b806baa4f7d74a32') }));
    const all = JSON.parse(ok(await core.call('exchange.export', {})).content);
    const y = JSON.parse(ok(await core.call('exchange.export', { year: 2020 })).content);
    expect(all.mediationCases.length).toBeGreaterThan(y.mediationCases.length);
    expect(y.mediationCases.every((c: { acceptedOn: string }) => c.acceptedOn.startsWith('2020-'))).toBe(true);
    expect(y.years.map((p: { year: number }) => p.year)).toEqual([2020]);
  });

  it('refuses to export before the township is set', async () => {
    const core = memoryCore();
    expect(err(await core.call('exchange.export', {})).message).toContain('设置');
  });
});

const base = () => ({
  format: 'fazhi-ledger-package',
  version: 1,
  township: { name: '清河镇', authority: '临江县清河镇人民政府' },
  activities: [
    { id: 'a1', date: '2024-03-15', title: '宪法宣传', kind: 'campaign', audience: 100 },
    { id: 'a2', date: '2024-04-15', title: '国家安全教育日', kind: 'campaign' },
  ],
  mediationCases: [{ id: 'm1', acceptedOn: '2024-02-01', closedOn: '2024-02-03', type: 'neighbor', status: 'success' }],
});

describe('broken packages are rejected whole, naming the record and the field', () => {
  const cases: [string, (p: ReturnType<typeof base>) => unknown, RegExp][] = [
    [
      'a bad date',
      (p) => {
        p.activities[1].date = '2024-02-30';
      },
      /普法宣传活动（第2条[^）]*）.*「活动日期」不是有效日期/,
    ],
    [
      'an unknown enum',
      (p) => {
        (p.mediationCases[0] as Record<string, unknown>).type = 'alien';
      },
      /人民调解案件（第1条[^）]*）.*「纠纷类型」的取值“alien”无效/,
    ],
    [
      'a count of -1',
      (p) => {
        p.activities[0].audience = -1;
      },
      /普法宣传活动（第1条[^）]*）.*「受众人次」应为不小于0的整数/,
    ],
    [
      'a duplicate id',
      (p) => {
        p.activities[1].id = 'a1';
      },
      /第2条.*「id」与本数据包中另一条普法宣传活动重复/,
    ],
    [
      'a closing date before acceptance',
      (p) => {
        p.mediationCases[0].closedOn = '2024-01-01';
      },
      /人民调解案件（第1条.*结案日期不能早于受理日期/,
    ],
    [
      'a missing required field',
      (p) => {
        delete (p.activities[0] as Record<string, unknown>).title;
      },
      /「活动名称」不能为空/,
    ],
    [
      'a bad updatedAt',
      (p) => {
        (p.activities[0] as Record<string, unknown>).updatedAt = 'yesterday';
      },
      /「updatedAt」不是有效的时间/,
    ],
  ];

  it.each(cases)('%s', async (_label, mutate, message) => {
    const core = memoryCore();
    const p = base();
    mutate(p);
    const content = JSON.stringify(p);
    const dry = ok(await core.call('exchange.preview', { content }));
    expect(dry.issues.map((i) => `${i.record}：${i.message}`).join('\n')).toMatch(message);
    expect(dry.totals.invalid).toBe(1);
    const r = ok(await core.call('exchange.import', { content }));
    expect(r.applied).toBe(false);
    expect(await countsOf(core)).toEqual({ activities: 0, mediationCases: 0, inspections: 0, workItems: 0, disclosureRequests: 0, screenings: 0 });
    expect(ok(await core.call('settings.get', {})).township).toBeNull();
  });

  it.each([
    ['not JSON', '{"format": "fazhi-ledger-package",', /不是法治台账数据包/],
    ['a wrong format', JSON.stringify({ ...base(), format: 'something-else' }), /不是法治台账数据包/],
    ['a newer version', JSON.stringify({ ...base(), version: 2 }), /只支持版本 1/],
    ['an array', '[]', /不是法治台账数据包/],
    ['a text file', 'Unexpected', /不是法治台账数据包/],
  ])('%s', async (_label, content, message) => {
    const core = memoryCore();
    const e = err(await core.call('exchange.import', { content }));
    expect(e.code).toBe('invalid_input');
    expect(e.message).toMatch(message);
    // plain Chinese: no parser text, no format code
    expect(e.message).not.toMatch(/JSON|Unexpected|token|format|fazhi-ledger/);
    expect(await countsOf(core)).toEqual({ activities: 0, mediationCases: 0, inspections: 0, workItems: 0, disclosureRequests: 0, screenings: 0 });
  });

  it('a missing township is named', async () => {
    const core = memoryCore();
    const { township: _t, ...rest } = base();
    const r = ok(await core.call('exchange.import', { content: JSON.stringify(rest) }));
    expect(r.applied).toBe(false);
    expect(r.issues[0].message).toContain('township.name');
  });

  it('with skipInvalid imports the valid records only', async () => {
    const core = memoryCore();
    const p = base();
    p.activities[1].date = 'bad';
    const r = ok(await core.call('exchange.import', { content: JSON.stringify(p), skipInvalid: true }));
    expect(r.applied).toBe(true);
    expect(await countsOf(core)).toEqual({ activities: 1, mediationCases: 1, inspections: 0, workItems: 0, disclosureRequests: 0, screenings: 0 });
  });

  it('ignores unknown keys at the top and in records', async () => {
    const core = memoryCore();
    const p = { ...base(), futureKey: { x: 1 }, activities: [{ ...base().activities[0], colour: 'red' }] };
    const r = ok(await core.call('exchange.import', { content: JSON.stringify(p) }));
    expect(r.issues).toEqual([]);
    expect(r.totals.new).toBe(2);
  });
});

describe('merging by id', () => {
  it('the newer updatedAt wins; an older or undated copy keeps the local record', async () => {
    const core = memoryCore();
    ok(await core.call('exchange.import', { content: JSON.stringify(base()) }));
    const local = ok(await core.call('activities.get', { id: 'a1' }));

    const newer = base();
    Object.assign(newer.activities[0], { title: '宪法宣传（更正）', updatedAt: '2026-11-22T12:00:00+08:00' });
    Object.assign(newer.activities[1], { title: '旧标题', updatedAt: '2001-01-01T00:00:00Z' });
    const preview = ok(await core.call('exchange.preview', { content: JSON.stringify(newer) }));
    expect(preview.byRegister.activities).toEqual({ new: 0, updated: 1, unchanged: 0, keptLocal: 1, invalid: 0 });
    expect(preview.byRegister.mediationCases.unchanged).toBe(1);
    expect(preview.changes.map((c) => `${c.id}:${c.action}`).sort()).toEqual(['a1:updated', 'a2:keptLocal']);

    ok(await core.call('exchange.import', { content: JSON.stringify(newer) }));
    const a1 = ok(await core.call('activities.get', { id: 'a1' }));
    expect(a1.title).toBe('宪法宣传（更正）');
    expect(a1.updatedAt).toBe('2026-11-22T04:00:00.000Z');
    expect(a1.updatedAt > local.updatedAt).toBe(true);
    expect(ok(await core.call('activities.get', { id: 'a2' })).title).toBe('国家安全教育日');
  });

  it('flags a package from another township and keeps local settings', async () => {
    const core = memoryCore();
    ok(await core.call('settings.update', { township: { name: '石桥乡', authority: '临江县石桥乡人民政府' } }));
    const r = ok(await core.call('exchange.import', { content: JSON.stringify(base()) }));
    expect(r.townshipMismatch).toBe(true);
    expect(ok(await core.call('settings.get', {})).township?.name).toBe('石桥乡');
  });

  it('a large package (ids read at once) still merges with the local records, the 回收站 and 案号 included', async () => {
    const core = memoryCore();
    ok(await core.call('exchange.import', { content: JSON.stringify(base()) }));
    ok(await core.call('activities.delete', { id: 'a2' }));
    const bulk = Array.from({ length: 1500 }, (_, i) => ({ id: `bulk-${i}`, date: '2024-05-01', title: `活动${i}`, kind: 'lecture' }));
    const p = {
      ...base(),
      activities: [
        { ...base().activities[0], title: '宪法宣传（更正）', updatedAt: '2026-11-22T12:00:00+08:00' },
        { ...base().activities[1], title: '改过' },
        ...bulk,
      ],
      mediationCases: [
        ...base().mediationCases,
        ...Array.from({ length: 1200 }, (_, i) => ({
          id: `c-${i}`,
          acceptedOn: '2024-03-01',
          closedOn: '2024-03-05',
          type: 'neighbor',
          status: 'success',
          caseNo: `清河调〔2024〕${i + 1}号`,
        })),
        { id: 'c-dup', acceptedOn: '2024-03-02', closedOn: '2024-03-05', type: 'neighbor', status: 'success', caseNo: '清河调[2024]０７号' },
      ],
    };
    const r = ok(await core.call('exchange.preview', { content: JSON.stringify(p) }));
    expect(r.byRegister.activities).toEqual({ new: 1500, updated: 1, unchanged: 0, keptLocal: 1, invalid: 0 });
    expect(r.changes.find((c) => c.id === 'a2')).toMatchObject({ action: 'keptLocal', inBin: true });
    expect(r.issues.slice(0, 3).map((i) => i.message)).toEqual([expect.stringContaining('清河调〔2024〕7号')]);
    expect(r.byRegister.mediationCases).toEqual({ new: 1200, updated: 0, unchanged: 1, keptLocal: 0, invalid: 1 });
    expect(r.issues.map((i) => i.message).join()).toContain('清河调〔2024〕7号');
  });

  it('imports 10 000 records in one transaction', async () => {
    const core = memoryCore();
    const p = {
      ...base(),
      activities: Array.from({ length: 10_000 }, (_, i) => ({ id: `bulk-${i}`, date: '2024-05-01', title: `活动${i}`, kind: 'lecture' })),
    };
    const r = ok(await core.call('exchange.import', { content: JSON.stringify(p) }));
    expect(r.totals.new).toBe(10_001);
    expect((await countsOf(core)).activities).toBe(10_000);
  });
});

describe('the write after the dry run (the before-import backup runs between them)', () => {
  it('writes the dry run’s plan when the ledger did not change meanwhile', async () => {
    const core = memoryCore();
    const planned = PackageImport.plan(core.ctx, JSON.stringify(base()), { dryRun: false });
    const dry = planned.report;
    expect(dry).toMatchObject({ dryRun: true, applied: false, issues: [] });
    const report = planned.write();
    // the same plan, not validated again
    expect(report).toBe(dry);
    expect(report).toMatchObject({ dryRun: false, applied: true });
    expect(report.totals.new).toBe(3);
    expect((await countsOf(core)).activities).toBe(2);
  });

  it('plans again when the ledger changed meanwhile: a 案号 taken since the dry run is refused, nothing written', async () => {
    const core = memoryCore();
    const p = base();
    Object.assign(p.mediationCases[0], { caseNo: '清河调〔2024〕5号' });
    const planned = PackageImport.plan(core.ctx, JSON.stringify(p), { dryRun: false });
    const dry = planned.report;
    expect(dry.issues).toEqual([]);
    ok(
      await core.call('mediationCases.create', { record: { type: 'neighbor', acceptedOn: '2024-01-05', status: 'in_progress', caseNo: '清河调〔2024〕5号' } }),
    );
    const report = planned.write();
    expect(report).not.toBe(dry);
    expect(report.applied).toBe(false);
    expect(report.issues.map((i) => `${i.record}：${i.message}`).join('\n')).toMatch(/人民调解案件（第1条[^）]*）：.*清河调〔2024〕5号/);
    expect(await countsOf(core)).toMatchObject({ activities: 0, mediationCases: 1 });
  });

  it('plans again when another connection wrote to the ledger meanwhile', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const core = createCore({ dbPath: join(dir, 'ledger.db'), now: () => new Date('2026-11-22T02:00:00.000Z') });
      const planned = PackageImport.plan(core.ctx, JSON.stringify(base()), { dryRun: false });
      const dry = planned.report;
      const other = new Database(join(dir, 'ledger.db'));
      other.prepare("INSERT INTO exchange_seen (register, record_id, updated_at) VALUES ('activities', 'x', '2020-01-01T00:00:00.000Z')").run();
      other.close();
      const report = planned.write();
      expect(report).not.toBe(dry);
      expect(report.applied).toBe(true);
      expect((await countsOf(core)).activities).toBe(2);
      core.close();
    } finally {
      cleanup();
    }
  });
});
