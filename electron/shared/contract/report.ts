// Year statistics and the annual report (stats.*, report.*).
import { z } from 'zod';
import type { NarrativeKey } from '../records.ts';
import { method, prefixed } from './define.ts';

export interface CodeCount { code: string; label: string; count: number }
export interface Ratio { numerator: number; denominator: number }

export interface WorkCategoryStats {
  category: string;
  label: string;
  /** records */
  items: number;
  /** sum of `count` */
  count: number;
  participants: number;
  passed: number;
  opinions: number;
  leaderAppeared: number;
  bySubkind: { subkind: string; items: number; count: number; participants: number; passed: number; opinions: number }[];
}

/** Every figure of one year, from that year's live records only (no personal field). */
export interface YearStats {
  year: number;
  activities: {
    total: number;
    byKind: CodeCount[];
    audience: number; materials: number; banners: number; boards: number; consultations: number; views: number;
    /** distinct non-empty 村（社区） */
    villages: number;
    /** distinct places of school / enterprise venue activities */
    schools: number;
    enterprises: number;
    /** distinct 时间节点, in order of first use */
    occasions: string[];
    /** previous year's count, null when it has no activity */
    previousTotal: number | null;
  };
  mediation: {
    total: number; success: number; failed: number; inProgress: number; suspended: number;
    /** cases not 调解中 */
    closed: number;
    successRate: Ratio | null;
    byType: (CodeCount & { success: number; closed: number })[];
    written: number; oral: number;
    previousTotal: number | null;
  };
  inspections: {
    total: number; issuesFound: number; issuesRectified: number;
    rectificationRate: Ratio | null;
    penalties: number;
    /** 元 */
    penaltyAmount: number;
    entrusted: number;
    byField: (CodeCount & { issuesFound: number; issuesRectified: number; penalties: number })[];
    penaltiesByKind: CodeCount[];
    previousTotal: number | null;
    previousPenalties: number | null;
  };
  /** by work category code */
  work: Record<string, WorkCategoryStats>;
}

/** Where a paragraph's words come from. */
export type ParagraphSource = 'data' | 'clerk' | 'draft' | 'fixed';

export interface ReportParagraph {
  /** a run at the start set in 楷体 (a （一） subsection heading), then `text` */
  lead?: string;
  text: string;
  source: ParagraphSource;
}

export type ReportSectionKey = 'intro' | 'measures' | 'leaderDuties' | 'shortcomings' | 'nextYearPlan' | 'other';

export interface ReportSection {
  key: ReportSectionKey;
  /** 一、2023年推进法治政府建设的主要举措和成效 */
  heading: string;
  paragraphs: ReportParagraph[];
  /** the clerk's text this section ends with (saved by years.saveProfile) */
  narrativeKey: NarrativeKey | null;
  /** the clerk's text as stored, null when missing */
  narrative: string | null;
  /** the section still holds generated draft text in place of the clerk's */
  draft: boolean;
}

export interface ReportTable {
  key: 'activities' | 'disputes' | 'inspections';
  /** 附件1 */
  label: string;
  title: string;
  columns: string[];
  rows: string[][];
  /** shown in bold as the last row */
  total?: string[];
}

export interface ReportWarning {
  code: 'no_authority' | 'draft_text' | 'cases_in_progress' | 'impossible_dates' | 'future_dates' | 'no_records'
    | 'duplicate_case_no' | 'closed_without_date';
  message: string;
  /** a section key or a register name, when it points at one */
  target?: string;
}

export interface ReportModel {
  year: number;
  /** 乡镇简称 */
  townshipName: string;
  authority: string;
  /** one or two lines */
  titleLines: string[];
  title: string;
  opening: ReportSection;
  sections: ReportSection[];
  /** 附件说明 lines under the body, when an appendix is given */
  appendixNote: string[];
  signature: string;
  /** 2024年1月12日 */
  date: string;
  dateSource: 'profile' | 'today';
  appendix: ReportTable[];
  warnings: ReportWarning[];
  approximateNumbers: boolean;
  fileName: string;
}

export interface ReportExport {
  fileName: string;
  base64: string;
  bytes: number;
}

const yearNumber = z.number().int().min(2000, '年度应在2000—2100之间').max(2100, '年度应在2000—2100之间');
const reportInput = z.object({ year: yearNumber, appendix: z.boolean().optional() });

export const reportContract = {
  ...prefixed('stats', {
    /** every figure of the year's report */
    year: method<YearStats>()(z.object({ year: yearNumber })),
  }),
  ...prefixed('report', {
    /** the composed report: sections, paragraphs, draft flags and pre-export warnings */
    model: method<ReportModel>()(reportInput),
    /** the .docx, base64 */
    export: method<ReportExport>()(reportInput),
  }),
};
