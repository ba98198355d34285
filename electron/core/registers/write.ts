// One write path for every record, whatever door it comes through: the form (registers
// service), an Excel sheet, a data package (.json or .zip), a restore from a backup and
// the demo year. Each door plans its records with a `RecordWriter`, then applies the plans
// inside one BEGIN IMMEDIATE transaction (the door's mutator or its own transaction). The
// planning step is the same for every door:
//
//   1. the record id (given, or a new one; the pattern checked),
//   2. the 回收站 rule (a record in the bin is not rewritten behind the clerk's back),
//   3. the fields: the incoming ones, or (for a door that carries only some fields) the
//      local record with the carried ones replaced,
//   4. validation (shared/validation.ts, Chinese messages naming the field),
//   5. the hooks of the register's field roles (the 案号 of a mediation case: numbered,
//      normalised, unique — registers/case-number.ts),
//   6. what changes: new / updated (which fields) / unchanged, and personal data emptied.
//
// Applying writes the row; the search text and the keyword index follow the fields
// (mapping.ts, triggers), the update time is the door's (now, or the incoming one).
// What differs between doors is one row of DOOR_POLICIES, nothing else.
import { randomUUID } from 'node:crypto';
import type { FieldDef, FieldRole, RegisterDef, RegisterName } from '../../shared/registers.ts';
import { REGISTERS } from '../../shared/registers.ts';
import { validateRecord, type FieldIssue } from '../../shared/validation.ts';
import type { Db } from '../db/connection.ts';
import { CaseNumbers } from './case-number.ts';
import { getRecord, insertRecord, replaceRecord, setDeleted } from './repository.ts';

type Obj = Record<string, unknown>;

/** A record id: letters, digits and - _ . :, at most 64 (data packages and backups carry them). */
export const RECORD_ID_RE = /^[\w.:-]{1,64}$/;

export type DoorName = 'form' | 'excel' | 'package' | 'restore' | 'demo';

export interface DoorPolicy {
  /** how a message names the door */
  label: string;
  /** a mediation case without 案号 gets the next free number of its year */
  numbersCases: boolean;
  /** a 案号 another live case of its year holds is refused (a backup keeps what it holds: listed later as a data warning) */
  uniqueCaseNo: boolean;
  /**
   * an incoming copy of a record that is in the 回收站:
   * - `refuse`: refused, 请先恢复 (the form; an Excel row with its 记录编号)
   * - `conflict`: listed as a conflict and not written, unless the clerk says to restore it
   * - `asIs`: written as it comes, bin and all (a restore builds a fresh ledger)
   */
  bin: 'refuse' | 'conflict' | 'asIs';
  /** an update replaces every field (`all`), or only the fields the door carries, the rest kept (`carried`) */
  overwrite: 'all' | 'carried';
  /** the record's 修改时间: the time of the write, or the one it comes with */
  updatedAt: 'now' | 'incoming';
  /** emptying a personal field that holds something: allowed, or only when the clerk ticked that it may */
  emptyPersonal: 'allowed' | 'whenAsked';
}

/** Every door's differences, in one table (docs/architecture.md, 「One write path」). */
export const DOOR_POLICIES: Readonly<Record<DoorName, DoorPolicy>> = {
  form: { label: '表单', numbersCases: true, uniqueCaseNo: true, bin: 'refuse', overwrite: 'all', updatedAt: 'now', emptyPersonal: 'allowed' },
  excel: { label: 'Excel 导入', numbersCases: true, uniqueCaseNo: true, bin: 'refuse', overwrite: 'carried', updatedAt: 'now', emptyPersonal: 'whenAsked' },
  package: {
    label: '数据包',
    numbersCases: true,
    uniqueCaseNo: true,
    bin: 'conflict',
    overwrite: 'carried',
    updatedAt: 'incoming',
    emptyPersonal: 'allowed',
  },
  restore: { label: '恢复备份', numbersCases: false, uniqueCaseNo: false, bin: 'asIs', overwrite: 'all', updatedAt: 'incoming', emptyPersonal: 'allowed' },
  demo: { label: '示例数据', numbersCases: true, uniqueCaseNo: true, bin: 'refuse', overwrite: 'all', updatedAt: 'now', emptyPersonal: 'allowed' },
};

