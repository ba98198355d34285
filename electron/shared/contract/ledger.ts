// Township settings, year profiles, the dashboard, data packages and the demo year.
import { z } from 'zod';
import type { RegisterName } from '../registers.ts';
import type { AppSettings, YearProfile } from '../records.ts';
import { method, prefixed } from './define.ts';

export interface AppInfo {
  version: string;
  schemaVersion: number;
  dbPath: string;
  dataDir: string;
  /** desktop (Electron), web (HTTP bridge) or cli */
  mode: 'desktop' | 'web' | 'cli';
  nodeVersion: string;
}

export interface YearCounts {
  year: number;
  counts: Record<RegisterName, number>;
  deleted: Record<RegisterName, number>;
}

export interface ImportRecordIssue {
  register: RegisterName | 'years' | 'township' | 'package';
  /** index in its array, when the problem is a record */
  index?: number;
  id?: string;
  /** 普法宣传活动（第3条，2023-03-05 …，id=act-1） */
  record: string;
  field?: string;
  message: string;
}

export interface ImportCounts {
  new: number;
  updated: number;
  unchanged: number;
  /** local copy changed later than the package's: kept */
  keptLocal: number;
  invalid: number;
}

export interface ImportChange {
  register: RegisterName | 'years';
  id: string;
  action: 'new' | 'updated' | 'keptLocal';
  /** names the record without personal data */
  record: string;
  localUpdatedAt?: string | null;
  incomingUpdatedAt?: string | null;
  /** changed on both sides since the last exchange: the newer one wins (action says which) */
  conflict?: boolean;
}

export interface ImportReport {
  dryRun: boolean;
  /** false when nothing was written (dry run, or invalid records without skipInvalid) */
  applied: boolean;
  department: string | null;
  township: { name: string; authority: string } | null;
  /** township in the package differs from this database's settings */
  townshipMismatch: boolean;
  byRegister: Record<RegisterName | 'years', ImportCounts>;
  totals: ImportCounts;
  issues: ImportRecordIssue[];
  /** the new / updated / kept records, at most 500 listed */
  changes: ImportChange[];
  /** year span of the records in the package */
  years: number[];
}

export interface ExportResult {
  fileName: string;
  /** the package JSON text */
  content: string;
  counts: Record<RegisterName, number>;
}

const township = z.object({
  name: z.string().trim().min(1, '请填写乡镇简称').max(50),
  authority: z.string().trim().min(1, '请填写发文机关全称').max(100),
  superior: z.string().trim().max(50).nullable().optional(),
});

const yearNumber = z.number().int().min(2000, '年度应在2000—2100之间').max(2100, '年度应在2000—2100之间');
const count = z.number().int().min(0, '应为不小于0的整数').max(1_000_000).nullable().optional();
const text = z.string().max(20_000).nullable().optional();

export const yearProfileInput = z.object({
  year: yearNumber,
  mediationCommittees: count,
  mediators: count,
  mediationRooms: count,
  certifiedEnforcers: count,
  enforcementQuota: count,
  enforcementActual: count,
  lawLiterates: count,
  reportDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '成文日期格式应为 YYYY-MM-DD').nullable().optional(),
  narrative: z.object({
    intro: text, leaderDuties: text, shortcomings: text, nextYearPlan: text, other: text,
  }).partial().optional(),
});

export const ledgerContract = {
  ...prefixed('app', {
    info: method<AppInfo>()(z.object({})),
  }),
  ...prefixed('settings', {
    get: method<AppSettings>()(z.object({})),
    update: method<AppSettings>()(z.object({
      township: township.optional(),
      approximateNumbers: z.boolean().optional(),
      caseNoPattern: z.string().trim().max(60)
        .refine((p) => p.includes('{序号') , '案号格式必须包含 {序号}')
        .refine((p) => /^([^{}]|\{(简称|乡镇|年度|序号(:\d)?)\})+$/.test(p), '案号格式只能使用 {简称} {乡镇} {年度} {序号} 这几个占位符')
        .optional(),
    })),
  }),
  ...prefixed('years', {
    /** years that hold records or a profile, newest first, always including the current year */
    list: method<number[]>()(z.object({})),
    getProfile: method<YearProfile>()(z.object({ year: yearNumber })),
    /** saves the given keys only; narrative keys merge */
    saveProfile: method<YearProfile>()(yearProfileInput),
    counts: method<YearCounts>()(z.object({ year: yearNumber })),
  }),
  ...prefixed('exchange', {
    preview: method<ImportReport>()(z.object({ content: z.string().min(1, '数据包内容为空'), skipInvalid: z.boolean().optional() })),
    import: method<ImportReport>()(z.object({ content: z.string().min(1, '数据包内容为空'), skipInvalid: z.boolean().optional() })),
    export: method<ExportResult>()(z.object({
      year: yearNumber.optional(),
      department: z.string().max(100).optional(),
    })),
  }),
  ...prefixed('demo', {
    /** fills the year with a realistic demo ledger (refused when the year already has records) */
    generate: method<Record<RegisterName, number>>()(z.object({ year: yearNumber, seed: z.number().int().optional() })),
  }),
};
