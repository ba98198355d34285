// Data package v1 ⇄ API records. The package nests an inspection's penalty;
// the API keeps it flat. Absent values are left out of a written package.
import type { RegisterName } from '../../shared/registers.ts';
import { REGISTERS } from '../../shared/registers.ts';

export const PACKAGE_FORMAT = 'fazhi-ledger-package';
export const PACKAGE_VERSION = 1;

type Obj = Record<string, unknown>;

const PENALTY_KEYS: [flat: string, nested: string][] = [
  ['penaltyDecisionNo', 'decisionNo'],
  ['penaltyKind', 'kind'],
  ['penaltyAmount', 'amount'],
  ['penaltyLegalReview', 'legalReview'],
];

/** A package record as the flat payload validateRecord expects. */
export function fromPackageRecord(register: RegisterName, rec: Obj): Obj {
  if (register !== 'inspections') return rec;
  const out: Obj = { ...rec };
  const penalty = rec.penalty;
  if (penalty && typeof penalty === 'object' && !Array.isArray(penalty)) {
    for (const [flat, nested] of PENALTY_KEYS) out[flat] = (penalty as Obj)[nested];
  }
  delete out.penalty;
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
    if (v === null || v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    if (register === 'inspections' && f.key.startsWith('penalty')) continue;
    out[f.key] = v;
  }
  if (register === 'inspections' && rec.outcome === 'penalty') {
    const penalty: Obj = {};
    for (const [flat, nested] of PENALTY_KEYS) if (rec[flat] !== null && rec[flat] !== undefined) penalty[nested] = rec[flat];
    out.penalty = penalty;
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
};

/** The personal fields of a register, by key. */
export const personalKeys = (register: RegisterName): string[] => REGISTERS[register].fields.filter((f) => f.personal).map((f) => f.key);
