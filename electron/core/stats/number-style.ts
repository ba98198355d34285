// How the report writes numbers: exact counts, approximate sums ("5000余份"),
// rates with one decimal rounded half up ("98.9%"), money in 元 or 万元.
// Pure functions, no I/O.

/**
 * Rounds half up (away from zero) at `digits` decimals, on the decimal value as
 * written: 98.85 → 98.9, 0.05 → 0.1, 2.675 → 2.68 (binary floats would give 98.8 / 2.67).
 */
export function roundHalfUp(value: number, digits = 1): number {
  if (!Number.isFinite(value)) return value;
  const sign = value < 0 ? -1 : 1;
  const abs = Math.abs(value);
  // shift by exponent notation so the decimal digits are not touched by binary error
  const shifted = Math.round(Number(`${toPlain(abs)}e${digits}`));
  return sign * Number(`${shifted}e-${digits}`);
}

function toPlain(n: number): string {
  const s = String(n);
  return /e/i.test(s) ? n.toFixed(20).replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** One decimal, always shown: 98.9 → "98.9", 73 → "73.0". */
export function formatDecimal1(value: number): string {
  return roundHalfUp(value, 1).toFixed(1);
}

/** A percentage as the report prints it: one decimal, a trailing .0 dropped (98.9 → "98.9%", 100 → "100%"). */
export function percentText(pct: number): string {
  return `${trimZero(pct.toFixed(1))}%`;
}

/**
 * numerator ÷ denominator as a percentage with one decimal, rounded half up on
 * exact integer arithmetic, a trailing .0 dropped: 440/445 → "98.9%", 108/148 → "73%",
 * 5/5 → "100%". Null when the denominator is 0.
 */
export function formatRate(numerator: number, denominator: number): string | null {
  const pct = ratePercent(numerator, denominator);
  return pct == null ? null : percentText(pct);
}

/** The rate in percent, rounded half up to one decimal (integer arithmetic for integer inputs). */
export function ratePercent(numerator: number, denominator: number): number | null {
  if (!denominator) return null;
  if (Number.isInteger(numerator) && Number.isInteger(denominator) && Math.abs(numerator) < 2 ** 40 && denominator > 0) {
    const sign = numerator < 0 ? -1 : 1;
    const n = Math.abs(numerator);
    // tenths of a percent: n*1000/d, half up: floor((2*n*1000 + d) / (2d))
    const tenths = Math.floor((2 * n * 1000 + denominator) / (2 * denominator));
    return (sign * tenths) / 10;
  }
  return roundHalfUp((numerator / denominator) * 100, 1);
}

/** 同比: "同比增长12.5%" / "同比下降3%" / "与上年持平"; null without a previous value. */
export function formatChange(current: number, previous: number | null | undefined): string | null {
  if (previous == null || previous <= 0) return null;
  const pct = ratePercent(current - previous, previous);
  if (pct == null) return null;
  if (pct === 0) return '与上年持平';
  return pct > 0 ? `同比增长${percentText(pct)}` : `同比下降${percentText(-pct)}`;
}

/**
 * Approximate style for sums of people reached, materials and views:
 * below 20 exact; 20–99 tens + 余 ("50余"); 100–9 999 two significant digits + 余
 * ("5200余"); 10 000 and more "x.x万余"; a value already that round stays exact ("2000", "1.5万").
 */
export function approximate(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const v = Math.floor(Math.abs(n));
  if (v !== Math.abs(n) || n < 0) return exact(n);
  if (v < 20) return String(v);
  if (v < 100) {
    const r = Math.floor(v / 10) * 10;
    return r === v ? String(v) : `${r}余`;
  }
  if (v < 10000) {
    const step = 10 ** (String(v).length - 2);
    const r = Math.floor(v / step) * step;
    return r === v ? String(v) : `${r}余`;
  }
  const thousands = Math.floor(v / 1000);
  const wan = `${trimZero((thousands / 10).toFixed(1))}万`;
  return thousands * 1000 === v ? wan : `${wan}余`;
}

const trimZero = (s: string) => s.replace(/\.0$/, '');

/** Exact number as digits (no grouping, as the seed reports write them). */
export function exact(n: number): string {
  return Number.isInteger(n) ? String(n) : String(roundHalfUp(n, 2));
}

/** A sum written approximately unless the setting is off. */
export function amountOf(n: number, approximateNumbers: boolean): string {
  return approximateNumbers ? approximate(n) : exact(n);
}

/** 罚没金额: "2000元", "1350.5元" below 10 000; "1.25万元" (two decimals, half up) from 10 000. */
export function formatMoney(yuan: number): string {
  if (Math.abs(yuan) >= 10000) return `${roundHalfUp(yuan / 10000, 2).toFixed(2)}万元`;
  return `${exact(roundHalfUp(yuan, 2))}元`;
}

/** 2024-01-12 → 2024年1月12日 */
export function formatChineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (for （一） numbering up to 99). */
export function chineseNumeral(n: number): string {
  if (n < 10) return DIGITS[n];
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
}
