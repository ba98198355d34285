// A date as a clerk types it into a form: 2026-03-05, 2026-3-5, 2026/3/5, 2026.3.5,
// 2026年3月5日, 20260305, and without the year (3-5, 3.5, 3/5, 3月5日: this year);
// full-width digits too. Anything else is refused with a Chinese message, never guessed.
export type TypedDate = { ok: true; value: string } | { ok: false; message: string };

const pad = (n: number) => String(n).padStart(2, '0');

/** Full-width digits and punctuation as ASCII, spaces dropped. */
function normalise(s: string): string {
  return s
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[．。・]/g, '.')
    .replace(/[－—–]/g, '-')
    .replace(/／/g, '/')
    .replace(/\s+/g, '');
}

const realDate = (y: number, m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * Reads a typed date; `thisYear` completes one typed without its year.
 * `label` names the field in the message (「受理日期」).
 */
export function parseTypedDate(text: string, thisYear: number, label = '日期'): TypedDate {
  const s = normalise(text);
  let y: number;
  let m: number;
  let d: number;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s)) || (match = /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/.exec(s))) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = /^(\d{4})(\d{2})(\d{2})$/.exec(s))) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = /^(\d{1,2})[-/.](\d{1,2})$/.exec(s)) || (match = /^(\d{1,2})月(\d{1,2})日?$/.exec(s))) {
    [y, m, d] = [thisYear, Number(match[1]), Number(match[2])];
  } else {
    return { ok: false, message: `「${label}」无法识别“${text.trim()}”：请写成 ${thisYear}-03-05、${thisYear}年3月5日、${thisYear}.3.5 或 3-5（今年）` };
  }
  if (y < 1900 || y > 2100) return { ok: false, message: `「${label}」的年份${y}不对：应在1900—2100年之间` };
  if (!realDate(y, m, d)) return { ok: false, message: `「${label}」没有${y}年${m}月${d}日这一天` };
  return { ok: true, value: `${y}-${pad(m)}-${pad(d)}` };
}
