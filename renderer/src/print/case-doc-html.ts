// A case document's blocks as HTML for printing: the same blocks the .docx is built from.
import type { CaseDoc, DocBlock } from '@shared/case-doc-model.ts';
import { escapeHtml } from './html.ts';

const text = (s: string) => escapeHtml(s).replace(/\n/g, '<br>');

function block(b: DocBlock): string {
  switch (b.t) {
    case 'title':
      return `<h1 class="doc-title${b.size === 'big' ? ' big' : ''}">${text(b.text)}</h1>`;
    case 'para':
      return `<p class="doc-p${b.indent ? ' indent' : ''}${b.bold ? ' bold' : ''}${b.size === 'big' ? ' big' : ''}${b.signature ? ' signature' : ''}" style="text-align:${b.align ?? 'left'}">${text(b.text) || '&nbsp;'}</p>`;
    case 'gap':
      return '<p class="doc-p">&nbsp;</p>'.repeat(b.lines);
    case 'pageBreak':
      return '<div class="doc-page-break"></div>';
    case 'keep':
      return `<div class="doc-keep">${b.blocks.map(block).join('')}</div>`;
    case 'table': {
      const total = b.widths.reduce((a, c) => a + c, 0);
      const cols = b.widths.map((w) => `<col style="width:${((w / total) * 100).toFixed(1)}%">`).join('');
      const rows = b.rows
        .map(
          (r) =>
            `<tr>${r.map((c) => `<td${c.span ? ` colspan="${c.span}"` : ''} style="text-align:${c.align ?? 'left'};height:${(c.minLines ?? 1) * 1.9}em;vertical-align:${(c.minLines ?? 1) > 2 ? 'top' : 'middle'}">${text(c.text)}</td>`).join('')}</tr>`,
        )
        .join('');
      return `<table class="doc-table"><colgroup>${cols}</colgroup><tbody>${rows}</tbody></table>`;
    }
  }
}

export function caseDocHtml(doc: CaseDoc): string {
  return `<article class="case-doc" data-kind="${doc.kind}">${doc.blocks.map(block).join('')}</article>`;
}
