// The 行政执法数据年度公开 (enforcement.*): the five tables, the 总体情况 text, the Word and Excel files,
// and the agreement checks with the 法治政府建设情况报告 and the 政务公开年报 (shared/spec/enforcement-data.md).
import { z } from 'zod';
import type { ReviewItem } from './openness.ts';
import { method, prefixed, yearNumber } from './define.ts';

/** 表一's columns: PENALTY_KINDS in ascending severity (left to right). */
export const PENALTY_COLUMNS = ['warning', 'fine', 'confiscation', 'suspension', 'revocation', 'restriction', 'closure', 'detention', 'other'] as const;
export type PenaltyColumn = (typeof PENALTY_COLUMNS)[number];

/** The tables' titles and column heads, as printed (Word, Excel and the page). */
export const TABLE_TITLES = {
  penalty: '表一\u3000行政处罚实施情况统计表',
  licensing: '表二\u3000行政许可实施情况统计表',
  coercion: '表三\u3000行政强制实施情况统计表',
  other: '表四\u3000其他行政执法行为实施情况统计表',
  certification: '表五\u3000行政执法证持证率情况统计表',
} as const;
export type TableKey = keyof typeof TABLE_TITLES;

export const PENALTY_HEADERS = [
  '警告、通报批评',
  '罚款',
  '没收违法所得、没收非法财物',
  '暂扣许可证件、降低资质等级',
  '吊销许可证件',
  '限制开展生产经营活动',
  '责令停产停业、责令关闭、限制从业',
  '行政拘留',
  '其他行政处罚',
  '合计（宗）',
];
export const LICENSING_HEADERS = ['申请数量', '受理数量', '许可数量', '不予许可数量', '撤销许可数量'];
export const COERCION_MEASURES = ['限制公民人身自由', '查封场所、设施或者财物', '扣押财物', '冻结存款、汇款', '其他行政强制措施'];
export const COERCION_EXECUTION = ['行政机关强制执行', '申请人民法院强制执行'];
export const OTHER_HEADERS = ['行政征收', '行政征用', '行政确认', '行政给付', '行政裁决', '行政奖励', '行政检查', '其他行政执法行为'];
export const CERT_HEADERS = ['执法人员总数（应持证）', '持证人数', '持证率'];

export interface EnforcementTables {
  /** 表一: one count per PENALTY_COLUMNS entry, their 合计, and 罚没金额 */
  penalty: {
    byKind: number[];
    total: number;
    /** 元 */
    amountYuan: number;
    /** as printed: 万元 with two decimals (1.60), or 元 */
    amountText: string;
  };
  /** 表二: 申请 受理 许可 不予许可 撤销许可 */
  licensing: number[];
  /** 表三: 限制人身自由 查封 扣押 冻结 其他措施 | 行政机关强制执行 申请法院强制执行 */
  coercion: number[];
  /** 表四: 征收 征用 确认 给付 裁决 奖励 行政检查 其他 */
  other: number[];
  /** 表五 */
  certification: { required: number | null; certified: number | null; rate: string };
}

export interface EnforcementPart {
  key: 'duties' | 'figures' | 'threeSystems' | 'problems';
  /** 一、执法主体和职责 … */
  heading: string;
  paragraphs: string[];
  /** the clerk's stored text for duties / problems (null: the draft is shown) */
  text: string | null;
  /** the generated draft as editable text */
  draftText: string | null;
  /** still the generated draft */
  draft: boolean;
}

export interface EnforcementModel {
  year: number;
  authority: string;
  /** {authority}{year}年度行政执法数据 */
  title: string;
  tables: EnforcementTables;
  amountUnit: 'wan' | 'yuan';
  excludePenalizedInspections: boolean;
  /** penalties of the year made under entrustment (noted under 表一, not counted in it) */
  entrustedPenalties: number;
  /** 另受委托实施行政处罚N宗（…）。 or null */
  entrustedNote: string | null;
  /** penalty decisions of 表一 that had 法制审核 */
  legalReviews: number;
  parts: EnforcementPart[];
  signature: string;
  /** 2026年1月20日, or 2026年\u3000月\u3000日 when left blank */
  date: string;
  dateSource: 'given' | 'today' | 'blank';
  /** data problems and drafts, before export */
  warnings: ReviewItem[];
  /** the agreement checks with the two other reports */
  checks: ReviewItem[];
  fileName: string;
  xlsxFileName: string;
}

const input = z.object({
  year: yearNumber,
  /** 成文日期, YYYY-MM-DD; today when absent (in the January window only) */
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '成文日期格式应为 YYYY-MM-DD')
    .optional(),
});

export interface EnforcementFile {
  fileName: string;
  base64: string;
  bytes: number;
  checks: ReviewItem[];
  warnings: ReviewItem[];
}

export const enforcementContract = {
  ...prefixed('enforcement', {
    model: method<EnforcementModel>()(input),
    /** the .docx (base64) */
    export: method<EnforcementFile>()(input),
    /** the same tables as .xlsx (base64), one sheet a table */
    exportXlsx: method<EnforcementFile>()(z.object({ year: yearNumber })),
    /** the agreement checks alone */
    checks: method<ReviewItem[]>()(z.object({ year: yearNumber })),
  }),
};
