// Showing field values the way a clerk reads them.
import { labelOf, subkindLabel } from '@shared/enums.ts';
import type { FieldDef } from '@shared/registers.ts';

const money = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: 2 });
const int = new Intl.NumberFormat('zh-CN');

export function formatValue(f: FieldDef, v: unknown): string {
  if (v === null || v === undefined || v === '') return '';
  switch (f.type) {
    case 'enum':
      return labelOf(f.options ?? {}, String(v));
    case 'bool':
      return v ? '是' : '否';
    case 'tags':
      return Array.isArray(v) ? v.join('、') : String(v);
    case 'money':
      return typeof v === 'number' ? money.format(v) : String(v);
    case 'int':
      return typeof v === 'number' ? int.format(v) : String(v);
    default:
      // 细分类别 is stored as a code (contract, mediators …) when it is one of the suggested kinds
      return f.key === 'subkind' ? subkindLabel(String(v)) : String(v);
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
