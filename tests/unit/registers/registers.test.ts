import { beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/index.ts';
import { REGISTER_NAMES, REGISTERS, type RegisterName } from '../../../electron/shared/registers.ts';
import { err, memoryCore, ok, SAMPLES } from '../../helpers/core.ts';

let core: Core;
beforeEach(() => {
  core = memoryCore();
});

const create = async (r: RegisterName, record: Record<string, unknown>) =>
  ok(await core.dispatch(`${r}.create`, { record })) as Record<string, unknown> & { id: string };
const list = async (r: RegisterName, q: Record<string, unknown>) =>
  ok(await core.dispatch(`${r}.list`, q)) as { items: Record<string, unknown>[]; total: number };

describe.each(REGISTER_NAMES)('%s register', (r) => {
  const def = REGISTERS[r];
  const sample = SAMPLES[r] as Record<string, unknown>;
  const dateKey = def.dateKey;

  it('creates, reads, updates, deletes into the 回收站 and restores', async () => {
    const rec = await create(r, sample);
    expect(rec.id).toMatch(/^[0-9a-f-]{36}$/);
    for (const [k, v] of Object.entries(sample)) expect(rec[k], k).toEqual(v);
    expect(rec.deletedAt).toBeNull();

    const got = ok(await core.dispatch(`${r}.get`, { id: rec.id })) as Record<string, unknown>;
    expect(got).toEqual(rec);

    const titleKey = def.titleKey;
    const updated = ok(await core.dispatch(`${r}.update`, { id: rec.id, record: { ...sample, [titleKey]: '修改后的名称' } })) as Record<string, unknown>;
    expect(updated[titleKey]).toBe('修改后的名称');
    expect(String(updated.updatedAt) > String(rec.updatedAt)).toBe(true);

    ok(await core.dispatch(`${r}.delete`, { id: rec.id }));
    expect((await list(r, {})).total).toBe(0);
    const bin = await list(r, { deleted: true });
    expect(bin.items.map((x) => x.id)).toEqual([rec.id]);
    expect(err(await core.dispatch(`${r}.update`, { id: rec.id, record: sample })).message).toContain('回收站');

    const restored = ok(await core.dispatch(`${r}.restore`, { id: rec.id })) as Record<string, unknown>;
    expect(restored.deletedAt).toBeNull();
    expect((await list(r, {})).items[0][titleKey]).toBe('修改后的名称');

    expect(err(await core.dispatch(`${r}.purge`, { id: rec.id })).code).toBe('conflict');
    ok(await core.dispatch(`${r}.delete`, { id: rec.id }));
    ok(await core.dispatch(`${r}.purge`, { id: rec.id }));
    expect(err(await core.dispatch(`${r}.get`, { id: rec.id })).code).toBe('not_found');
  });

  it('fills defaults: counts 0 (work item count 1), booleans false, empty text null', async () => {
    const minimal: Record<string, unknown> = Object.fromEntries(def.fields.filter((f) => f.required).map((f) => [f.key, sample[f.key]]));
    if (r === 'inspections') minimal.outcome = 'no_issue';
    if (r === 'mediationCases') minimal.status = 'in_progress'; // 调解成功 needs a 结案日期
    const rec = await create(r, minimal);
    for (const f of def.fields) {
      if (f.required) continue;
      // a new case without a 案号 gets the next number of its year (no township yet: no 简称)
      if (r === 'mediationCases' && f.key === 'caseNo') expect(rec.caseNo).toBe('调〔2024〕1号');
      else if (f.type === 'int' && f.defaultValue === undefined) expect(rec[f.key], f.key).toBeNull();
      else if (f.type === 'int') expect(rec[f.key], f.key).toBe(f.defaultValue ?? 0);
      else if (f.type === 'bool') expect(rec[f.key], f.key).toBe(false);
      else if (f.type === 'tags' || f.type === 'list') expect(rec[f.key], f.key).toEqual([]);
      else expect(rec[f.key], f.key).toBeNull();
    }
    if (r === 'workItems') expect(rec.count).toBe(1);
  });

  it('refuses a record without its required fields, naming each in Chinese', async () => {
    const e = err(await core.dispatch(`${r}.create`, { record: {} }));
    expect(e.code).toBe('invalid_input');
    for (const f of def.fields.filter((x) => x.required)) {
      expect(e.message).toContain(`「${f.label}」不能为空`);
      expect(e.issues?.map((i) => i.field)).toContain(f.key);
    }
    expect((await list(r, {})).total).toBe(0);
  });

  it('refuses an impossible date, an unknown code and a negative count', async () => {
    const e1 = err(await core.dispatch(`${r}.create`, { record: { ...sample, [dateKey]: '2023-02-30' } }));
    expect(e1.message).toMatch(/「(活动日期|受理日期|检查日期|日期|收到申请日期|排查日期)」不是有效日期/);
    // (矛盾纠纷排查 has no choice field)
    const enumField = def.fields.find((f) => f.type === 'enum' && f.required);
    if (enumField) {
      const e2 = err(await core.dispatch(`${r}.create`, { record: { ...sample, [enumField.key]: 'nonsense' } }));
      expect(e2.message).toContain(`「${enumField.label}」的取值“nonsense”无效`);
    }
    const countField = def.fields.find((f) => f.type === 'int');
    if (countField) {
      const e3 = err(await core.dispatch(`${r}.create`, { record: { ...sample, [countField.key]: -1 } }));
      expect(e3.message).toContain(`「${countField.label}」应为不小于`);
    }
    expect((await list(r, {})).total).toBe(0);
  });

  it('lists with year, date range, filters, keyword, sort and pagination', async () => {
    const dates = ['2023-12-31', '2024-01-01', '2024-02-10', '2024-07-01', '2024-12-31', '2025-01-01'];
    for (const [i, d] of dates.entries())
      await create(r, {
        ...sample,
        [dateKey]: d,
        ...(r === 'mediationCases' ? { closedOn: d } : {}),
        ...(r === 'disclosureRequests' ? { resultOn: d } : {}),
        [def.titleKey]: `记录${i}`,
        department: i % 2 ? '司法所' : '党政办',
      });
    const y = await list(r, { year: 2024 });
    expect(y.total).toBe(4);
    expect(y.items.map((x) => x[dateKey])).toEqual(['2024-12-31', '2024-07-01', '2024-02-10', '2024-01-01']);
    expect((await list(r, { from: '2024-02-01', to: '2024-07-01' })).total).toBe(2);
    expect((await list(r, { year: 2024, filters: { department: '司法所' } })).total).toBe(2);
    const kw = await list(r, { keyword: '记录3' });
    expect(kw.items.map((x) => x[def.titleKey])).toEqual(['记录3']);
    const asc = await list(r, { sortBy: dateKey, sortOrder: 'asc', page: 2, pageSize: 4 });
    expect(asc.total).toBe(6);
    expect(asc.items.map((x) => x[dateKey])).toEqual(['2024-12-31', '2025-01-01']);
    expect(err(await core.dispatch(`${r}.list`, { sortBy: 'notes' })).message).toContain('不能按');
    expect(err(await core.dispatch(`${r}.list`, { filters: { notes: 'x' } })).message).toContain('不能按');
  });

  it('treats % and _ in a keyword literally', async () => {
    await create(r, { ...sample, [def.titleKey]: '100%完成' });
    await create(r, { ...sample, [def.titleKey]: '一般记录' });
    expect((await list(r, { keyword: '%' })).total).toBe(1);
    expect((await list(r, { keyword: '_' })).total).toBe(0);
  });
});

describe('rules across fields', () => {
  it('结案日期不能早于受理日期', async () => {
    const e = err(await core.dispatch('mediationCases.create', { record: { ...SAMPLES.mediationCases, closedOn: '2024-04-01' } }));
    expect(e.message).toContain('结案日期不能早于受理日期');
    expect(e.issues).toEqual([{ field: 'closedOn', message: '结案日期不能早于受理日期' }]);
  });

  it('已整改数不能大于发现问题数', async () => {
    const e = err(await core.dispatch('inspections.create', { record: { ...SAMPLES.inspections, issuesFound: 1, issuesRectified: 2 } }));
    expect(e.message).toContain('已整改数不能大于发现问题数');
  });

  it('a penalty needs its kind; other outcomes drop stale penalty details', async () => {
    const e = err(await core.dispatch('inspections.create', { record: { ...SAMPLES.inspections, penaltyKind: null } }));
    expect(e.issues).toContainEqual({ field: 'penaltyKind', message: '处理结果为“行政处罚”时，必须填写处罚种类' });
    const rec = ok(await core.call('inspections.create', { record: { ...SAMPLES.inspections, outcome: 'rectification' } }));
    expect(rec.penaltyKind).toBeNull();
    expect(rec.penaltyAmount).toBeNull();
  });

  it('考试合格人数不能大于参加人次', async () => {
    const e = err(await core.dispatch('workItems.create', { record: { ...SAMPLES.workItems, category: 'exam', participants: 10, passed: 11 } }));
    expect(e.message).toContain('考试合格人数不能大于参加人次');
  });

  it('a case still 调解中 cannot have a closing date', async () => {
    const e = err(await core.dispatch('mediationCases.create', { record: { ...SAMPLES.mediationCases, status: 'in_progress' } }));
    expect(e.message).toContain('调解中');
  });
});

describe('suggestions and year counts', () => {
  it('suggests villages, most used first, but never personal fields', async () => {
    for (const v of ['石桥村', '清河村', '石桥村']) await create('mediationCases', { ...SAMPLES.mediationCases, caseNo: null, village: v });
    expect(ok(await core.call('mediationCases.suggest', { field: 'village' }))).toEqual(['石桥村', '清河村']);
    expect(err(await core.call('mediationCases.suggest', { field: 'parties' })).code).toBe('invalid_input');
  });

  it('counts the year per register, and the 回收站 apart', async () => {
    const a = await create('activities', SAMPLES.activities);
    await create('activities', { ...SAMPLES.activities, date: '2025-01-01' });
    await create('workItems', SAMPLES.workItems);
    ok(await core.call('activities.delete', { id: a.id }));
    const c = ok(await core.call('years.counts', { year: 2024 }));
    expect(c.counts).toEqual({ activities: 0, mediationCases: 0, inspections: 0, workItems: 1, disclosureRequests: 0, screenings: 0 });
    expect(c.deleted.activities).toBe(1);
    expect(ok(await core.call('years.list', {}))).toEqual([2026, 2025, 2024]);
  });
});

describe('settings and year profiles', () => {
  it('stores the township and the number style', async () => {
    expect(ok(await core.call('settings.get', {}))).toEqual({
      township: null,
      approximateNumbers: true,
      opennessContact: null,
      addressee: null,
      caseNoPattern: '{简称}调〔{年度}〕{序号}号',
      villages: [],
    });
    const s = ok(
      await core.call('settings.update', { township: { name: ' 清河镇 ', authority: '临江县清河镇人民政府', superior: '' }, approximateNumbers: false }),
    );
    expect(s).toEqual({
      township: { name: '清河镇', authority: '临江县清河镇人民政府', superior: null },
      approximateNumbers: false,
      opennessContact: null,
      addressee: null,
      caseNoPattern: '{简称}调〔{年度}〕{序号}号',
      villages: [],
    });
    expect(err(await core.call('settings.update', { township: { name: '', authority: 'x' } })).message).toContain('请填写乡镇简称');
  });

  it('merges profile figures and narrative texts', async () => {
    ok(await core.call('years.saveProfile', { year: 2024, mediationCommittees: 12, narrative: { shortcomings: '一是……\r\n二是……' } }));
    const p = ok(await core.call('years.saveProfile', { year: 2024, certifiedEnforcers: 9, narrative: { other: '  ' } }));
    expect(p.mediationCommittees).toBe(12);
    expect(p.certifiedEnforcers).toBe(9);
    expect(p.narrative.shortcomings).toBe('一是……\n二是……');
    expect(p.narrative.other).toBeNull();
    expect(err(await core.call('years.saveProfile', { year: 1999 })).message).toContain('2000');
  });
});
