// The data package's 检查事项清单 (top-level `inspectionItems`) and 年度检查计划 (`years[].inspectionPlan`):
// read and checked with the package (all or nothing), written in its transaction; written on export.
import type { ImportRecordIssue } from '../../shared/contract/exchange.ts';
import { parseInspectionItems, parsePlan, type InspectionItem, type PlanRow } from '../../shared/enterprise.ts';
import type { Db } from '../db/connection.ts';
import { getItems, getPlan, planYears, saveItems, savePlan } from './store.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);

export interface PlannedEnterpriseData {
  /** the merged 清单 to write (the package's items by code over the local ones), null: nothing to write */
  items: InspectionItem[] | null;
  plans: { year: number; rows: PlanRow[] }[];
}

export function planEnterpriseData(db: Db, data: Obj, issues: ImportRecordIssue[]): PlannedEnterpriseData {
  const out: PlannedEnterpriseData = { items: null, plans: [] };
  let known: InspectionItem[] = getItems(db);
  if (data.inspectionItems !== undefined && data.inspectionItems !== null) {
    const { value, problems } = parseInspectionItems(data.inspectionItems);
    for (const message of problems) issues.push({ register: 'package', record: '检查事项清单（inspectionItems）', message });
    if (!problems.length && value.length) {
      const merged = [...known.filter((k) => !value.some((v) => v.code === k.code)), ...value];
      if (JSON.stringify(merged) !== JSON.stringify(known)) out.items = merged;
      known = merged;
    }
  }
  if (Array.isArray(data.years)) {
    data.years.forEach((y: unknown, index) => {
      if (!isObj(y) || typeof y.year !== 'number' || y.inspectionPlan === undefined || y.inspectionPlan === null) return;
      const { value, problems } = parsePlan(y.inspectionPlan, y.year, known);
      for (const message of problems) issues.push({ register: 'years', index, record: `${y.year}年检查计划（inspectionPlan）`, message });
      if (!problems.length && JSON.stringify(value) !== JSON.stringify(getPlan(db, y.year))) out.plans.push({ year: y.year, rows: value });
    });
  }
  return out;
}

export function writeEnterpriseData(db: Db, planned: PlannedEnterpriseData): void {
  if (planned.items) saveItems(db, planned.items);
  for (const p of planned.plans) savePlan(db, p.year, p.rows);
}

/** Adds `inspectionItems` and each year's `inspectionPlan` to a package being written. */
export function addEnterpriseData(db: Db, pkg: Obj, year?: number): void {
  const items = getItems(db);
  if (items.length) pkg.inspectionItems = items.map((i) => Object.fromEntries(Object.entries(i).filter(([, v]) => v !== null)));
  const years = pkg.years as Obj[];
  for (const y of year !== undefined ? [year] : planYears(db)) {
    const rows = getPlan(db, y);
    if (!rows.length) continue;
    const plan = rows.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null && !(Array.isArray(v) && !v.length))));
    const entry = years.find((e) => e.year === y);
    if (entry) entry.inspectionPlan = plan;
    else years.push({ year: y, inspectionPlan: plan });
  }
  years.sort((a, b) => Number(a.year) - Number(b.year));
}
