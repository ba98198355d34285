// The 执法人员 list, the 检查事项清单 and the years' 年度检查计划: JSON values in the settings table
// (one key each; a plan per year), so backups, restore and the data package carry them as they are.
import { parseInspectionItems, parseOfficers, parsePlan, type InspectionItem, type Officer, type PlanRow } from '../../shared/enterprise.ts';
import type { Db } from '../db/connection.ts';
import { prepared } from '../db/statements.ts';
import { AppError } from '../util/errors.ts';

export const OFFICERS_KEY = 'inspectionOfficers';
export const ITEMS_KEY = 'inspectionItems';
export const PLAN_KEY_PREFIX = 'inspectionPlan:';

function read(db: Db, key: string): unknown {
  const row = prepared(db, 'SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  if (!row) return undefined;
  try {
    return JSON.parse(row.value) as unknown;
  } catch {
    return undefined;
  }
}

function write(db: Db, key: string, value: unknown): void {
  prepared(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value));
}

const refuse = (what: string, problems: string[]) => {
  throw new AppError(
    'invalid_input',
    `${what}有${problems.length}处问题，未保存：${problems.slice(0, 5).join('；')}${problems.length > 5 ? '……' : ''}`,
    problems.map((message) => ({ field: '', message })),
  );
};

export function getOfficers(db: Db): Officer[] {
  const raw = read(db, OFFICERS_KEY);
  return raw === undefined ? [] : parseOfficers(raw).value;
}

export function saveOfficers(db: Db, list: unknown): Officer[] {
  const { value, problems } = parseOfficers(list);
  if (problems.length) refuse('执法人员名单', problems);
  write(db, OFFICERS_KEY, value);
  return value;
}

export function getItems(db: Db): InspectionItem[] {
  const raw = read(db, ITEMS_KEY);
  return raw === undefined ? [] : parseInspectionItems(raw).value;
}

export function saveItems(db: Db, list: unknown): InspectionItem[] {
  const { value, problems } = parseInspectionItems(list);
  if (problems.length) refuse('检查事项清单', problems);
  write(db, ITEMS_KEY, value);
  return value;
}

export function getPlan(db: Db, year: number): PlanRow[] {
  const raw = read(db, `${PLAN_KEY_PREFIX}${year}`);
  return raw === undefined ? [] : parsePlan(raw, year).value;
}

export function savePlan(db: Db, year: number, rows: unknown): PlanRow[] {
  const { value, problems } = parsePlan(rows, year, getItems(db));
  if (problems.length) refuse(`${year}年检查计划`, problems);
  write(db, `${PLAN_KEY_PREFIX}${year}`, value);
  return value;
}

/** The years that have a 检查计划 (the data package writes them). */
export function planYears(db: Db): number[] {
  return (prepared(db, `SELECT key FROM settings WHERE key LIKE '${PLAN_KEY_PREFIX}%' ORDER BY key`).all() as { key: string }[])
    .map((r) => Number(r.key.slice(PLAN_KEY_PREFIX.length)))
    .filter((y) => Number.isInteger(y) && y >= 2000 && y <= 2100);
}

/**
 * A backup's setting of ours, restored through the same checks (backup/rebuild.ts asks):
 * true when the key is ours (written, or refused with `ignored` told why).
 */
export function restoreEnterpriseSetting(db: Db, key: string, value: unknown, ignored: string[]): boolean {
  const plan = key.startsWith(PLAN_KEY_PREFIX) ? Number(key.slice(PLAN_KEY_PREFIX.length)) : null;
  if (key !== OFFICERS_KEY && key !== ITEMS_KEY && plan === null) return false;
  const parsed = key === OFFICERS_KEY ? parseOfficers(value) : key === ITEMS_KEY ? parseInspectionItems(value) : parsePlan(value, plan ?? 0);
  if (parsed.problems.length || (plan !== null && !(Number.isInteger(plan) && plan >= 2000 && plan <= 2100))) {
    ignored.push(`设置项“${key.slice(0, 30)}”的值无效，已忽略`);
    return true;
  }
  write(db, key, parsed.value);
  return true;
}
