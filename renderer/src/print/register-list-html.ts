// A register's filtered list as a printable table (A4 landscape; the header row
// repeats on every page because it is a <thead>).
import type { FieldDef } from '@shared/registers.ts';
import { formatValue } from '@/utils/format.ts';
import { escapeHtml } from './html.ts';

export interface ListPrintInput {
  title: string;
  /** 筛选：纠纷类型=邻里；关键词“排水” … */
  conditions: string;
  fields: FieldDef[];
  rows: Record<string, unknown>[];
  total: number;
  printedOn: string;
}

export function registerListHtml(p: ListPrintInput): string {
  const num = (f: FieldDef) => f.type === 'int' || f.type === 'money';
  const head = `<tr><th>序号</th>${p.fields.map((f) => `<th>${escapeHtml(f.label)}</th>`).join('')}</tr>`;
  const body = p.rows
    .map(
      (r, i) =>
        `<tr><td class="num">${i + 1}</td>${p.fields.map((f) => `<td${num(f) ? ' class="num"' : ''}>${escapeHtml(formatValue(f, r[f.key]))}</td>`).join('')}</tr>`,
    )
    .join('');
  const more = p.total > p.rows.length ? `<p class="print-meta">（共 ${p.total} 条，打印了前 ${p.rows.length} 条）</p>` : '';
  return `<section class="print-list">
    <h1>${escapeHtml(p.title)}</h1>
    <div class="print-meta"><span>${escapeHtml(p.conditions)}</span><span>共 ${p.total} 条，打印日期：${escapeHtml(p.printedOn)}</span></div>
    <table><thead>${head}</thead><tbody>${body}</tbody></table>${more}
  </section>`;
}
