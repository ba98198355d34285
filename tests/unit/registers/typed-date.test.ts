import { describe, expect, it } from 'vitest';
import { parseTypedDate } from '../../../electron/shared/typed-date.ts';

const value = (s: string) => {
  const r = parseTypedDate(s, 2026, '受理日期');
  return r.ok ? r.value : r.message;
};

describe('a date typed into a form', () => {
  it('reads the ways a clerk writes a date; without a year it is this year', () => {
    expect(
      ['2026-03-05', '2026-3-5', '2026/3/5', '2026.3.5', '2026年3月5日', '2026年3月5', ' 2026 年 3 月 5 日 ', '20260305', '２０２６．３．５'].map(value),
    ).toEqual(Array(9).fill('2026-03-05'));
    expect(['3-5', '3.5', '3/5', '3月5日', '03-05', '３月５日'].map(value)).toEqual(Array(6).fill('2026-03-05'));
    expect(value('12-31')).toBe('2026-12-31');
    expect(value('2024-2-29')).toBe('2024-02-29');
  });

  it('refuses nonsense with a Chinese message naming the field, never a guess', () => {
    expect(value('abc')).toBe('「受理日期」无法识别“abc”：请写成 2026-03-05、2026年3月5日、2026.3.5 或 3-5（今年）');
    expect(value('2026-02-30')).toBe('「受理日期」没有2026年2月30日这一天');
    expect(value('2025-2-29')).toBe('「受理日期」没有2025年2月29日这一天');
    expect(value('13-5')).toBe('「受理日期」没有2026年13月5日这一天');
    expect(value('0026-3-5')).toBe('「受理日期」的年份26不对：应在1900—2100年之间');
    expect(value('3-5-7')).toMatch(/^「受理日期」无法识别“3-5-7”/);
    expect(value('35')).toMatch(/^「受理日期」无法识别/);
  });
});
