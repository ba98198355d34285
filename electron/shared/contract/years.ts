// settings.*, years.*: the township's settings and each year's 年度信息 (year profile).
import { z } from 'zod';
import type { RegisterName } from '../registers.ts';
import { MEASURE_KEYS, MEASURE_TITLE_MAX, SECTION_ORDERS, type AppSettings, type MeasureKey, type YearProfile } from '../records.ts';
import { isValidDate } from '../calendar-date.ts';
import { method, prefixed, yearNumber } from './define.ts';

export interface YearCounts {
  year: number;
  counts: Record<RegisterName, number>;
  deleted: Record<RegisterName, number>;
}

const township = z.object({
  name: z.string().trim().min(1, '请填写乡镇简称').max(50),
  authority: z.string().trim().min(1, '请填写发文机关全称').max(100),
  superior: z.string().trim().max(50).nullable().optional(),
});

const count = z.number().int().min(0, '应为不小于0的整数').max(1_000_000).nullable().optional();
const text = z.string().max(20_000, '文字不能超过20000字').nullable().optional();
const measureTitle = z
  .string()
  .max(MEASURE_TITLE_MAX, `小标题不能超过${MEASURE_TITLE_MAX}个字`)
  .regex(/^[^\n\r]*$/, '小标题应为一行，不能换行')
  .nullable()
  .optional();
const measureShape = <T extends z.ZodType>(v: T) => z.object(Object.fromEntries(MEASURE_KEYS.map((k) => [k, v])) as Record<MeasureKey, T>).partial();

export const yearProfileInput = z.object({
  year: yearNumber,
  mediationCommittees: count,
  mediators: count,
  mediationRooms: count,
  certifiedEnforcers: count,
  enforcementQuota: count,
  enforcementActual: count,
  lawLiterates: count,
  reportDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '成文日期格式应为 YYYY-MM-DD')
    .refine(isValidDate, '成文日期不是有效日期')
    .nullable()
    .optional(),
  narrative: z
    .object({
      intro: text,
      leaderDuties: text,
      shortcomings: text,
      nextYearPlan: text,
      other: text,
    })
    .partial()
    .optional(),
  /** the 政务公开年报's figures and texts (OpennessYear keys); checked by parseOpenness */
  openness: z.record(z.string(), z.unknown()).optional(),
  /** merge per key, like narrative */
  measures: measureShape(text).optional(),
  measureTitles: measureShape(measureTitle).optional(),
  noReviewOrLitigation: z.boolean().nullable().optional(),
  /** 应持证执法人员 */
  enforcersRequired: count,
  /** the 行政执法数据's paper counts (EnforcementActs keys), merged per key; checked by parseEnforcementActs */
  enforcementActs: z.record(z.string(), z.unknown()).optional(),
  /** the 行政执法数据's texts and settings (EnforcementDoc keys), merged per key */
  enforcementDoc: z.record(z.string(), z.unknown()).optional(),
  /** the clerk's order of the subsections of 一 (keys it omits follow in the default order) */
  measureOrder: z
    .array(z.enum(MEASURE_KEYS))
    .max(MEASURE_KEYS.length * 2)
    .nullable()
    .optional(),
  sectionOrder: z.enum(SECTION_ORDERS).nullable().optional(),
});

export const yearsContract = {
  ...prefixed('settings', {
    get: method<AppSettings>()(z.object({})),
    update: method<AppSettings>()(
      z.object({
        township: township.optional(),
        approximateNumbers: z.boolean().optional(),
        opennessContact: z.string().trim().max(300, '联系方式不能超过300个字').nullable().optional(),
        /** 村（社区）名单 */
        villages: z.array(z.string().trim().max(100, '村（社区）名称不能超过100个字')).max(500, '村（社区）名单不能超过500个').optional(),
        addressee: z
          .string()
          .trim()
          .max(60, '主送机关不能超过60个字')
          .regex(/^[^\n\r]*$/, '主送机关应为一行')
          .nullable()
          .optional(),
        caseNoPattern: z
          .string()
          .trim()
          .max(60)
          .refine((p) => p.includes('{序号'), '案号格式必须包含 {序号}')
          .refine((p) => /^([^{}]|\{(简称|乡镇|年度|序号(:\d)?)\})+$/.test(p), '案号格式只能使用 {简称} {乡镇} {年度} {序号} 这几个占位符')
          .optional(),
      }),
    ),
  }),
  ...prefixed('years', {
    /** years that hold records or a profile, newest first, always including the current year */
    list: method<number[]>()(z.object({})),
    getProfile: method<YearProfile>()(z.object({ year: yearNumber })),
    /** saves the given keys only; narrative keys merge */
    saveProfile: method<YearProfile>()(yearProfileInput),
    counts: method<YearCounts>()(z.object({ year: yearNumber })),
  }),
};
