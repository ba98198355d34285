// Migration 21, frozen: the SQL as it was when this version shipped. Never edit it;
// a later change to the schema is a new file.
import type { Migration } from '../migration.ts';

export const migration: Migration = {
  // issue 21: 涉企行政检查 (国办发〔2024〕54号). The old 检查方式 stays as it was (联合检查 remains a mark
  // there) and the free-text 执法人员及证号 is kept; 检查类型 and 任务来源 are derived from 检查方式.
  version: 21,
  name: 'enterprise inspections',
  up: (db) =>
    db.exec(`
    ALTER TABLE inspections ADD COLUMN inspection_type TEXT;
    ALTER TABLE inspections ADD COLUMN task_source TEXT;
    ALTER TABLE inspections ADD COLUMN credit_code TEXT;
    ALTER TABLE inspections ADD COLUMN item_code TEXT;
    ALTER TABLE inspections ADD COLUMN basis TEXT;
    ALTER TABLE inspections ADD COLUMN approved_by TEXT;
    ALTER TABLE inspections ADD COLUMN approved_on TEXT;
    ALTER TABLE inspections ADD COLUMN inspector_list TEXT;
    ALTER TABLE inspections ADD COLUMN notified_on TEXT;
    ALTER TABLE inspections ADD COLUMN scan_code TEXT;
    UPDATE inspections SET inspection_type = CASE mode
        WHEN 'routine' THEN 'daily' WHEN 'special' THEN 'special' WHEN 'complaint' THEN 'case' END,
      task_source = CASE mode WHEN 'complaint' THEN 'complaint' END
      WHERE mode IN ('routine', 'special', 'complaint');
  `),
};
