// stats.*: the year's figures, counted in SQL from the ledger (no personal field).
import { z } from 'zod';
import { method, prefixed, yearNumber } from './define.ts';

export interface CodeCount {
  code: string;
  label: string;
  count: number;
}
export interface Ratio {
  numerator: number;
  denominator: number;
}

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
    audience: number;
    materials: number;
    banners: number;
    boards: number;
    consultations: number;
    views: number;
    /** distinct non-empty 村（社区） */
    villages: number;
    /** distinct places of school / enterprise venue activities */
    schools: number;
    enterprises: number;
    /** distinct 时间节点, in order of first use */
    occasions: string[];
    /** previous year's count of events (场次: periodicals and online posts left out), null when none */
    previousTotal: number | null;
    /** records of the 期/次 kinds (专栏、简报、网络宣传) inside `total` */
    periodicals: number;
  };
  mediation: {
    total: number;
    success: number;
    failed: number;
    inProgress: number;
    suspended: number;
    /** cases not 调解中 */
    closed: number;
    successRate: Ratio | null;
    byType: (CodeCount & { success: number; closed: number })[];
    written: number;
    oral: number;
    previousTotal: number | null;
  };
  inspections: {
    total: number;
    issuesFound: number;
    issuesRectified: number;
    rectificationRate: Ratio | null;
    penalties: number;
    /** 元, over `fine` and `confiscation` only */
    penaltyAmount: number;
    entrusted: number;
    byField: (CodeCount & { issuesFound: number; issuesRectified: number; penalties: number })[];
    penaltiesByKind: CodeCount[];
    previousTotal: number | null;
    previousPenalties: number | null;
    /**
     * 涉企行政检查: inspections of enterprises and 个体工商户, 巡查 left out (issue 21); 0 when the year's
     * ledger records none of the 2025 fields (检查事项, 统一社会信用代码, 执法人员 one by one)
     */
    enterprise: number;
    previousEnterprise: number | null;
  };
  /** own and entrusted enforcement: a penalty decided in the entrusting office's name is not the township's 行政处罚 */
  enforcement: {
    /** penalties decided in the township's own name in the year (决定日期, else 检查日期): 行政执法数据 表一's 合计 */
    ownPenalties: number;
    /** penalties decided in the year under entrustment (以委托机关名义; inspections.entrusted counts entrusted inspections) */
    entrustedPenalties: number;
    /** the year's inspections of a specific object, not 受委托, not 巡查: 表四's 行政检查 */
    ownInspections: number;
  };
  /** by work category code */
  work: Record<string, WorkCategoryStats>;
  /** counts of records the 审稿 list asks about (computed in the same scans) */
  checks: {
    /** 结案日期 before 受理日期 */
    closedBeforeAccepted: number;
    /** 已整改 > 发现问题 */
    rectifiedOverFound: number;
    /** a 罚没金额 on a penalty that is neither fine nor confiscation */
    amountWithoutMoney: number;
    /** 调解成功/不成功 without a 结案日期 (counted in the same scan; the 审稿 reads the rows only when some) */
    closedWithoutDate?: number;
  };
}

export const statsContract = {
  ...prefixed('stats', {
    /** every figure of the year's report */
    year: method<YearStats>()(z.object({ year: yearNumber })),
  }),
};
