// Demo records (示例数据) are listed in demo_records, so that 设置 「清除示例数据」
// removes exactly them and nothing the clerk entered.
import { REGISTERS, REGISTER_NAMES, type RegisterName } from '../../shared/registers.ts';
import type { Db } from '../db/connection.ts';
import { prepared } from '../db/statements.ts';

export function markDemo(db: Db, register: RegisterName, id: string): void {
  prepared(db, 'INSERT OR IGNORE INTO demo_records (register, record_id) VALUES (?, ?)').run(register, id);
}

/** The live demo records of each register (those in the 回收站 are not counted). */
export function countDemo(db: Db): Record<RegisterName, number> {
  const out = {} as Record<RegisterName, number>;
  for (const r of REGISTER_NAMES) {
    const def = REGISTERS[r];
    out[r] = (
      prepared(db, `SELECT COUNT(*) AS n FROM ${def.table} WHERE deleted_at IS NULL AND id IN (SELECT record_id FROM demo_records WHERE register = ?)`).get(
        r,
      ) as {
        n: number;
      }
    ).n;
  }
  return out;
}

/**
 * Moves the untouched demo records into the 回收站 (run inside the demoData.clear mutator,
 * after its backup): an edited one has lost its mark and stays; their attachments follow
 * the bin rules (kept while the record is in the 回收站, gone when it is emptied).
 */
export function clearDemo(db: Db, now: string): Record<RegisterName, number> {
  const out = {} as Record<RegisterName, number>;
  for (const r of REGISTER_NAMES) {
    const def = REGISTERS[r];
    out[r] = prepared(
      db,
      `UPDATE ${def.table} SET deleted_at = @now, updated_at = @now
      WHERE deleted_at IS NULL AND id IN (SELECT record_id FROM demo_records WHERE register = @r)`,
    ).run({ now, r }).changes;
  }
  return out;
}
