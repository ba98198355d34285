// The edit form ↔ the API record (views/registers/record-form.ts): what a new record starts with,
// and that a field hidden by its condition is never saved behind the clerk's back.
// (Type-checked with the renderer: tsconfig.renderer.json.)
import { describe, expect, it } from 'vitest';
import { MEDIATION_CASE, WORK_ITEM } from '@shared/registers.ts';
import { validateRecord } from '@shared/validation.ts';
import { formToPayload, newEntry, newForm } from '@/views/registers/record-form.ts';

describe('record form', () => {
  it('sends a field its 工作类别 hides as empty: a 学法考试 switched to 行政复议 keeps no 考试合格人数', () => {
    const form = { ...newForm(WORK_ITEM), date: '2024-05-01', title: '行政复议答复', category: 'exam', participants: 30, passed: 28 };
    expect(formToPayload(WORK_ITEM, form)).toMatchObject({ participants: 30, passed: 28 });
    form.category = 'reconsideration';
    const payload = formToPayload(WORK_ITEM, form);
    expect(payload).toMatchObject({ participants: null, passed: null, outcome: null });
    const v = validateRecord(WORK_ITEM, payload);
    expect(v.ok && [v.value.participants, v.value.passed]).toEqual([0, 0]);
  });

  it('keeps a value the record already had under another category (it stays in sight)', () => {
    const original = { category: 'study', participants: 12, passed: 10 };
    const form = { ...newForm(WORK_ITEM), date: '2024-05-01', title: '集体学法', ...original };
    expect(formToPayload(WORK_ITEM, form, original)).toMatchObject({ participants: 12, passed: 10 });
  });

  it('starts a new case with an 申请人 and a 被申请人; later entries are 当事人', () => {
    const partyList = MEDIATION_CASE.fields.find((f) => f.key === 'partyList')!;
    const form = newForm(MEDIATION_CASE);
    expect((form.partyList as { role: string }[]).map((p) => p.role)).toEqual(['applicant', 'respondent']);
    expect(newEntry(partyList, 5)).toMatchObject({ role: 'party', name: '' });
    // untouched, the two entries are dropped on save, not refused
    const v = validateRecord(MEDIATION_CASE, { ...formToPayload(MEDIATION_CASE, form), acceptedOn: '2024-05-01', type: 'neighbor', status: 'in_progress' });
    expect(v.ok && v.value.partyList).toEqual([]);
  });
});
