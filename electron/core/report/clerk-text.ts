// The clerk's text as the report uses it: verbatim, one paragraph a line, with
// the mechanical slips of the spec cleaned and listed (markdown markers, a 、
// after a bracketed number, control characters).

import { XML_ILLEGAL, xmlSafe } from '../util/xml-safe.ts';

export { XML_ILLEGAL, xmlSafe };

// controls a clerk cannot have meant (C0 but tab and newline, DEL, C1, zero-width marks)
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B\u200E\u200F\u2028\u2029\uFEFF\uFFFE\uFFFF]/g;

export interface Slip {
  /** 1-based paragraph number in the text */
  paragraph: number;
  what: string;
}

export interface CleanedText {
  lines: string[];
  slips: Slip[];
}

/** Cleans one clerk text: the paragraphs to print and what was cleaned. */
export function cleanClerkText(text: string | null | undefined): CleanedText {
  const lines: string[] = [];
  const slips: Slip[] = [];
  if (!text) return { lines, slips };
  const raw = text.replace(/\r\n?/g, '\n').split('\n');
  for (const original of raw) {
    let l = original;
    const n = lines.length + 1;
    if (CONTROL.test(l) || XML_ILLEGAL.test(l)) {
      l = l.replace(CONTROL, '').replace(XML_ILLEGAL, '');
      slips.push({ paragraph: n, what: '去掉了不可见的控制字符' });
    }
    CONTROL.lastIndex = 0;
    XML_ILLEGAL.lastIndex = 0;
    l = l.trim();
    if (l === '') continue;
    if (/^#{1,6}\s*/.test(l)) {
      l = l.replace(/^#{1,6}\s*/, '');
      slips.push({ paragraph: n, what: '去掉了行首的 markdown 标题符号“#”' });
    }
    if (/\*\*|__/.test(l)) {
      l = l.replace(/\*\*|__/g, '');
      slips.push({ paragraph: n, what: '去掉了 markdown 加粗符号“**”' });
    }
    // a line opening with "- " or "* " pasted from a list
    if (/^[-*]\s+/.test(l)) {
      l = l.replace(/^[-*]\s+/, '');
      slips.push({ paragraph: n, what: '去掉了行首的列表符号' });
    }
    const numbered = /([（(][一二三四五六七八九十\d]+[）)])\s*、/g;
    if (numbered.test(l)) {
      l = l.replace(numbered, '$1');
      slips.push({ paragraph: n, what: '去掉了括号序号后多余的顿号（如“（二）、”改为“（二）”）' });
    }
    l = l.trim();
    if (l) lines.push(l);
  }
  return { lines, slips };
}

/** Splits "（一）标题。正文" into the 楷体 lead and the rest; null when the line has no such head. */
export function splitSubHead(line: string): { lead: string; text: string } | null {
  const m = /^([（(][一二三四五六七八九十]+[）)][^。！？\n]{1,40}?[。！？])(.*)$/.exec(line);
  return m ? { lead: m[1], text: m[2] } : null;
}

/** A title the clerk wrote, ending in 。 for the report (no double stops). */
export function titleSentence(title: string): string {
  const t = title.trim().replace(/[，,；;：:、]+$/, '');
  return /[。！？]$/.test(t) ? t : `${t}。`;
}

/** Lines of `other` that open a subsection: a short first sentence ending in 。 is the title. */
export function splitOtherMeasures(lines: string[]): { title: string | null; lines: string[] }[] {
  const out: { title: string | null; lines: string[] }[] = [];
  for (const line of lines) {
    const m = /^([^。！？\n]{2,30}[。！？])(.*)$/.exec(line);
    if (m && !/^[一二三四五六七八九十]是/.test(line)) out.push({ title: m[1], lines: m[2].trim() ? [m[2].trim()] : [] });
    else if (out.length) out[out.length - 1].lines.push(line);
    else out.push({ title: null, lines: [line] });
  }
  return out;
}