export interface WriteRequest {
  register: RegisterName;
  /** create: a new record (an id that exists is refused); update: an existing one; upsert: either */
  mode: 'create' | 'update' | 'upsert';
  /** the record's id; none: a new one is made */
  id?: string | null;
  /** the incoming fields, as the door read them (validated here) */
  input: Obj;
  /** with overwrite `carried`: the field keys the door carries (an Excel sheet's columns); default: the keys of `input` */
  carried?: ReadonlySet<string>;
  /** the incoming 修改时间 (package, restore) */
  updatedAt?: string | null;
  /** restore: the record's time of deletion (it goes into the 回收站 as it was) */
  deletedAt?: string | null;
  /** the clerk said to take the incoming copy of a record in the 回收站 and restore it */
  restoreFromBin?: boolean;
  /** the clerk ticked that personal data may be emptied */
  allowEmptyPersonal?: boolean;
  /** `input` as validateRecord already returned it (a new record: not validated twice) */
  validated?: boolean;
  /** how the 案号 rules name this record to the batch's later records (表格第3行的… / 本数据包中的…) */
  label?: string;
}

export interface FieldChange {
  key: string;
  label: string;
  personal: boolean;
}

export type WriteIssue = FieldIssue & { code: 'invalid_input' | 'conflict' | 'not_found' };

export interface PlannedWrite {
  ok: true;
  register: RegisterName;
  id: string;
  action: 'new' | 'updated' | 'unchanged';
  fields: Obj;
  /** the local record before the write (null for a new one) */
  before: Obj | null;
  /** the fields that change (every field of a new record is not listed) */
  changes: FieldChange[];
  /** personal fields that held something and would be emptied */
  emptiedPersonal: FieldChange[];
  updatedAt: string | null;
  deletedAt: string | null;
  /** the record is in the 回收站 and this write takes it out (the clerk's word) */
  restoresFromBin: boolean;
}

export interface RefusedWrite {
  ok: false;
  register: RegisterName;
  id: string | null;
  issues: WriteIssue[];
  /** refused because the local record is in the 回收站 (a package lists it as a conflict) */
  inBin: boolean;
}

export type WritePlan = PlannedWrite | RefusedWrite;

/** What a field role adds to a write: it may fill fields and refuse with issues (planning only, no writing). */
export interface RoleHook {
  plan(w: RecordWriter, def: RegisterDef, field: FieldDef, rec: { id: string; fields: Obj; before: Obj | null; label: string | undefined }): WriteIssue[];
  /** a batch's record, before any is planned: what it brings (a 案号 the numbering must go past) */
  announce?(w: RecordWriter, def: RegisterDef, field: FieldDef, input: Obj): void;
  /** the record will not be written after all (skipped by the door): forget what the plan claimed */
  release?(w: RecordWriter, id: string): void;
}

/** The changes of a new record: none (shared, frozen: never written to). */
const NO_CHANGES = Object.freeze([]) as unknown as FieldChange[];

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** The 案号 (role caseNumber): given the next free number when empty, refused when another live case holds it. */
const caseNumberHook: RoleHook = {
  plan(w, def, field, rec) {
    const numbers = w.caseNumbers();
    const dateKey = def.dateKey;
    const acceptedOn = String(rec.fields[dateKey]);
    const year = Number(acceptedOn.slice(0, 4));
    let caseNo = typeof rec.fields[field.key] === 'string' ? (rec.fields[field.key] as string) : '';
    if (!caseNo && rec.before && typeof rec.before[field.key] === 'string' && rec.before[field.key]) {
      // a case saved, or a sheet or package row sent, without 案号 keeps the number it has
      caseNo = rec.before[field.key] as string;
    }
    if (!caseNo && w.policy.numbersCases) caseNo = numbers.next(year);
    rec.fields[field.key] = caseNo || null;
    if (!caseNo) return [];
    if (w.policy.uniqueCaseNo) {
      const other = numbers.holder(caseNo, acceptedOn, rec.id);
      if (other) {
        // a batch (sheet, package) names the ledger's case as the ledger's, beside its own rows
        const named = other.inLedger && w.door !== 'form' && w.door !== 'demo' ? { ...other, label: `本机已有的${other.label}` } : other;
        return [{ field: field.key, code: 'conflict', message: numbers.refusal(caseNo, acceptedOn, named) }];
      }
    }
    numbers.claim({ id: rec.id, caseNo, acceptedOn, type: String(rec.fields.type ?? ''), label: rec.label ?? '' });
    return [];
  },
  announce(w, def, field, input) {
    const caseNo = input[field.key];
    const date = input[def.dateKey];
    if (typeof caseNo === 'string' && caseNo.trim() && typeof date === 'string' && /^\d{4}-/.test(date)) w.caseNumbers().reserve(caseNo.trim(), date);
  },
  release(w, id) {
    w.caseNumbers().release(id);
  },
};

