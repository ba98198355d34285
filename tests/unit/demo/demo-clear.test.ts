// 清除示例数据 removes only untouched demo records, into the 回收站, after a backup;
// a demo record the clerk edited or gave a photo is the clerk's and stays.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/index.ts';
import { ok, tempDir } from '../../helpers/core.ts';

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

describe('清除示例数据', () => {
  it('keeps the edited ones, bins the others (restorable), after a backup', async () => {
    const t = tempDir();
    const core = createCore({ dbPath: join(t.dir, 'ledger.db'), mode: 'web' });
    const counts = ok(await core.call('demo.generate', { year: 2024 }));
    const cases = ok(await core.call('mediationCases.list', { year: 2024, pageSize: 500 })).items;
    // the clerk turned one demo case into a real one, and gave a demo activity a photo
    const edited = ok(await core.call('mediationCases.update', { id: cases[0].id, record: { ...cases[0], mediator: '我自己' } }));
    expect(edited.demo).toBe(false);
    const act = ok(await core.call('activities.list', { year: 2024, pageSize: 1 })).items[0];
    ok(await core.call('attachments.add', { register: 'activities', recordId: act.id, fileName: '现场.png', base64: PNG.toString('base64') }));
    const act2 = ok(await core.call('activities.list', { year: 2024, pageSize: 2 })).items[1];
    ok(await core.call('attachments.add', { register: 'activities', recordId: act2.id, fileName: '现场.png', base64: PNG.toString('base64') }));
    ok(
      await core.call('activities.update', {
        id: act2.id,
        record: { ...act2, title: '改过的活动' },
      }),
    );

    const expected = { ...counts, mediationCases: counts.mediationCases - 1, activities: counts.activities - 2 };
    expect(ok(await core.call('demoData.count', {}))).toEqual(expected);
    expect(ok(await core.call('demoData.clear', {}))).toEqual(expected);
    // a backup was taken first
    expect(readdirSync(join(t.dir, 'backups')).some((n) => n.includes('before-clear'))).toBe(true);
    // what was edited stays; the rest is in the 回收站, restorable
    expect(ok(await core.call('mediationCases.get', { id: edited.id })).deletedAt).toBeNull();
    expect(ok(await core.call('activities.get', { id: act.id })).deletedAt).toBeNull();
    expect(ok(await core.call('years.counts', { year: 2024 })).counts).toMatchObject({ mediationCases: 1, activities: 2 });
    const binned = ok(await core.call('mediationCases.list', { deleted: true, pageSize: 500 }));
    expect(binned.total).toBe(counts.mediationCases - 1);
    ok(await core.call('mediationCases.restore', { id: binned.items[0].id }));
    expect(ok(await core.call('demoData.count', {})).mediationCases).toBe(1);
    core.close();
    t.cleanup();
  });
});
