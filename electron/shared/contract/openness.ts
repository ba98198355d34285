// The 政府信息公开工作年度报告 (openness.*): its model, the Word file, the agreement checks
// with the 法治政府建设情况报告, and whether the year's report has been exported.
import { z } from 'zod';
import type { ReportParagraph } from './report.ts';
import type { OpennessNarrativeKey } from '../openness.ts';
import { method, prefixed, yearNumber } from './define.ts';
import { isValidDate } from '../calendar-date.ts';

/** One finding of a review: a difference between the two reports, or a data problem. */
export interface ReviewItem {
  /** stable code, e.g. openness.penalties */
  id: string;
  /** error: the figures disagree; warning: to look at before publishing; info: for the clerk to know */
  severity: 'error' | 'warning' | 'info';
  /** Chinese, with both figures where two are compared */
  message: string;
  /** the records behind the figures: a page and its list filters (?year=…&f.<field>=…) */
  link?: { label: string; path: string; query: Record<string, string> };
}

/** Row keys of table 三, in the national format's order. */
export type Table3Key = 'received' | 'carried' | string /* a DISCLOSURE_RESULTS code */ | 'concluded' | 'carryForward';

export interface Table3Row {
  key: Table3Key;
  /** 一、本年新收… / （一）予以公开 / 1.属于国家秘密 … */
  label: string;
  /** （三）不予公开 … for an item row */
  group: string | null;
  /** 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计 */
  values: number[];
}

export interface OpennessTables {
  two: {
    normative: { issued: number; repealed: number; inForce: number };
    licenses: number;
    penalties: number;
    coercions: number;
    /** 万元 */
    feesWan: number;
  };
  three: Table3Row[];
  /** 行政复议 5 + 直接起诉 5 + 复议后起诉 5 */
  four: number[];
}

export interface OpennessPart {
  key: 'overview' | 'active' | 'requests' | 'disputes' | 'problems' | 'otherMatters';
  /** 一、总体情况 … */
  heading: string;
  /** text above / instead of a table */
  paragraphs: ReportParagraph[];
  /** the table this part prints, after its paragraphs */
  table: 'two' | 'three' | 'four' | null;
  narrativeKey: OpennessNarrativeKey | null;
  /** the clerk's text as stored */
  narrative: string | null;
  /** the generated draft as editable text (a starting point for the clerk) */
  draftText: string | null;
  /** still the generated draft */
  draft: boolean;
}

/** The figures a published report states: kept with each export to check the other report against. */
export interface OpennessStated {
  penalties: number;
  disclosure: number;
  received: number;
  carried: number;
  concluded: number;
  carryForward: number;
  review: number;
  litigation: number;
}

export interface OpennessModel {
  year: number;
  authority: string;
  titleLines: string[];
  title: string;
  opening: ReportParagraph[];
  parts: OpennessPart[];
  tables: OpennessTables;
  /** 本列数据的勾稽关系为… (printed above table 三) */
  table3Note: string;
  signature: string;
  /** 2026年1月20日, or 2026年\u3000月\u3000日 when left blank */
  date: string;
  dateSource: 'given' | 'today' | 'blank';
  /** the 成文日期 given lies before the window: the export is refused with this message */
  dateRefused: string | null;
  /** data problems and drafts, before export */
  warnings: ReviewItem[];
  /** the agreement checks between the two reports */
  checks: ReviewItem[];
  stated: OpennessStated;
  fileName: string;
}

export interface OpennessExportStatus {
  year: number;
  exportedAt: string | null;
  fileName: string | null;
  /** what the exported report stated */
  stated: OpennessStated | null;
}

const input = z.object({
  year: yearNumber,
  /** 成文日期, YYYY-MM-DD; today when absent */
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '成文日期格式应为 YYYY-MM-DD')
    .refine((s) => isValidDate(s), '成文日期不是有效日期（应为真实存在的日期，如 2026-01-20）')
    .optional(),
});

export const opennessContract = {
  ...prefixed('openness', {
    model: method<OpennessModel>()(input),
    /** the .docx (base64); records the export and the figures it states */
    export: method<{ fileName: string; base64: string; bytes: number; checks: ReviewItem[]; warnings: ReviewItem[] }>()(input),
    /** the agreement checks alone (the 审稿 provider) */
    checks: method<ReviewItem[]>()(z.object({ year: yearNumber })),
    status: method<OpennessExportStatus>()(z.object({ year: yearNumber })),
  }),
};
