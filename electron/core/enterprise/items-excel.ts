// The 检查事项清单 from the county's Excel sheet: a header row (事项编码, 事项名称, 检查依据, 执法领域,
// 年度检查上限 — the usual spellings accepted) and one item per row.
import { parseInspectionItems, type InspectionItem } from '../../shared/enterprise.ts';
import { loadWorkbook } from '../excel/import.ts';
import { normalizeHeader } from '../excel/columns.ts';
import { AppError } from '../util/errors.ts';

const HEADERS: Record<keyof InspectionItem, string[]> = {
  code: ['事项编码', '编码', '事项编号', '编号', '检查事项编码'],
  name: ['事项名称', '检查事项名称', '检查事项', '名称'],
  basis: ['检查依据', '依据', '设定依据', '法律依据'],
  field: ['执法领域', '领域', '行业领域', '所属领域'],
  yearlyCap: ['年度检查上限', '年度上限', '检查频次上限', '每年检查次数上限', '年度检查次数上限', '上限'],
};

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && v !== null) {
    const o = v as { richText?: { text: string }[]; text?: string; result?: unknown };
    if (o.richText) return o.richText.map((t) => t.text).join('');
    if (o.text !== undefined) return String(o.text);
    if (o.result !== undefined) return String(o.result);
  }
  return String(v as string | number | boolean).trim();
}

export async function readItemsSheet(bytes: Uint8Array): Promise<InspectionItem[]> {
  const wb = await loadWorkbook(bytes);
  const lookup = new Map<string, keyof InspectionItem>();
  for (const [key, names] of Object.entries(HEADERS) as [keyof InspectionItem, string[]][]) for (const n of names) lookup.set(normalizeHeader(n), key);
  for (const ws of wb.worksheets) {
    for (let r = 1; r <= Math.min(ws.rowCount, 20); r++) {
      const cols = new Map<number, keyof InspectionItem>();
      ws.getRow(r).eachCell((c, col) => {
        const key = lookup.get(normalizeHeader(cellText(c.value)).replace(/\([^)]*\)/g, ''));
        if (key && ![...cols.values()].includes(key)) cols.set(col, key);
      });
      if (![...cols.values()].includes('code') || ![...cols.values()].includes('name')) continue;
      const raw: Record<string, string>[] = [];
      for (let i = r + 1; i <= ws.rowCount; i++) {
        const o: Record<string, string> = {};
        for (const [col, key] of cols) o[key] = cellText(ws.getRow(i).getCell(col).value);
        if (Object.values(o).some((v) => v !== '')) raw.push(o);
      }
      const { value, problems } = parseInspectionItems(raw);
      if (problems.length)
        throw new AppError(
          'invalid_input',
          `检查事项清单有${problems.length}处问题，未导入：${problems
            .slice(0, 5)
            .map((p) => p.replace(/^检查事项清单第(\d+)项/, (_m, n: string) => `第${Number(n) + r}行`))
            .join('；')}`,
        );
      if (!value.length) throw new AppError('invalid_input', '检查事项清单表格中没有事项');
      return value;
    }
  }
  throw new AppError('invalid_input', '表格中找不到“事项编码”和“事项名称”两列，无法导入检查事项清单');
}