/** The hooks by field role: a register with such a field gets them (no register is named here). */
const ROLE_HOOKS: Partial<Record<FieldRole, RoleHook>> = { caseNumber: caseNumberHook };

/**
 * Plans and applies the writes of one door. One writer per save, sheet, package, restore or
 * demo year: it remembers what the batch has planned (ids, 案号) so that two rows of one sheet
 * are checked against each other as against the ledger.
 */
export class RecordWriter {
  readonly db: Db;
  readonly door: DoorName;
  readonly policy: DoorPolicy;
  private numbers: CaseNumbers | null = null;
  /** the ids this batch has planned, by register (no key string made per record) */
  private readonly planned = new Map<RegisterName, Set<string>>();
  /** every id of a register's table (回收站 included), when the door read them at once: an id not among them has no local record */
  private readonly knownIds = new Map<RegisterName, Set<string>>();

  constructor(db: Db, door: DoorName) {
    this.db = db;
    this.door = door;
    this.policy = DOOR_POLICIES[door];
  }

  private plannedIds(register: RegisterName): Set<string> {
    let ids = this.planned.get(register);
    if (!ids) this.planned.set(register, (ids = new Set()));
    return ids;
  }

  /** The 案号 state of this batch (created on first use). */
  caseNumbers(): CaseNumbers {
    return (this.numbers ??= new CaseNumbers(this.db));
  }

  /**
   * Reads every id of a register once, for a batch of many records (a package of 100 000):
   * a record whose id is not among them is new without a look-up of its own. Called inside
   * the door's transaction, before its records are planned.
   */
  readIds(register: RegisterName): void {
    const ids = this.db.prepare(`SELECT id FROM ${REGISTERS[register].table}`).pluck().all() as string[];
    this.knownIds.set(register, new Set(ids));
  }

