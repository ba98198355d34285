// The 审稿 list scrolls inside its box; the lines hidden below are counted for
// 「还有 N 项，向下滚动查看」 (issue 23: its last line was cut with no sign of more).
import { describe, expect, it } from 'vitest';
import { linesBelow } from '@/components/report/review-line.ts';

describe('审稿 list: lines below the visible part', () => {
  // ten lines of 26 px, then one of 52 px (a message on two lines)
  const bottoms = [...Array.from({ length: 10 }, (_, k) => (k + 1) * 26), 312];

  it('counts a line cut at the foot of the box as hidden', () => {
    // 260 px box at the top: ten whole lines shown, the two-line message hidden
    expect(linesBelow(bottoms, 260)).toBe(1);
    // a 250 px box cuts the tenth line: it counts too
    expect(linesBelow(bottoms, 250)).toBe(2);
    expect(linesBelow(bottoms, 100)).toBe(8);
  });

  it('says nothing once scrolled to the end, or when everything fits', () => {
    expect(linesBelow(bottoms, 312)).toBe(0);
    // sub-pixel rounding of the browser is forgiven
    expect(linesBelow(bottoms, 311.4)).toBe(0);
    expect(linesBelow([], 260)).toBe(0);
  });
});
