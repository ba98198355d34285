import { describe, expect, it } from 'vitest';
import { REGISTER_NAMES, REGISTERS } from '../../../electron/shared/registers.ts';
import { validateRecord } from '../../../electron/shared/validation.ts';
import { err, memoryCore, ok } from '../../helpers/core.ts';

describe('demo year', () => {
  it('fills an empty year with valid, realistic records spread over the months', async () => {
    const core = memoryCore();
    const counts = ok(await core.call('demo.generate', { year: 2025 }));
    expect(counts.activities).toBeGreaterThanOrEqual(40);
    expect(counts.mediationCases).toBeGreaterThanOrEqual(100);
    expect(counts.inspections).toBeGreaterThanOrEqual(30);
    expect(counts.workItems).toBeGreaterThanOrEqual(40);
    for (const r of REGISTER_NAMES) {
      const { items, total } = ok(await core.dispatch(`${r}.list`, { year: 2025, pageSize: 500 })) as { items: Record<string, unknown>[]; total: number };
      expect(total).toBe(counts[r]);
      const months = new Set(items.map((x) => String(x[REGISTERS[r].dateKey]).slice(5, 7)));
      expect(months.size, `${r} months`).toBeGreaterThanOrEqual(r === 'inspections' ? 8 : r === 'disclosureRequests' ? 5 : 10);
      for (const item of items) expect(validateRecord(REGISTERS[r], item).ok, `${r} ${item.id}`).toBe(true);
    }
    const cases = ok(await core.call('mediationCases.list', { year: 2025, pageSize: 500 })).items;
    const success = cases.filter((c) => c.status === 'success').length;
    expect(success / cases.length).toBeGreaterThan(0.85);
    const inspections = ok(await core.call('inspections.list', { year: 2025, pageSize: 500 })).items;
    expect(inspections.some((i) => i.outcome === 'penalty')).toBe(true);
    expect(ok(await core.call('settings.get', {})).township?.name).toBe('清河镇');
    expect(ok(await core.call('years.getProfile', { year: 2025 })).narrative.shortcomings).toContain('一是');
  });

  it('is repeatable for the same seed and refuses a year that has records', async () => {
    const a = memoryCore();
    const b = memoryCore();
    ok(await a.call('demo.generate', { year: 2024, seed: 7 }));
    ok(await b.call('demo.generate', { year: 2024, seed: 7 }));
    const titles = async (c: typeof a) =>
      ok(await c.call('activities.list', { year: 2024, pageSize: 500, sortBy: 'title' }))
        .items.map((x) => `${x.date}${x.title}`)
        .sort();
    expect(await titles(a)).toEqual(await titles(b));
    expect(err(await a.call('demo.generate', { year: 2024 })).message).toContain('已有台账记录');
  });
});
