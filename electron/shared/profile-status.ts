// How complete a year's 年度信息 is, as 首页 says it: the figures the report counts
// with, and the report texts the clerk writes (二、三、四 of the report; the report
// falls back to a draft where one is empty, which the clerk should not mistake for done).
import { PROFILE_FIGURE_KEYS, type NarrativeKey, type YearProfile } from './records.ts';

/** the report texts 首页 asks for, with the names a clerk knows them by */
export const PROFILE_TEXTS: readonly { key: NarrativeKey; label: string }[] = [
  { key: 'leaderDuties', label: '第一责任人履职情况' },
  { key: 'shortcomings', label: '存在的不足和原因' },
  { key: 'nextYearPlan', label: '下一年度主要安排' },
];

export interface ProfileStatus {
  state: 'empty' | 'partial' | 'complete';
  figuresFilled: number;
  figuresTotal: number;
  /** labels of the report texts still empty */
  missingTexts: string[];
  /** one sentence for 首页 */
  summary: string;
}

export function profileStatus(year: number, profile: YearProfile | null): ProfileStatus {
  const figuresTotal = PROFILE_FIGURE_KEYS.length;
  const figuresFilled = profile ? PROFILE_FIGURE_KEYS.filter((k) => profile[k] !== null).length : 0;
  const missingTexts = PROFILE_TEXTS.filter((t) => !profile?.narrative[t.key]?.trim()).map((t) => t.label);
  const state =
    figuresFilled === figuresTotal && missingTexts.length === 0
      ? 'complete'
      : figuresFilled === 0 && missingTexts.length === PROFILE_TEXTS.length
        ? 'empty'
        : 'partial';
  const parts: string[] = [];
  if (figuresFilled < figuresTotal) parts.push(`数字已填 ${figuresFilled}/${figuresTotal} 项`);
  if (missingTexts.length) parts.push(`报告文字还缺「${missingTexts.join('」「')}」（未填时报告用草稿代替）`);
  const summary =
    state === 'complete'
      ? `${year}年的年度信息已填写完整。`
      : state === 'empty'
        ? `${year}年的年度信息尚未填写。`
        : `${year}年的年度信息尚未填完：${parts.join('；')}。`;
  return { state, figuresFilled, figuresTotal, missingTexts, summary };
}
