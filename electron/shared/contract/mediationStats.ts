// mediationStats.*: the 人民调解 statistics of a month, a quarter or a year (the 司法所's monthly
// report to the county 司法局), counted in SQL from the register; no personal field.
import { z } from 'zod';
import { method, prefixed, yearNumber, type FileContent } from './define.ts';

import { MEDIATION_STATS_BY, type MediationStatsBy } from '../mediation-stats.ts';

export { MEDIATION_STATS_BY, type MediationStatsBy };

/** The counts of one row (and of the total): cases accepted in the period, by their status today. */
export interface MediationCounts {
  /** 受理（件）: cases whose 受理日期 falls in the period */
  accepted: number;
  /** 调解成功（件） */
  success: number;
  /** 调解不成功（件） */
  failed: number;
  /** 调解中（件） */
  inProgress: number;
  /** 中止（件） */
  suspended: number;
  /** 书面协议（件） */
  written: number;
  /** 口头协议（件） */
  oral: number;
  /** 协议涉及金额（元）, the sum of the cases' 协议金额 */
  amount: number;
  /** 已申请司法确认（件） */
  judicialConfirmations: number;
}

export interface MediationStatsRow extends MediationCounts {
  /** the row's code: a 纠纷类型 code, or the village / committee as written ('' when not filled in) */
  key: string;
  /** 婚姻家庭纠纷, 清河村, （未填写） … */
  label: string;
}

export interface ScreeningCounts {
  /** 排查（次）: the 矛盾纠纷排查 records of the period */
  count: number;
  /** 排查发现纠纷（件） */
  found: number;
  /** 预防纠纷（件） */
  prevented: number;
  /** 防止民间纠纷转化为刑事案件（件） */
  criminal: number;
  /** 防止因民间纠纷引起自杀（件） */
  suicide: number;
  /** 防止群体性上访（件） */
  petition: number;
  /** 防止群体性械斗（件） */
  fight: number;
  /**
   * where 排查（次） comes from: the register; or, for a ledger that kept 排查 only as 其他法治工作
   * items (older years), the sum of those items' 数量 (the other counts are then 0); none: neither
   */
  source: 'register' | 'workItems' | 'none';
}

export interface MediationStats {
  year: number;
  period: { kind: 'year' | 'quarter' | 'month'; month: number | null; quarter: number | null; from: string; to: string; label: string };
  by: MediationStatsBy;
  /** 乡镇简称 ('' when not set) */
  township: string;
  total: MediationCounts;
  /** rows as `by` asks (by type: every 纠纷类型 of the list, in its order, zeros included) */
  rows: MediationStatsRow[];
  screenings: ScreeningCounts;
}

export const mediationStatsQuery = z
  .object({
    year: yearNumber,
    month: z.number().int().min(1).max(12).optional(),
    quarter: z.number().int().min(1).max(4).optional(),
    by: z.enum(MEDIATION_STATS_BY).optional(),
  })
  .refine((q) => q.month === undefined || q.quarter === undefined, { message: '月份和季度只能选一个' });

export const mediationStatsContract = {
  ...prefixed('mediationStats', {
    /** the figures of the period */
    compute: method<MediationStats>()(mediationStatsQuery),
    /** the same as a report form (.xlsx, one A4 landscape page) */
    exportXlsx: method<FileContent>()(mediationStatsQuery),
  }),
};
