// 统一社会信用代码 (GB 32100-2015): 18 characters of 0-9 and the capitals without I O Z S V;
// the 18th is the check character of the first 17 (weights 3^i mod 31).
const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character the first 17 characters call for (null: a character outside the code's set). */
export function creditCodeCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CHARS.indexOf(first17[i]);
    if (v < 0) return null;
    sum += v * WEIGHTS[i];
  }
  return CHARS[(31 - (sum % 31)) % 31];
}

/** What is wrong with a 统一社会信用代码, in Chinese naming the field; null when it is valid. */
export function creditCodeProblem(code: string): string | null {
  const c = code.trim().toUpperCase();
  if (c.length !== 18) return `「统一社会信用代码」应为18位（现有${c.length}位）：“${code.slice(0, 30)}”`;
  const bad = [...c].find((ch) => !CHARS.includes(ch));
  if (bad) return `「统一社会信用代码」含有不应出现的字符“${bad}”（只能是数字和除 I、O、Z、S、V 以外的大写字母）：“${c}”`;
  const want = creditCodeCheckChar(c.slice(0, 17));
  if (want !== c[17]) return `「统一社会信用代码」“${c}”的校验位不对（按 GB 32100 第18位应为“${want}”），请核对是否抄错`;
  return null;
}
