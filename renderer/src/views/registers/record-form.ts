// The edit form's values ↔ the API record. The form keeps '' for empty text
// and null for an empty number, date or choice; the payload sends null.
import type { FieldDef, RegisterDef } from '@shared/registers.ts';

export type FormValues = Record<string, unknown>;

function emptyValue(f: FieldDef): unknown {
  switch (f.type) {
    case 'text':
    case 'longtext':
      return '';
    case 'int':
      return f.defaultValue ?? 0;
    case 'bool':
      return false;
    case 'tags':
    case 'list':
      return [];
    default:
      return null;
  }
}

export function emptyForm(def: RegisterDef): FormValues {
  return Object.fromEntries(def.fields.map((f) => [f.key, emptyValue(f)]));
}

export function recordToForm(def: RegisterDef, record: Record<string, unknown>): FormValues {
  const out = emptyForm(def);
  for (const f of def.fields) {
    const v = record[f.key];
    if (v === null || v === undefined) continue;
    if (f.type === 'list' && Array.isArray(v)) out[f.key] = v.map((e) => ({ ...(e as object) }));
    else out[f.key] = f.type === 'tags' && Array.isArray(v) ? [...v] : v;
  }
  return out;
}

export function formToPayload(def: RegisterDef, form: FormValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of def.fields) {
    const v = form[f.key];
    if (f.type === 'list' && Array.isArray(v)) {
      // entries left wholly empty are dropped; text trimmed, empty text sent as null
      out[f.key] = v.map((e) => Object.fromEntries(Object.entries(e as Record<string, unknown>)
        .map(([k, x]) => [k, typeof x === 'string' ? (x.trim() === '' ? null : x.trim()) : x ?? null])))
        .filter((e) => Object.values(e).some((x) => x !== null));
    } else if (typeof v === 'string') out[f.key] = v.trim() === '' ? null : v.trim();
    else if (v === undefined) out[f.key] = null;
    else out[f.key] = v;
  }
  return out;
}

/** a stable text of the form for the unsaved-changes check */
export const snapshot = (form: FormValues) => JSON.stringify(form);
