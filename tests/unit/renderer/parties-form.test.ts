// The form sends 当事人 and 当事人人数 as the parties list says, never the stale hidden values.
import { describe, expect, it } from 'vitest';
import { MEDIATION_CASE } from '@shared/registers.ts';
import { formToPayload } from '@/views/registers/record-form.ts';

const list = [
  { role: 'applicant', name: '张三' },
  { role: 'respondent', name: '李四' },
  { role: 'party', name: '后加的王五' },
];

describe('the case form', () => {
  it('the form sends the list’s names, not the hidden stale values', () => {
    const form = { acceptedOn: '2024-04-02', type: 'neighbor', status: 'in_progress', parties: '张三', partyCount: 1, partyList: list } as Record<
      string,
      unknown
    >;
    expect(formToPayload(MEDIATION_CASE, form)).toMatchObject({ parties: '张三、李四、后加的王五', partyCount: 3 });
  });
});
