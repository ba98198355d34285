// The 司法所 clerk's daily tools: 案号, case documents, 卷宗体检 warnings,
// and removing demo data (首页's reminders and dashboard: home.ts).
import { z } from 'zod';
import type { CaseDoc } from '../case-doc-model.ts';
import type { RegisterName } from '../registers.ts';
import { isoDate, method, prefixed, yearNumber } from './define.ts';

export type { CaseDoc };

export interface CaseDocResult {
  doc: CaseDoc;
  fileName: string;
  base64: string;
}

export interface CaseWarning {
  code: 'duplicate_case_no' | 'closed_without_date';
  message: string;
  ids: string[];
}

export interface Reminder {
  /** disclosure_due: a 依申请公开 reply due within 5 working days or past its 20 working days;
   * inspection: 涉企行政检查 (the 检查计划 by 3月31日, caps, rules broken; enterprise.reminders);
   * monthly_stats: from the 5th, last month's 调解统计 is ready to export */
  kind: 'case_overdue' | 'follow_up_due' | 'deadline' | 'disclosure_due' | 'inspection' | 'monthly_stats';
  level: 'overdue' | 'soon';
  title: string;
  detail: string;
  due: string;
  daysLeft: number;
  link: { path: string; query?: Record<string, string> };
}

export interface Reminders {
  today: string;
  items: Reminder[];
  counts: { caseOverdue: number; followUpDue: number; deadline: number; disclosureDue: number };
}

export interface Dashboard {
  year: number;
  monthly: Record<RegisterName, number[]>;
  disputeTypes: { code: string; count: number }[];
  caseStatuses: { code: string; count: number }[];
  inspectionFields: { code: string; count: number }[];
  inspectionOutcomes: { code: string; count: number }[];
  villagesWithoutActivity: string[];
  villagesWithActivity: number;
  /** where the village list came from: 乡镇设置's list, or (empty there) the names in the ledger */
  villagesFrom: 'settings' | 'ledger';
}

const date = isoDate;

export const casesContract = {
  ...prefixed('cases', {
    /** the next 案号 of the year in the pattern of 设置 */
    nextCaseNo: method<string>()(z.object({ year: yearNumber })),
    /** whether a 案号 is free in the year of acceptedOn (the form checks as the clerk types) */
    checkCaseNo: method<{ free: boolean; message: string | null }>()(
      z.object({
        caseNo: z.string().max(100),
        acceptedOn: date,
        id: z.string().max(64).optional(),
      }),
    ),
    /** a 人民调解文书 of the case as .docx (base64) and as blocks to print */
    document: method<CaseDocResult>()(
      z.object({
        /** the case's id, or its 案号 */
        id: z.string().min(1).max(100),
        kind: z.enum(['register', 'agreement', 'followup', 'cover']),
      }),
    ),
    /** existing data the form would now refuse: duplicate 案号, 调结 without 结案日期 */
    warnings: method<CaseWarning[]>()(z.object({ year: yearNumber.optional() })),
  }),
};
