// Converts between API records (camelCase keys) and table rows (snake_case columns).
import type { FieldDef, RegisterDef } from '../../shared/registers.ts';

type Row = Record<string, unknown>;

function fromColumn(f: FieldDef, v: unknown): unknown {
  if (f.type === 'bool') return v === 1;
  if (f.type === 'tags' || f.type === 'list') return typeof v === 'string' ? (JSON.parse(v) as unknown[]) : [];
  return v ?? null;
}

function toColumn(f: FieldDef, v: unknown): unknown {
  if (f.type === 'bool') return v ? 1 : 0;
  if (f.type === 'tags' || f.type === 'list') return JSON.stringify(Array.isArray(v) ? v : []);
  return v ?? null;
}

export function rowToRecord<T>(def: RegisterDef, row: Row): T {
  const out: Row = { id: row.id };
  for (const f of def.fields) out[f.key] = fromColumn(f, row[f.column]);
  out.updatedAt = row.updated_at;
  out.deletedAt = row.deleted_at ?? null;
  if (row.is_demo !== undefined) out.demo = row.is_demo === 1;
  return out as T;
}

/** The searchable fields joined into one text, so a keyword search is one LIKE per row. */
export function searchText(def: RegisterDef, fields: Row): string {
  const parts: string[] = [];
  for (const f of def.fields) {
    if (!f.search) continue;
    const v = fields[f.key];
    if (Array.isArray(v)) parts.push(v.join(' '));
    else if (v !== null && v !== undefined && v !== '') parts.push(String(v));
  }
  // lower-cased so instr() matches Latin letters in any case
  return parts.join('\n').toLowerCase();
}

/** The column values in columnsOf order, then search_text: positional parameters for INSERT/UPDATE. */
export function recordToValues(def: RegisterDef, fields: Row): unknown[] {
  const out: unknown[] = [];
  for (const f of def.fields) out.push(toColumn(f, fields[f.key]));
  out.push(searchText(def, fields));
  return out;
}

export function columnsOf(def: RegisterDef): string[] {
  return def.fields.map((f) => f.column);
}
