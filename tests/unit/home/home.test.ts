// 首页 is its own domain (core/home/): the reminders and the year's figures, served by
// home/handlers.ts under their old method names (dashboard.*, reminders.list).
import { describe, expect, it } from 'vitest';
import { homeHandlers } from '../../../electron/core/home/handlers.ts';
import { contractSlices } from '../../../electron/shared/contract/index.ts';
import { memoryCore, ok } from '../../helpers/core.ts';

describe('首页 domain', () => {
  it('serves dashboard.* and reminders.list, and the cases slice no longer does', () => {
    expect(Object.keys(contractSlices.home).sort()).toEqual(['dashboard.get', 'dashboard.incompleteCases', 'reminders.list']);
    expect(Object.keys(contractSlices.cases).filter((m) => !m.startsWith('cases.'))).toEqual([]);
  });

  it("counts the year's cases and the incomplete 卷宗 straight from its handlers", async () => {
    const core = memoryCore();
    const create = (record: Record<string, unknown>) => core.dispatch('mediationCases.create', { record });
    ok(await create({ acceptedOn: '2025-07-01', type: 'neighbor', status: 'in_progress', village: '东岗村' }));
    ok(await create({ acceptedOn: '2025-07-15', type: 'neighbor', status: 'in_progress', village: '石桥村' }));
    ok(await create({ acceptedOn: '2024-07-15', type: 'neighbor', status: 'in_progress', village: '石桥村' }));
    const d = await homeHandlers['dashboard.get']({ year: 2025 }, core.ctx);
    expect(d.monthly.mediationCases).toEqual([0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0]);
    expect(d.disputeTypes).toEqual([{ code: 'neighbor', count: 2 }]);
    // no parties, no facts: both files of 2025 lack something
    expect(await homeHandlers['dashboard.incompleteCases']({ year: 2025, date: '2025-08-01' }, core.ctx)).toBe(2);
    expect(ok(await core.call('dashboard.incompleteCases', { year: 2024, date: '2025-08-01' }))).toBe(1);
    core.close();
  });
});
