// Data package v1 ⇄ API records. The package nests an inspection's penalty (the fields with a
// `packagePath` in registers.ts); the API keeps it flat. Absent values are left out of a written package.
import type { RegisterName } from '../../shared/registers.ts';
import { DISPUTE_TYPE_ALIASES } from '../../shared/enums.ts';
import { fieldApplies, REGISTERS } from '../../shared/registers.ts';

export const PACKAGE_FORMAT = 'fazhi-ledger-package';
export const PACKAGE_VERSION = 1;

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);

/** A package record as the flat payload validateRecord expects. */
export function fromPackageRecord(register: RegisterName, rec: Obj): Obj {
  // 物业 under the spec's newer code is the one 物业 type the ledger has
  if (register === 'mediationCases' && typeof rec.type === 'string' && Object.hasOwn(DISPUTE_TYPE_ALIASES, rec.type)) {
    rec = { ...rec, type: DISPUTE_TYPE_ALIASES[rec.type] };
  }
  const nested = REGISTERS[register].fields.filter((f) => f.packagePath);
  if (nested.length === 0) return rec;
  const out: Obj = { ...rec };
  for (const f of nested) {
    const [group, key] = f.packagePath!;
    const g = rec[group];
    if (isObj(g)) out[f.key] = g[key];
  }
  for (const f of nested) delete out[f.packagePath![0]];
  return out;
}

/**
 * An API record as written in a package: known keys only, empty values left
 * out; personal fields (`personal: true` in registers.ts) only when asked for.
 */
export function toPackageRecord(register: RegisterName, rec: Obj, opts: { withPersonal?: boolean } = { withPersonal: true }): Obj {
  const out: Obj = { id: rec.id };
  for (const f of REGISTERS[register].fields) {
    if (f.personal && !opts.withPersonal) continue;
    const v = rec[f.key];
    if (f.packagePath) {
      // the nested object is written for a record it belongs to (a 行政处罚), even with no detail filled in
      if (!fieldApplies(f, rec)) continue;
      const [group, key] = f.packagePath;
      const g = isObj(out[group]) ? (out[group] as Obj) : (out[group] = {});
      if (v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0)) g[key] = v;
      continue;
    }
    if (v === null || v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    out[f.key] = v;
  }
  out.updatedAt = rec.updatedAt;
  return out;
}

/** Package arrays by register, in the spec's key names (they match ours). */
export const PACKAGE_KEYS: Record<RegisterName, string> = {
  activities: 'activities',
  mediationCases: 'mediationCases',
  inspections: 'inspections',
  workItems: 'workItems',
  disclosureRequests: 'disclosureRequests',
  screenings: 'screenings',
};

/** The personal fields of a register, by key. */
export const personalKeys = (register: RegisterName): string[] => REGISTERS[register].fields.filter((f) => f.personal).map((f) => f.key);
