// Create, update, soft delete and restore through the form's door of the write pipeline
// (write.ts): validation, the 回收站 rule and the 案号 rules happen there, for every door.
import type { RegisterName } from '../../shared/registers.ts';
import { REGISTERS } from '../../shared/registers.ts';
import type { RecordOf } from '../../shared/records.ts';
import { isoNow, type CoreContext } from '../context.ts';
import { AppError } from '../util/errors.ts';
import { getRecord, purgeRecord, setDeleted } from './repository.ts';
import { prepared } from '../db/statements.ts';
import { RecordWriter, type DoorName, type WriteRequest } from './write.ts';
import { CaseNumbers } from './case-number.ts';

export function requireRecord<R extends RegisterName>(ctx: CoreContext, name: R, id: string): RecordOf<R> {
  const def = REGISTERS[name];
  const rec = getRecord<RecordOf<R>>(ctx.db, def, id);
  if (!rec) throw new AppError('not_found', `找不到这条${def.label}记录，可能已被彻底删除`);
  return rec;
}

/** One record through a door, in the caller's transaction; a refusal is an AppError naming the fields. */
export function writeOne<R extends RegisterName>(ctx: CoreContext, door: DoorName, req: WriteRequest & { register: R }): RecordOf<R> {
  const def = REGISTERS[req.register];
  const writer = new RecordWriter(ctx.db, door);
  const plan = writer.plan(req);
  if (!plan.ok) {
    const first = plan.issues[0];
    // the id's own problem (in the 回收站, not found, taken) is said as it is; field problems say 未保存
    if (first.field === 'id') throw new AppError(first.code, first.message);
    const code = plan.issues.some((i) => i.code === 'conflict') ? 'conflict' : 'invalid_input';
    throw new AppError(
      code,
      `${def.label}未保存：${plan.issues.map((i) => i.message).join('；')}`,
      plan.issues.map(({ field, message }) => ({ field, message })),
    );
  }
  writer.apply(plan, isoNow(ctx));
  return requireRecord(ctx, req.register, plan.id);
}

export function createRecord<R extends RegisterName>(ctx: CoreContext, name: R, payload: Record<string, unknown>, door: DoorName = 'form'): RecordOf<R> {
  const given = typeof payload.id === 'string' && payload.id ? payload.id : null;
  // an id the page did not choose is made anew; one it chose must be free
  return writeOne(ctx, door, { register: name, mode: 'create', id: given, input: payload });
}

export function updateRecord<R extends RegisterName>(ctx: CoreContext, name: R, id: string, payload: Record<string, unknown>): RecordOf<R> {
  // an edited demo record is the clerk's now: 清除示例数据 leaves it (same transaction as the write)
  // (demo_records is written by demo/, read here only to drop the mark: no import of demo/, no circle)
  prepared(ctx.db, 'DELETE FROM demo_records WHERE register = ? AND record_id = ?').run(name, id);
  return writeOne(ctx, 'form', { register: name, mode: 'update', id, input: payload });
}

export function deleteRecord(ctx: CoreContext, name: RegisterName, id: string): { id: string } {
  const rec = requireRecord(ctx, name, id);
  if (!rec.deletedAt) {
    const now = isoNow(ctx);
    setDeleted(ctx.db, REGISTERS[name], id, now, now);
  }
  return { id };
}

/**
 * Takes a record out of the 回收站. A case keeps its 案号 while in the bin (no new case is
 * given it); if another live case holds it all the same (typed by hand, imported), the
 * restore is refused naming that case and the next free number.
 */
export function restoreRecord<R extends RegisterName>(ctx: CoreContext, name: R, id: string): RecordOf<R> {
  const rec = requireRecord(ctx, name, id);
  const def = REGISTERS[name];
  if (!rec.deletedAt) return rec;
  const caseNo = def.fields.find((f) => f.role === 'caseNumber');
  const fields = rec as unknown as Record<string, unknown>;
  const number = caseNo ? fields[caseNo.key] : null;
  if (caseNo && typeof number === 'string' && number) {
    const numbers = new CaseNumbers(ctx.db);
    const acceptedOn = String(fields[def.dateKey]);
    const other = numbers.holder(number, acceptedOn, id);
    if (other) throw new AppError('conflict', `不能恢复：${numbers.refusal(number, acceptedOn, other)}。请先修改另一件案件的案号，或恢复后改用新的案号。`);
  }
  setDeleted(ctx.db, def, id, null, isoNow(ctx));
  return requireRecord(ctx, name, id);
}

export function purgeDeletedRecord(ctx: CoreContext, name: RegisterName, id: string): { id: string } {
  const def = REGISTERS[name];
  const rec = requireRecord(ctx, name, id);
  if (!rec.deletedAt) throw new AppError('conflict', `只能彻底删除回收站中的${def.label}记录`);
  purgeRecord(ctx.db, def, id);
  return { id };
}
