// The edit form's values ↔ the API record. The form keeps '' for empty text
// and null for an empty number, date or choice; the payload sends null.
import { fieldApplies, type FieldDef, type RegisterDef } from '@shared/registers.ts';
import { deriveParties } from '@shared/parties.ts';

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

/** A new entry of a list field, at this position: its columns empty, then its defaults (申请人 …). */
export function newEntry(f: FieldDef, index: number): Record<string, unknown> {
  const blank = Object.fromEntries((f.items ?? []).map((it) => [it.key, it.type === 'text' ? '' : null]));
  const defaults = f.entryDefaults ?? [];
  return { ...blank, ...(defaults[Math.min(index, defaults.length - 1)] ?? {}) };
}

/** The form of a new record: empty, with the entries a list starts with (a case's two parties). */
export function newForm(def: RegisterDef): FormValues {
  const out = emptyForm(def);
  for (const f of def.fields) if (f.startEntries) out[f.key] = Array.from({ length: f.startEntries }, (_, i) => newEntry(f, i));
  return out;
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

/** a value the record already had (an old entry's 考试合格人数 under another category stays in sight) */
export function hadValue(record: Record<string, unknown> | null | undefined, f: FieldDef): boolean {
  const v = record?.[f.key];
  return v !== undefined && v !== null && v !== '' && v !== 0 && v !== false;
}

/**
 * The record to send. A field the form no longer shows because of its condition (考试合格人数 once
 * the 工作类别 is 行政复议) is sent empty, so nothing hidden is saved; unless `original` had a value
 * there (such a field stays in sight).
 */
export function formToPayload(def: RegisterDef, form: FormValues, original?: Record<string, unknown> | null): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of def.fields) {
    const v = form[f.key];
    if (!fieldApplies(f, form) && !hadValue(original, f)) out[f.key] = null;
    else if (f.type === 'list' && Array.isArray(v)) {
      // entries left wholly empty are dropped; text trimmed, empty text sent as null
      out[f.key] = v
        .map((e) =>
          Object.fromEntries(
            Object.entries(e as Record<string, unknown>).map(([k, x]) => [k, typeof x === 'string' ? (x.trim() === '' ? null : x.trim()) : (x ?? null)]),
          ),
        )
        .filter((e) => Object.values(e).some((x) => x !== null));
    } else if (typeof v === 'string') out[f.key] = v.trim() === '' ? null : v.trim();
    else if (v === undefined) out[f.key] = null;
    else out[f.key] = v;
  }
  // 当事人 and 当事人人数 hidden beside a parties list are sent as the list says, never stale
  return def.name === 'mediationCases' ? deriveParties(out) : out;
}

/** a stable text of the form for the unsaved-changes check */
export const snapshot = (form: FormValues) => JSON.stringify(form);
