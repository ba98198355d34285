// Demo records (示例数据) are listed in demo_records, so that 设置 「清除示例数据」
// removes exactly them and nothing the clerk entered.
import { REGISTERS, REGISTER_NAMES, type RegisterName } from '../../shared/registers.ts';
import type { Db } from '../db/connection.ts';
import { prepared } from '../registers/repository.ts';

export function markDemo(db: Db, register: RegisterName, id: string): void {
  prepared(db, 'INSERT OR IGNORE INTO demo_records (register, record_id) VALUES (?, ?)').run(register, id);
}

export function countDemo(db: Db): Record<RegisterName, number> {
  const out = {} as Record<RegisterName, number>;
  for (const r of REGISTER_NAMES) {
    const def = REGISTERS[r];
    out[r] = (
      prepared(db, `SELECT COUNT(*) AS n FROM ${def.table} WHERE id IN (SELECT record_id FROM demo_records WHERE register = ?)`).get(r) as { n: number }
    ).n;
  }
  return out;
}

/** Removes the demo records for good (their attachments go with them); run inside the demoData.clear mutator. */
export function clearDemo(db: Db): Record<RegisterName, number> {
  const out = {} as Record<RegisterName, number>;
  for (const r of REGISTER_NAMES) {
    const def = REGISTERS[r];
    out[r] = prepared(db, `DELETE FROM ${def.table} WHERE id IN (SELECT record_id FROM demo_records WHERE register = ?)`).run(r).changes;
    prepared(db, 'DELETE FROM exchange_seen WHERE register = ? AND record_id IN (SELECT record_id FROM demo_records WHERE register = ?)').run(r, r);
    prepared(db, 'DELETE FROM demo_records WHERE register = ?').run(r);
  }
  return out;
}
