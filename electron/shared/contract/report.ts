// report.*: the year-end 《法治政府建设情况报告》: its model, its 审稿 items and the .docx.
import { z } from 'zod';
import type { MeasureKey, NarrativeKey } from '../records.ts';
import type { RegisterName } from '../registers.ts';
import { isValidDate } from '../calendar-date.ts';
import { method, prefixed, yearNumber } from './define.ts';

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
  /** 小计 rows by kind, in bold before the 合计 (the 活动一览: the body's 场次 by kind) */
  subtotals?: string[][];
  /** shown in bold as the last row */
  total?: string[];
}

/** How much a review item weighs: `block` stops the export (personal data), the others inform. */
export type ReviewSeverity = 'block' | 'warning' | 'suggestion';

/** Where the clerk fixes what a review item names. */
export type ReviewLink =
  | { page: 'report'; section: string }
  | { page: 'year'; field?: string }
  | { page: 'settings' }
  | { page: 'register'; register: RegisterName; recordId?: string; field?: string }
  /** a page of the app with its list filters (the 政务公开年报's agreement checks) */
  | { page: 'route'; path: string; query: Record<string, string> };

/** One line of the 审稿 list (the CLI prints the same list on stderr). */
export interface ReviewItem {
  /** stable code: draft_text, no_report_date, personal_data, contradiction … */
  kind: string;
  severity: ReviewSeverity;
  /** Chinese, names the place; never quotes personal data */
  message: string;
  link?: ReviewLink;
  /** 必须核对: the clerk's number contradicts the ledger (red in the UI, on stderr in the CLI) */
  mustCheck?: boolean;
  /** one click 改为台账数字: report.useLedgerNumber rewrites `found` as `replacement` in that section's stored text */
  fix?: LedgerFix;
}

/** Where and how the clerk's number is rewritten with the ledger's. */
export interface LedgerFix {
  /** measure-<key> or a narrative key */
  section: string;
  found: string;
  replacement: string;
}

/** One measure area of section 一 as the 逐节编写 page shows it. */
export interface MeasureArea {
  key: MeasureKey;
  /** 组织领导、学法用法 … */
  label: string;
  /** the generated title, used when the clerk wrote none */
  defaultTitle: string;
  clerkTitle: string | null;
  clerkText: string | null;
  /** the ledger's facts as sentences (read-only in the UI) */
  facts: string[];
  /** printed in the report (it has facts or clerk text) */
  printed: boolean;
}

export interface ReportModel {
  year: number;
  /** 乡镇简称 */
  townshipName: string;
  authority: string;
  /** one or two lines */
  titleLines: string[];
  title: string;
  /** 主送机关 line under the title, when set in 设置 */
  addressee: string | null;
  opening: ReportSection;
  sections: ReportSection[];
  /** 附件说明 lines under the body, when an appendix is given */
  appendixNote: string[];
  signature: string;
  /** 2024年1月12日, or a blank line for the clerk (2024年, two ideographic spaces, 月, two more, 日) */
  date: string;
  /** profile: the 成文日期 given; today: generation day inside the window; blank: left for the clerk */
  dateSource: 'profile' | 'today' | 'blank';
  /** the allowed window of a 成文日期 without one given: 1 December of the year … 31 March of the next */
  dateWindow: { from: string; to: string };
  /** a date in the window to propose when the clerk is asked for it (YYYY-MM-DD) */
  dateProposal: string;
  /** the 成文日期 given lies before the window: the export is refused with this message */
  dateRefused: string | null;
  measureAreas: MeasureArea[];
  /** the ledger's figures for section 二, offered to insert into the clerk's text (never prepended) */
  leaderFacts: string | null;
  appendix: ReportTable[];
  /** the 审稿 list: every provider's items, blocking ones first */
  review: ReviewItem[];
  approximateNumbers: boolean;
  fileName: string;
}

export interface ReportExport {
  fileName: string;
  base64: string;
  bytes: number;
  /** the 审稿 list of the model the file was made from (one build per export: the CLI prints it) */
  review: ReviewItem[];
}

const reportInput = z.object({
  year: yearNumber,
  appendix: z.boolean().optional(),
  /** a 成文日期 for this document only (the stored year information is not changed) */
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '成文日期格式应为 YYYY-MM-DD')
    .refine(isValidDate, '成文日期不是有效日期')
    .optional(),
});

/** Export refused: personal data found (the review items name record and field). */
export const PERSONAL_DATA_BLOCKED = 'personal_data';

export const reportContract = {
  ...prefixed('report', {
    /** the composed report: sections, paragraphs, draft flags and pre-export warnings */
    model: method<ReportModel>()(reportInput),
    /** the .docx, base64 */
    export: method<ReportExport>()(reportInput),
    /** 改为台账数字: rewrites the clerk's contradicting number in the stored text (only a fix the 审稿 list offers now) */
    useLedgerNumber: method<{ section: string; text: string }>()(
      z.object({ year: yearNumber, section: z.string().min(1).max(40), found: z.string().min(1).max(200), replacement: z.string().min(1).max(200) }),
    ),
  }),
};
