// Printing through the transport: Electron's webContents.print on the desktop,
// window.print in the browser. What is printed is put into #print-host (plain
// HTML); the print stylesheet (styles/print.css) hides the app and shows it only.
import { transport } from '@/api/transport.ts';
import { escapeHtml } from './html.ts';

export { escapeHtml };

let busy = false;

function host(): HTMLElement {
  let el = document.getElementById('print-host');
  if (!el) {
    el = document.createElement('div');
    el.id = 'print-host';
    el.setAttribute('data-testid', 'print-host');
    document.body.appendChild(el);
  }
  return el;
}

export interface PrintOptions {
  landscape?: boolean;
  /** the document title while printing (the PDF's default file name) */
  title?: string;
  /** page margins (CSS), e.g. the 公文 margins of the report */
  margin?: string;
  /**
   * 第 N 页，共 M 页 at the foot of every page (default); a one-page form (协议书) may go without;
   * 'official': the 公文 page number of GB/T 9704 as the Word file prints it — 「— N —」 in 4号 宋体,
   * odd pages at the right, even pages at the left, one character in from the edge of the text block
   */
  pageNumbers?: boolean | 'official';
}

/** The @page rule of a print: A4, margins, and page numbers in the bottom margin box
 * (Chromium prints @page margin boxes since 131; Electron 45 is Chromium 140). */
export function pageRule(opts: PrintOptions): string {
  const numbers =
    opts.pageNumbers === false || opts.pageNumbers === 'official'
      ? ''
      : ` @bottom-center { content: "第 " counter(page) " 页，共 " counter(pages) " 页"; font-size: 9pt; color: #000; }`;
  const rule = `@page { size: A4 ${opts.landscape ? 'landscape' : 'portrait'}; margin: ${opts.margin ?? (opts.landscape ? '12mm 12mm' : '20mm 18mm')};${numbers} }`;
  if (opts.pageNumbers !== 'official') return rule;
  // 一字线 7 mm below the text block (GB/T 9704 7.5)
  const box = (side: 'left' | 'right') =>
    `@bottom-${side} { content: "— " counter(page) " —"; font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", serif; font-size: 14pt; color: #000; vertical-align: top; padding-top: 7mm; padding-${side}: 14pt; }`;
  return `${rule} @page :right { ${box('right')} } @page :left { ${box('left')} }`;
}

/** Prints the given HTML on A4 (portrait unless said). Resolves when the print dialog is closed. */
export async function printHtml(html: string, opts: PrintOptions = {}): Promise<void> {
  if (busy) return;
  busy = true;
  const el = host();
  el.innerHTML = html;
  const page = document.createElement('style');
  page.id = 'print-page-size';
  page.textContent = pageRule(opts);
  document.head.appendChild(page);
  document.body.classList.add('printing');
  const title = document.title;
  if (opts.title) document.title = opts.title;
  try {
    // let the browser lay the content out before the dialog opens
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    await transport.print({ landscape: !!opts.landscape });
  } finally {
    document.title = title;
    document.body.classList.remove('printing');
    page.remove();
    el.innerHTML = '';
    busy = false;
  }
}

/** Prints a copy of an element already on the page (the report preview), wrapped in `className`. */
export function printElement(el: HTMLElement, opts: PrintOptions & { className?: string } = {}): Promise<void> {
  return printHtml(`<div class="${opts.className ?? ''}">${el.outerHTML}</div>`, opts);
}
