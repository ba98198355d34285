// Characters XML 1.0 forbids never reach a .docx or .xlsx, whatever path the text
// came by (data package, Excel import, the page, the CLI).

/** C0 controls but tab/newline/CR, lone surrogates, U+FFFE and U+FFFF. */
// eslint-disable-next-line no-control-regex
export const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The string with the characters illegal in XML 1.0 dropped. */
export function xmlSafe(s: string): string {
  return s.replace(XML_ILLEGAL, '');
}
