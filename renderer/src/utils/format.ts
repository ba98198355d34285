// Showing field values the way a clerk reads them.
import { labelOf } from '@shared/enums.ts';
import { choiceLabel, type FieldDef } from '@shared/registers.ts';

const money = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: 2 });
const int = new Intl.NumberFormat('zh-CN');

/** `record`: the rest of the record, when a value's label depends on it (细分类别 by 工作类别). */
export function formatValue(f: FieldDef, v: unknown, record?: Record<string, unknown>): string {
  // an empty choice may mean something (依申请公开 办理结果: 办理中)
  if (v === null || v === undefined || v === '') return f.emptyMeans ?? '';
  switch (f.type) {
    case 'enum':
      return labelOf(f.options ?? {}, String(v));
    case 'bool':
      return v ? '是' : '否';
    case 'tags':
      // a choice list (并处种类) shows its labels
      return Array.isArray(v) ? v.map((x) => (f.options ? labelOf(f.options, String(x)) : String(x))).join('、') : String(v);
    case 'money':
      return typeof v === 'number' ? money.format(v) : String(v);
    case 'int':
      return typeof v === 'number' ? int.format(v) : String(v);
    default:
      // 细分类别 is stored as a code (contract, mediators …) when it is one of the suggested kinds
      return choiceLabel(f, String(v), record);
  }
}

/** 2026-11-22T09:00:00Z → 2026-11-22 17:00 (local time) */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
