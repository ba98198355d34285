// enterprise.*: 涉企行政检查 (国办发〔2024〕54号) — the 执法人员 list and the 检查事项清单 of 设置, the
// years' 年度检查计划, visits per enterprise and the rules broken, the 检查文书 and the plan as .docx.
import { z } from 'zod';
import type { CaseDoc } from '../case-doc-model.ts';
import type { InspectionDocKind, InspectionItem, Officer, PlanRow } from '../enterprise.ts';
import { INSPECTION_DOC_KINDS } from '../enterprise.ts';
import type { Reminder } from './cases.ts';
import { base64Content, isoDate, method, prefixed, yearNumber } from './define.ts';

export type { InspectionDocKind, InspectionItem, Officer, PlanRow };
export { INSPECTION_DOC_KINDS };

/** `cli enterprise-visits --json` prints exactly this */
export interface EnterpriseVisits {
  enterprises: { creditCode: string | null; name: string; count: number; cap: number | null; over: boolean }[];
  problems: { id: string; message: string }[];
}

export interface VisitCheck {
  /** whether the inspection counts against the enterprise's cap */
  counted: boolean;
  /** the enterprise's inspections of the year, this one included */
  count: number;
  cap: number | null;
  over: boolean;
  message: string | null;
}

export interface InspectionDocResult {
  doc: Omit<CaseDoc, 'kind'> & { kind: InspectionDocKind | 'plan' };
  fileName: string;
  base64: string;
}

const visitCheckInput = z.object({
  id: z.string().max(64).optional(),
  date: isoDate,
  target: z.string().max(200),
  targetType: z.string().max(20).nullable().optional(),
  creditCode: z.string().max(50).nullable().optional(),
  inspectionType: z.string().max(20).nullable().optional(),
  taskSource: z.string().max(20).nullable().optional(),
  itemCode: z.string().max(50).nullable().optional(),
  mode: z.string().max(20).nullable().optional(),
});
export type VisitCheckInput = z.output<typeof visitCheckInput>;

// the lists are checked entry by entry in core (shared/enterprise.ts), with messages naming the entry
const list = z.array(z.unknown()).max(5000);

export const enterpriseContract = prefixed('enterprise', {
  officers: method<Officer[]>()(z.object({})),
  saveOfficers: method<Officer[]>()(z.object({ officers: list })),
  items: method<InspectionItem[]>()(z.object({})),
  saveItems: method<InspectionItem[]>()(z.object({ items: list })),
  /** the 检查事项清单 from an Excel sheet (编码, 名称, 依据, 领域, 年度上限): replaces the list */
  importItems: method<InspectionItem[]>()(z.object({ base64: base64Content })),
  plan: method<PlanRow[]>()(z.object({ year: yearNumber })),
  savePlan: method<PlanRow[]>()(z.object({ year: yearNumber, rows: list })),
  /** the 年度检查计划 as .docx */
  planDocument: method<InspectionDocResult>()(z.object({ year: yearNumber })),
  visits: method<EnterpriseVisits>()(z.object({ year: yearNumber, date: isoDate.optional() })),
  /** the form's warning before saving an inspection over the enterprise's yearly cap */
  visitCheck: method<VisitCheck>()(visitCheckInput),
  /** a 检查文书 of one inspection as .docx (base64) and as blocks to print */
  document: method<InspectionDocResult>()(z.object({ id: z.string().min(1).max(64), kind: z.enum(['approval', 'record', 'result']) })),
  /** 首页's reminders: the 3月31日 plan, the rules broken this year */
  reminders: method<Reminder[]>()(z.object({ date: isoDate.optional() })),
});