  plan(req: WriteRequest): WritePlan {
    const def = REGISTERS[req.register];
    const refused = (issues: WriteIssue[], inBin = false, id: string | null = req.id ?? null): RefusedWrite => ({
      ok: false,
      register: req.register,
      id,
      issues,
      inBin,
    });
    // 1. the id
    const given = typeof req.id === 'string' && req.id !== '' ? req.id : null;
    if (given !== null && !RECORD_ID_RE.test(given)) {
      return refused([{ field: 'id', code: 'invalid_input', message: `${def.label}的编号“${given.slice(0, 70)}”无效：只能用字母、数字和 - _ . :，最长64位` }]);
    }
    const before = given && (this.knownIds.get(req.register)?.has(given) ?? true) ? getRecord<Obj>(this.db, def, given) : null;
    if (req.mode === 'update' && !before) return refused([{ field: 'id', code: 'not_found', message: `找不到这条${def.label}记录，可能已被彻底删除` }]);
    if (req.mode === 'create' && before) return refused([{ field: 'id', code: 'conflict', message: `${def.label}编号 ${given} 已存在` }]);
    const id = given ?? randomUUID();
    const plannedIds = this.plannedIds(req.register);
    if (plannedIds.has(id)) return refused([{ field: 'id', code: 'conflict', message: `${def.label}编号 ${id} 在本次导入中重复` }]);

    // 2. the 回收站
    let restoresFromBin = false;
    if (before?.deletedAt && this.policy.bin !== 'asIs') {
      if (this.policy.bin === 'conflict' && req.restoreFromBin) restoresFromBin = true;
      else {
        const message =
          this.policy.bin === 'conflict'
            ? `本机的这条${def.label}记录在回收站中：${this.policy.label}中的版本没有导入。要用它，请先在回收站中恢复这条记录，或在导入时选择“恢复回收站中的记录并导入”`
            : `这条${def.label}记录在回收站中，请先恢复再修改`;
        return refused([{ field: 'id', code: 'conflict', message }], true, id);
      }
    }

    // 3. the fields
    let input: Obj = req.input;
    if (before && this.policy.overwrite === 'carried') {
      const carried = req.carried ?? new Set(Object.keys(req.input));
      input = { ...before };
      for (const f of def.fields) if (carried.has(f.key)) input[f.key] = req.input[f.key];
    }

    // 4. validation
    let fields: Obj;
    if (req.validated && input === req.input) fields = { ...input };
    else {
      const v = validateRecord(def as RegisterDef & { name: RegisterName }, input);
      if (!v.ok)
        return refused(
          v.issues.map((i) => ({ ...i, code: 'invalid_input' as const })),
          false,
          id,
        );
      fields = v.value as Obj; // a fresh object of this record's own
    }

    // 5. the hooks of the register's field roles
    const issues: WriteIssue[] = [];
    for (const f of def.fields) {
      const hook = f.role ? ROLE_HOOKS[f.role] : undefined;
      if (hook) issues.push(...hook.plan(this, def, f, { id, fields, before, label: req.label }));
    }
    if (issues.length) {
      this.release(req.register, id);
      return refused(issues, false, id);
    }

    // 6. what changes (a new record: none, and no arrays of its own for it — an import plans 600 000)
    const changes: FieldChange[] = before ? [] : NO_CHANGES;
    const emptiedPersonal: FieldChange[] = before ? [] : NO_CHANGES;
    if (before) {
      for (const f of def.fields) {
        if (same(before[f.key], fields[f.key])) continue;
        const c = { key: f.key, label: f.label, personal: !!f.personal };
        changes.push(c);
        if (f.personal && !isEmpty(before[f.key]) && isEmpty(fields[f.key])) emptiedPersonal.push(c);
      }
    }
    if (emptiedPersonal.length && this.policy.emptyPersonal === 'whenAsked' && !req.allowEmptyPersonal) {
      this.release(req.register, id);
      const names = emptiedPersonal.map((c) => `「${c.label}」`).join('、');
      return refused(
        emptiedPersonal.map((c) => ({
          field: c.key,
          code: 'invalid_input' as const,
          message: `这一行会清空本机已有的${names}（个人信息）。如确要清空，请勾选“允许清空当事人等个人信息”；否则请补上这一列的内容或删去这一列`,
        })),
        false,
        id,
      );
    }
    plannedIds.add(id);
    const action = !before ? 'new' : changes.length || restoresFromBin ? 'updated' : 'unchanged';
    return {
      ok: true,
      register: req.register,
      id,
      action,
      fields,
      before,
      changes,
      emptiedPersonal,
      updatedAt: req.updatedAt ?? null,
      deletedAt: req.deletedAt ?? null,
      restoresFromBin,
    };
  }

  /** Tells the writer what a batch's record brings before any record is planned (a package's, a sheet's own 案号). */
  announce(register: RegisterName, input: Obj): void {
    const def = REGISTERS[register];
    for (const f of def.fields) {
      const hook = f.role ? ROLE_HOOKS[f.role] : undefined;
      hook?.announce?.(this, def, f, input);
    }
  }

  /** A planned record the door decides not to write after all (a duplicate row, a package's older copy). */
  release(register: RegisterName, id: string): void {
    this.plannedIds(register).delete(id);
    for (const f of REGISTERS[register].fields) {
      const hook = f.role ? ROLE_HOOKS[f.role] : undefined;
      hook?.release?.(this, id);
    }
  }

  /** Writes a plan (inside the door's transaction). An unchanged record is not written. */
  apply(p: PlannedWrite, now: string): void {
    const def = REGISTERS[p.register];
    const updatedAt = this.policy.updatedAt === 'incoming' && p.updatedAt ? p.updatedAt : now;
    if (p.action === 'new') {
      insertRecord(this.db, def, p.id, p.fields, updatedAt);
      if (p.deletedAt && this.policy.bin === 'asIs') setDeleted(this.db, def, p.id, p.deletedAt, updatedAt);
    } else if (p.action === 'updated') {
      replaceRecord(this.db, def, p.id, p.fields, updatedAt);
      if (p.restoresFromBin) setDeleted(this.db, def, p.id, null, updatedAt);
    }
  }
}

/** One record through the form's door (create or update): refused with an AppError-ready issue list. */
export function planOne(db: Db, door: DoorName, req: WriteRequest): { writer: RecordWriter; plan: WritePlan } {
  const writer = new RecordWriter(db, door);
  return { writer, plan: writer.plan(req) };
}
