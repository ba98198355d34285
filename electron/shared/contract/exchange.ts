// exchange.*: the data package (JSON) and the package with attachments (.zip), between
// departments and townships. Binary content crosses the API as base64 strings.
import { z } from 'zod';
import type { RegisterName } from '../registers.ts';
import { base64Content, method, prefixed, yearNumber, type FileContent } from './define.ts';

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
  /** why, when the usual rule did not decide (an updatedAt in the future, the local record in the 回收站) */
  note?: string;
  /** the local record is in the 回收站: the package's copy is written only on the clerk's word (restoreFromBin) */
  inBin?: boolean;
  /** updated: the labels of the fields that change */
  fields?: string[];
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
  /** the package holds personal data (当事人, 纠纷简要情况 … any field marked personal) */
  hasPersonal: boolean;
}

export interface ExportResult {
  fileName: string;
  /** the package JSON text */
  content: string;
  counts: Record<RegisterName, number>;
}

export interface AttachmentImportCounts {
  new: number;
  existing: number;
  invalid: number;
  issues: { attachment: string; message: string }[];
}

export type ZipImportReport = ImportReport & { attachments: AttachmentImportCounts };

export interface ZipExportResult extends FileContent {
  counts: Record<RegisterName, number>;
  attachments: number;
}

/** restoreFromBin: a record in the 回收站 the package carries a changed copy of is restored and updated (else: a conflict, not written) */
const packageInput = z.object({ content: z.string().min(1, '数据包内容为空'), skipInvalid: z.boolean().optional(), restoreFromBin: z.boolean().optional() });
const zipImportInput = z.object({ base64: base64Content, skipInvalid: z.boolean().optional(), restoreFromBin: z.boolean().optional() });
const exportInput = z.object({
  year: yearNumber.optional(),
  department: z.string().max(100).optional(),
  /** 「包含当事人等个人信息」: personal fields are left out unless ticked */
  withPersonal: z.boolean().optional(),
});

export const exchangeContract = {
  ...prefixed('exchange', {
    /** what the package would add, update or keep; writes nothing */
    preview: method<ImportReport>()(packageInput),
    /** all valid records or none (skipInvalid: the valid ones); backs up first */
    import: method<ImportReport>()(packageInput),
    export: method<ExportResult>()(exportInput),
    /** a data package with attachments (「含附件」): package.json + files in a .zip */
    exportZip: method<ZipExportResult>()(exportInput),
    /** new / updated / conflicting records and attachments; writes nothing */
    previewZip: method<ZipImportReport>()(zipImportInput),
    importZip: method<ZipImportReport>()(zipImportInput),
  }),
};
