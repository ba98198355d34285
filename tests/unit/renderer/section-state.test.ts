// The 年度报告's status tag of a part: a clerk text whose number contradicts the ledger
// reads 必须核对, not 已填写 (issues 17.1, 23.6).
import { describe, expect, it } from 'vitest';
import type { ReviewItem } from '@shared/contract/report.ts';
import { mustCheckSections, sectionState } from '@/views/report/section-state.ts';

const contradiction = (section: string): ReviewItem => ({
  kind: 'contradiction',
  severity: 'warning',
  mustCheck: true,
  message: `“${section}”写“办结1件”，台账为2。`,
  link: { page: 'report', section },
});

describe('the status tag of a report section', () => {
  const review: ReviewItem[] = [
    contradiction('leaderDuties'),
    contradiction('measure-mediation'),
    // not 必须核对, or not about a section: no effect on the tags
    { kind: 'draft_text', severity: 'warning', message: '草稿', link: { page: 'report', section: 'shortcomings' } },
    { kind: 'report_date_refused', severity: 'warning', mustCheck: true, message: '成文日期', link: { page: 'report', section: 'date' } },
    { kind: 'no_township', severity: 'block', mustCheck: true, message: '乡镇', link: { page: 'settings' } },
  ];
  const marked = mustCheckSections(review);

  it('collects the sections the 审稿 marks 必须核对', () => {
    expect([...marked].sort()).toEqual(['date', 'leaderDuties', 'measure-mediation']);
  });

  it('a filled text with a contradicting number is 必须核对; the others keep 已填写 / 草稿', () => {
    expect(sectionState({ narrativeKey: 'leaderDuties', draft: false, narrative: '全年办结1件。' }, marked)).toBe('mustCheck');
    expect(sectionState({ narrativeKey: 'leaderDuties', draft: false, narrative: '全年办结1件。' }, new Set())).toBe('filled');
    expect(sectionState({ narrativeKey: 'shortcomings', draft: true, narrative: null }, marked)).toBe('draft');
    expect(sectionState({ narrativeKey: 'nextYearPlan', draft: false, narrative: '一是……' }, marked)).toBe('filled');
    expect(sectionState({ narrativeKey: 'other', draft: false, narrative: null }, marked)).toBeNull();
    expect(sectionState({ narrativeKey: null, draft: false, narrative: null }, marked)).toBeNull();
  });
});
