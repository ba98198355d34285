// The parties list is the truth: 当事人 and 当事人人数 follow it on save, on every
// door, and a keyword finds every listed name.
import { describe, expect, it } from 'vitest';
import { deriveParties } from '../../../electron/shared/parties.ts';
import { memoryCore, ok, SAMPLES } from '../../helpers/core.ts';

const list = [
  { role: 'applicant', name: '张三' },
  { role: 'respondent', name: '李四' },
  { role: 'party', name: '后加的王五' },
];

describe('当事人 and 当事人人数 follow the parties list', () => {
  it('deriveParties: the names joined, the count; a record without a list unchanged', () => {
    expect(deriveParties({ parties: '张三', partyCount: 9, partyList: list })).toMatchObject({ parties: '张三、李四、后加的王五', partyCount: 3 });
    const old = { parties: '赵六、钱七', partyCount: 2, partyList: [] };
    expect(deriveParties(old)).toBe(old);
  });

  it('a stale 当事人 sent with an edited list is replaced on save, and the keyword finds the added name', async () => {
    const core = memoryCore();
    ok(await core.call('settings.update', { township: { name: '石桥乡', authority: '临江县石桥乡人民政府' } }));
    const rec = ok(await core.call('mediationCases.create', { record: { ...SAMPLES.mediationCases, partyList: list.slice(0, 2) } }));
    expect(rec).toMatchObject({ parties: '张三、李四', partyCount: 2 });
    // the form sent the old hidden values back with the added party
    const updated = ok(
      await core.call('mediationCases.update', {
        id: rec.id,
        record: { ...rec, parties: '张三、李四', partyCount: 2, partyList: list },
      }),
    );
    expect(updated).toMatchObject({ parties: '张三、李四、后加的王五', partyCount: 3 });
    expect(ok(await core.call('mediationCases.list', { keyword: '王五' })).total).toBe(1);
    // a data package carrying a stale 当事人 takes the list's names too
    const pkg = JSON.parse(ok(await core.call('exchange.export', { withPersonal: true })).content);
    pkg.mediationCases[0].parties = '旧名字';
    pkg.mediationCases[0].partyCount = 7;
    const b = memoryCore();
    ok(await b.call('exchange.import', { content: JSON.stringify(pkg) }));
    expect(ok(await b.call('mediationCases.list', {})).items[0]).toMatchObject({ parties: '张三、李四、后加的王五', partyCount: 3 });
    core.close();
    b.close();
  });
});
