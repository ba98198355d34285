// 打印 a register list: the whole filtered list (not only the page shown), A4
// landscape, with the conditions it was filtered by written above the table.
import type { RegisterName } from '@shared/registers.ts';
import { registerApi } from '@/api/register-api.ts';
import { printHtml } from '@/print/print.ts';
import { registerListHtml } from '@/print/register-list-html.ts';
import { todayLocal } from '@/components/cases/case-docs.ts';
import { formatValue } from '@/utils/format.ts';
import { REGISTER_PAGES, fieldMap } from './register-config.ts';

const PRINT_LIMIT = 5000;
const BATCH = 500;

export interface PrintConditions {
  filters: Record<string, unknown>;
  dateRange: [string, string] | null;
  keyword: string;
}

export function describeConditions(register: RegisterName, c: PrintConditions): string {
  const fields = fieldMap(REGISTER_PAGES[register].def);
  const bits: string[] = [];
  for (const [k, v] of Object.entries(c.filters)) {
    if (v === null || v === undefined || v === '') continue;
    if (k === 'fileIncomplete') bits.push('卷宗不完整');
    else {
      const f = fields.get(k);
      if (f) bits.push(`${f.label}：${formatValue(f, v)}`);
    }
  }
  if (c.dateRange) bits.push(`日期：${c.dateRange[0]}至${c.dateRange[1]}`);
  if (c.keyword.trim()) bits.push(`关键词：${c.keyword.trim()}`);
  return bits.length ? `筛选条件：${bits.join('；')}` : '全部记录';
}

type ListQuery = Omit<Parameters<ReturnType<typeof registerApi>['list']>[0], 'page' | 'pageSize'> & { year: number };

export async function printRegisterList(register: RegisterName, query: ListQuery, conditions: PrintConditions): Promise<void> {
  const config = REGISTER_PAGES[register];
  const fields = fieldMap(config.def);
  const rows: Record<string, unknown>[] = [];
  let total = 0;
  for (let p = 1; rows.length < PRINT_LIMIT; p++) {
    const r = await registerApi(register).list({ ...query, page: p, pageSize: BATCH });
    total = r.total;
    rows.push(...r.items);
    if (r.items.length < BATCH || rows.length >= total) break;
  }
  const title = `${query.year}年${config.def.label}台账`;
  const keys = config.printColumns ?? config.columns;
  const html = registerListHtml({
    title,
    conditions: describeConditions(register, conditions),
    fields: keys.map((k) => fields.get(k)!).filter(Boolean),
    rows: rows.slice(0, PRINT_LIMIT),
    total,
    printedOn: todayLocal(),
  });
  await printHtml(html, { landscape: true, title });
}
