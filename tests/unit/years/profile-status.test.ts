import { describe, expect, it } from 'vitest';
import { emptyProfile } from '../../../electron/core/years/year-profiles.ts';
import { profileStatus } from '../../../electron/shared/profile-status.ts';
import { PROFILE_FIGURE_KEYS } from '../../../electron/shared/records.ts';

const figures = Object.fromEntries(PROFILE_FIGURE_KEYS.map((k) => [k, 3]));

describe('首页 年度信息 status', () => {
  it('is 尚未填写 for no profile and for an empty one', () => {
    expect(profileStatus(2025, null).summary).toBe('2025年的年度信息尚未填写。');
    expect(profileStatus(2025, { ...emptyProfile(2025), updatedAt: '2025-12-01T00:00:00Z' }).state).toBe('empty');
  });

  it('never says 已填写 while report texts are empty: it names the missing ones', () => {
    const s = profileStatus(2025, { ...emptyProfile(2025), ...figures, updatedAt: '2025-12-01T00:00:00Z' });
    expect(s.state).toBe('partial');
    expect(s.missingTexts).toEqual(['第一责任人履职情况', '存在的不足和原因', '下一年度主要安排']);
    expect(s.summary).toBe('2025年的年度信息尚未填完：报告文字还缺「第一责任人履职情况」「存在的不足和原因」「下一年度主要安排」（未填时报告用草稿代替）。');
    expect(s.summary).not.toContain('已填写');
  });

  it('counts figures left empty, and a text of blanks as empty', () => {
    const p = emptyProfile(2025);
    const s = profileStatus(2025, {
      ...p,
      mediators: 12,
      narrative: { ...p.narrative, leaderDuties: '镇党委书记…', shortcomings: '  ', nextYearPlan: '继续…' },
    });
    expect(s).toMatchObject({ state: 'partial', figuresFilled: 1, figuresTotal: 7, missingTexts: ['存在的不足和原因'] });
    expect(s.summary).toContain('数字已填 1/7 项');
  });

  it('is complete with every figure and every text', () => {
    const p = emptyProfile(2025);
    const s = profileStatus(2025, { ...p, ...figures, narrative: { ...p.narrative, leaderDuties: 'a', shortcomings: 'b', nextYearPlan: 'c' } });
    expect(s.state).toBe('complete');
    expect(s.summary).toBe('2025年的年度信息已填写完整。');
  });
});
