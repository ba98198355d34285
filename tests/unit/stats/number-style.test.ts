import { describe, expect, it } from 'vitest';
import {
  amountOf,
  approximate,
  chineseNumeral,
  exact,
  formatChange,
  formatChineseDate,
  formatDecimal1,
  formatMoney,
  formatRate,
  ratePercent,
  roundHalfUp,
} from '../../../electron/core/stats/number-style.ts';

describe('roundHalfUp', () => {
  it('rounds the decimal value half up, not the binary float', () => {
    expect(roundHalfUp(0.05, 1)).toBe(0.1);
    expect(roundHalfUp(98.85, 1)).toBe(98.9);
    expect(roundHalfUp(98.84, 1)).toBe(98.8);
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
    expect(roundHalfUp(2.675, 2)).toBe(2.68);
    expect(roundHalfUp(0.04999, 1)).toBe(0);
    expect(roundHalfUp(-0.05, 1)).toBe(-0.1);
    expect(roundHalfUp(73, 1)).toBe(73);
    expect(formatDecimal1(0.05)).toBe('0.1');
    expect(formatDecimal1(98.85)).toBe('98.9');
    expect(formatDecimal1(73)).toBe('73.0');
  });
});

describe('rates', () => {
  it('one decimal, half up, from integer counts', () => {
    expect(formatRate(440, 445)).toBe('98.9%'); // 98.876…
    expect(formatRate(108, 148)).toBe('73%'); // 72.972… (a trailing .0 dropped)
    expect(formatRate(35, 37)).toBe('94.6%'); // 94.594…
    expect(formatRate(7, 9)).toBe('77.8%');
    expect(formatRate(1, 2000)).toBe('0.1%'); // exactly 0.05 → 0.1
    expect(formatRate(1977, 2000)).toBe('98.9%'); // exactly 98.85 → 98.9
    expect(formatRate(1, 3)).toBe('33.3%');
    expect(formatRate(2, 3)).toBe('66.7%');
    expect(formatRate(5, 5)).toBe('100%');
    expect(formatRate(0, 5)).toBe('0%');
    expect(formatRate(1, 0)).toBeNull();
    expect(ratePercent(1, 8)).toBe(12.5);
  });

  it('同比', () => {
    expect(formatChange(23, 20)).toBe('同比增长15%');
    expect(formatChange(17, 20)).toBe('同比下降15%');
    expect(formatChange(20, 20)).toBe('与上年持平');
    expect(formatChange(2001, 2000)).toBe('同比增长0.1%'); // 0.05 → 0.1
    expect(formatChange(10, null)).toBeNull();
    expect(formatChange(10, 0)).toBeNull();
  });
});

describe('approximate numbers', () => {
  it('below 20 exact', () => {
    expect(approximate(0)).toBe('0');
    expect(approximate(7)).toBe('7');
    expect(approximate(19)).toBe('19');
  });
  it('20–99: tens + 余', () => {
    expect(approximate(20)).toBe('20');
    expect(approximate(23)).toBe('20余');
    expect(approximate(52)).toBe('50余');
    expect(approximate(99)).toBe('90余');
  });
  it('100–9999: two significant digits + 余', () => {
    expect(approximate(110)).toBe('110');
    expect(approximate(118)).toBe('110余');
    expect(approximate(1880)).toBe('1800余');
    expect(approximate(5040)).toBe('5000余');
    expect(approximate(5230)).toBe('5200余');
    expect(approximate(9999)).toBe('9900余');
  });
  it('10 000 and more: x.x万余', () => {
    expect(approximate(10000)).toBe('1万');
    expect(approximate(15000)).toBe('1.5万');
    expect(approximate(15321)).toBe('1.5万余');
    expect(approximate(22010)).toBe('2.2万余');
    expect(approximate(123456)).toBe('12.3万余');
  });
  it('already round values stay exact', () => {
    expect(approximate(2000)).toBe('2000');
    expect(approximate(3300)).toBe('3300');
    expect(approximate(3900)).toBe('3900');
    expect(approximate(50)).toBe('50');
  });
  it('the setting switches it off', () => {
    expect(amountOf(5040, true)).toBe('5000余');
    expect(amountOf(5040, false)).toBe('5040');
    expect(exact(1350.5)).toBe('1350.5');
  });
});

describe('money, dates, numerals', () => {
  it('罚没金额 in 元 below 10 000, else 万元 with two decimals', () => {
    expect(formatMoney(4000)).toBe('4000元');
    expect(formatMoney(1350.5)).toBe('1350.5元');
    expect(formatMoney(16000)).toBe('1.60万元');
    expect(formatMoney(12345)).toBe('1.23万元');
    expect(formatMoney(12350)).toBe('1.24万元'); // 1.235 half up
  });
  it('成文日期 and （一） numbering', () => {
    expect(formatChineseDate('2024-01-12')).toBe('2024年1月12日');
    expect(chineseNumeral(1)).toBe('一');
    expect(chineseNumeral(10)).toBe('十');
    expect(chineseNumeral(12)).toBe('十二');
    expect(chineseNumeral(21)).toBe('二十一');
  });
});
