// Characters XML 1.0 forbids never reach a .docx or .xlsx, whatever path the text
// came by (data package, Excel import, the page, the CLI). The one place every
// document writer uses: the 法治政府 report, the 政务公开年报, the case documents,
// the Excel export, and any writer added later (行政执法数据).

/** C0 controls but tab/newline/CR, lone surrogates, U+FFFE and U+FFFF. */
// eslint-disable-next-line no-control-regex
export const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Word's Shift+Enter (vertical tab) and a page break character pasted in: a line break the clerk meant. */
// eslint-disable-next-line no-control-regex
const LINE_BREAKS = /[\u000B\u000C]/g;

/** The string with line-break controls as newlines and the other characters illegal in XML 1.0 dropped. */
export function xmlSafe(s: string): string {
  return s.replace(LINE_BREAKS, '\n').replace(XML_ILLEGAL, '');
}

/** Every string of a value (a document model, nested objects and lists) made XML-safe. */
export function xmlSafeModel<T>(v: T): T {
  if (typeof v === 'string') return xmlSafe(v) as T;
  if (Array.isArray(v)) return v.map((x) => xmlSafeModel(x)) as T;
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = xmlSafeModel(x);
    return out as T;
  }
  return v;
}
