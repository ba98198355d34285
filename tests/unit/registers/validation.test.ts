import { describe, expect, it } from 'vitest';
import { ACTIVITY, fieldApplies, INSPECTION, MEDIATION_CASE, WORK_ITEM } from '../../../electron/shared/registers.ts';
import { isValidDate } from '../../../electron/shared/calendar-date.ts';
import { describeRecord, validateRecord } from '../../../electron/shared/validation.ts';

describe('isValidDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2023-04-31', false],
    ['2023-12-31', true],
    ['2023-13-01', false],
    ['2023-1-5', false],
    ['1999-12-31', false],
    ['2101-01-01', false],
    ['2023-00-10', false],
  ])('%s → %s', (s, want) => expect(isValidDate(s)).toBe(want));
});

describe('validateRecord', () => {
  it('trims text, drops unknown keys, and dedupes laws', () => {
    const v = validateRecord(ACTIVITY, { date: '2024-01-02', title: '  宪法宣传  ', kind: 'campaign', laws: ['宪法', ' 宪法 ', ''], colour: 'red' });
    expect(v.ok).toBe(true);
    if (v.ok) {
      expect(v.value.title).toBe('宪法宣传');
      expect(v.value.laws).toEqual(['宪法']);
      expect('colour' in v.value).toBe(false);
    }
  });

  it('names every bad field at once', () => {
    const v = validateRecord(ACTIVITY, { date: 'x', title: 'a'.repeat(201), kind: 'party', audience: 1.5 });
    expect(v.ok).toBe(false);
    if (!v.ok) {
      expect(v.issues.map((i) => i.field)).toEqual(['date', 'title', 'kind', 'audience']);
      expect(v.issues[1].message).toBe('「活动名称」不能超过200个字（现有201个字）');
    }
  });

  it('refuses strings in number fields rather than guessing', () => {
    const v = validateRecord(ACTIVITY, { date: '2024-01-02', title: 't', kind: 'campaign', audience: '300' });
    expect(v.ok).toBe(false);
  });

  it('describes a record without personal data', () => {
    const label = describeRecord(
      MEDIATION_CASE,
      { id: 'm1', acceptedOn: '2024-03-01', caseNo: '调〔2024〕1号', parties: '张三、李四', summary: '张三与李四因……' },
      4,
    );
    expect(label).toBe('人民调解案件（第5条，2024-03-01 调〔2024〕1号）');
  });

  it('ends a long title with “…” and never cuts a character in half', () => {
    const title = `${'𠀀'.repeat(29)}宪法宣传周活动`;
    const label = describeRecord(ACTIVITY, { date: '2024-03-05', title });
    expect(label).toBe(`普法宣传活动（2024-03-05 ${'𠀀'.repeat(29)}宪…）`);
    expect(describeRecord(ACTIVITY, { date: '2024-03-05', title: '宪法宣传周' })).toBe('普法宣传活动（2024-03-05 宪法宣传周）');
  });
});

describe('fields that belong to some records only', () => {
  const shown = (def: typeof WORK_ITEM | typeof INSPECTION, record: Record<string, unknown>) =>
    def.fields.filter((f) => fieldApplies(f, record)).map((f) => f.key);

  it('a 行政复议 entry is not asked 考试合格人数 or 参加人次; a 学法考试 is', () => {
    expect(shown(WORK_ITEM, { category: 'reconsideration' })).not.toContain('passed');
    expect(shown(WORK_ITEM, { category: 'reconsideration' })).not.toContain('participants');
    expect(shown(WORK_ITEM, { category: 'reconsideration' })).toContain('outcome');
    expect(shown(WORK_ITEM, { category: 'exam' })).toEqual(expect.arrayContaining(['participants', 'passed']));
    expect(shown(WORK_ITEM, { category: 'litigation' })).toContain('leaderAppeared');
    expect(shown(WORK_ITEM, { category: 'other' })).toEqual(WORK_ITEM.fields.map((f) => f.key));
  });

  it('处罚种类 belongs to a 行政处罚 only, and is required there', () => {
    expect(shown(INSPECTION, { outcome: 'rectification' })).not.toContain('penaltyKind');
    expect(shown(INSPECTION, { outcome: 'penalty' })).toContain('penaltyKind');
    const base = { date: '2024-05-01', field: 'market', target: '某超市', outcome: 'penalty' };
    const v = validateRecord(INSPECTION, base);
    expect(v.ok ? [] : v.issues).toEqual([{ field: 'penaltyKind', message: '处理结果为“行政处罚”时，必须填写处罚种类' }]);
    expect(validateRecord(INSPECTION, { ...base, penaltyKind: 'warning' }).ok).toBe(true);
    expect(validateRecord(INSPECTION, { ...base, outcome: 'no_issue' }).ok).toBe(true);
  });

  it('a missing 处罚种类 is named at the first 保存, together with the other empty required fields', () => {
    const v = validateRecord(INSPECTION, { outcome: 'penalty' });
    const fields = v.ok ? [] : v.issues.map((i) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['date', 'field', 'target', 'penaltyKind']));
    // an unreadable 处理结果 is its own problem: nothing is said about the fields it would gate
    const bad = validateRecord(INSPECTION, { date: '2024-05-01', field: 'market', target: '某超市', outcome: 'fine?' });
    expect(bad.ok ? [] : bad.issues.map((i) => i.field)).toEqual(['outcome']);
  });
});

describe('work item 细分类别', () => {
  it('stores a Chinese subkind of its category as the code the statistics count', async () => {
    const { WORK_ITEM } = await import('../../../electron/shared/registers.ts');
    const v = validateRecord(WORK_ITEM, { date: '2024-05-01', category: 'legal_review', title: '合同审查', subkind: '合同' });
    expect(v.ok && v.value.subkind).toBe('contract');
    const t = validateRecord(WORK_ITEM, { date: '2024-05-01', category: 'training', title: '调解员培训', subkind: '调解员' });
    expect(t.ok && t.value.subkind).toBe('mediators');
    const free = validateRecord(WORK_ITEM, { date: '2024-05-01', category: 'study', title: '学法', subkind: '中心组' });
    expect(free.ok && free.value.subkind).toBe('中心组');
  });
});
