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
}

/** Prints the given HTML on A4 (portrait unless said). Resolves when the print dialog is closed. */
export async function printHtml(html: string, opts: PrintOptions = {}): Promise<void> {
  if (busy) return;
  busy = true;
  const el = host();
  el.innerHTML = html;
  const page = document.createElement('style');
  page.id = 'print-page-size';
  page.textContent = `@page { size: A4 ${opts.landscape ? 'landscape' : 'portrait'}; margin: ${opts.margin ?? (opts.landscape ? '12mm 12mm' : '20mm 18mm')}; }`;
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
