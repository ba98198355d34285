// Excel, backups, attachments and department merge (excel.*, backup.*, attachments.*,
// exchange.*Zip). Binary content crosses the API as base64 strings.
import { z } from 'zod';
import type { RegisterName } from '../registers.ts';
import type { ImportReport } from './ledger.ts';
import { listQuerySchema } from './registers.ts';
import { method, prefixed } from './define.ts';

// ---------------------------------------------------------------- Excel

export interface ExcelColumnMatch {
  /** A, B, … */
  letter: string;
  header: string;
  /** field key, `id` (记录编号), or null when not matched */
  field: string | null;
  fieldLabel: string | null;
  /** matched by label / synonym (auto) or by the caller's mapping */
  by: 'auto' | 'mapping' | null;
}

export interface ExcelRowIssue {
  /** Excel row number, as the clerk sees it */
  row: number;
  /** A, B, … ('' when the problem is the row or the sheet as a whole) */
  column: string;
  header: string;
  field: string;
  message: string;
}

export interface ExcelImportReport {
  register: RegisterName;
  sheet: string;
  headerRow: number;
  columns: ExcelColumnMatch[];
  /** headers no field was found for: offer them in the column-mapping step */
  unmatched: { letter: string; header: string }[];
  /** the fields a header may be mapped to */
  fields: { key: string; label: string; required: boolean }[];
  /** labels of required fields no column provides */
  missingRequired: string[];
  /** data rows read (blank, totals and example rows not counted) */
  rows: number;
  valid: number;
  invalid: number;
  new: number;
  updated: number;
  skipped: { blank: number; totals: number; example: number };
  /** the first 1000 problems; issueCount is the full number */
  issues: ExcelRowIssue[];
  issueCount: number;
  dryRun: boolean;
  /** false: nothing was written */
  applied: boolean;
  /** rows written */
  written: number;
  /** the years of the valid rows (by their main date) */
  years: number[];
}

export interface FileContent {
  fileName: string;
  base64: string;
}

// ---------------------------------------------------------------- backups

export type BackupKind = 'daily' | 'manual' | 'before-import' | 'before-restore' | 'before-migrate';

export interface BackupInfo {
  /** file name in the backups folder (or of the chosen file) */
  name: string;
  path: string;
  kind: BackupKind;
  kindLabel: string;
  /** local time, YYYY-MM-DD HH:MM:SS */
  createdAt: string;
  /** bytes */
  size: number;
}

export interface BackupList {
  dbPath: string;
  dataDir: string;
  backupsDir: string;
  attachmentsDir: string;
  dbSize: number;
  backups: BackupInfo[];
}

export interface BackupCheck {
  ok: boolean;
  /** Chinese: why it cannot be restored, or that it is sound */
  message: string;
  schemaVersion: number | null;
  createdAt: string | null;
  township: string | null;
  counts: Record<RegisterName, number> | null;
  attachments: number;
  /** rows that cannot be restored (the first 200), naming the record, never personal data */
  issues: string[];
  issueCount: number;
}

export interface RestoreResult {
  check: BackupCheck;
  /** the backup of the state before the restore */
  safetyBackup: BackupInfo;
  schemaVersion: number;
}

// ---------------------------------------------------------------- attachments

export type AttachmentRegister = 'activities' | 'mediationCases' | 'inspections';

export interface AttachmentInfo {
  id: string;
  register: AttachmentRegister;
  recordId: string;
  fileName: string;
  mime: string;
  size: number;
  sha256: string;
  createdAt: string;
  /** image/*: shown as a thumbnail (the page scales the image itself) */
  isImage: boolean;
}

// ---------------------------------------------------------------- packages with attachments

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

// ---------------------------------------------------------------- schemas

const registerName = z.enum(['activities', 'mediationCases', 'inspections', 'workItems', 'disclosureRequests']);
const attachmentRegister = z.enum(['activities', 'mediationCases', 'inspections']);
/** ~ 64 MB of base64 at most (the web bridge's body limit) */
const base64 = z.string().min(1, '文件内容为空').max(90_000_000, '文件太大');
const backupName = z.string().min(1).max(120);
const yearNumber = z.number().int().min(2000, '年度应在2000—2100之间').max(2100, '年度应在2000—2100之间');

const excelImportInput = z.object({
  register: registerName,
  base64,
  /** header text → field key ('' ignores the column) */
  mapping: z.record(z.string().max(200), z.string().max(40)).optional(),
  skipInvalid: z.boolean().optional(),
});

// The page never names a file path: a backup comes by name from the backups
// folder or as the content of a file the clerk chose (open dialog / upload).
// Paths are the CLI's alone (it calls electron/core/backup directly).
const backupSource = z.strictObject({
  /** a backup in the backups folder, by name */
  name: backupName.optional(),
  /** or a chosen file's content */
  base64: base64.optional(),
}).refine((s) => [s.name, s.base64].filter((x) => x !== undefined).length === 1, '请选择一个备份（备份列表中的一个，或选择一个备份文件）');
const restoreSource = z.strictObject({
  name: backupName.optional(),
  base64: base64.optional(),
  /** restore the valid rows of a backup whose check listed invalid ones */
  skipInvalid: z.boolean().optional(),
}).refine((s) => [s.name, s.base64].filter((x) => x !== undefined).length === 1, '请选择一个备份（备份列表中的一个，或选择一个备份文件）');

const zipImportInput = z.object({ base64, skipInvalid: z.boolean().optional() });

export const custodyContract = {
  ...prefixed('excel', {
    /** the blank template: headers, dropdowns, one example row, 填写说明 */
    template: method<FileContent>()(z.object({ register: registerName })),
    /** reads the sheet and checks every row; writes nothing */
    preview: method<ExcelImportReport>()(excelImportInput),
    /** all valid rows or none (skipInvalid: the valid ones); backs up first */
    import: method<ExcelImportReport>()(excelImportInput),
    /** the filtered list (as `<register>.list`, no pagination) as a printable sheet */
    export: method<FileContent & { count: number }>()(z.object({
      register: registerName,
      query: listQuerySchema.omit({ page: true, pageSize: true }).optional(),
    })),
  }),
  ...prefixed('backup', {
    /** where the data lives and the backups, newest first */
    list: method<BackupList>()(z.object({})),
    /** 立即备份 into the backups folder (备份到…: `download`, then the save dialog) */
    create: method<BackupInfo>()(z.strictObject({})),
    /** a fresh backup (or a listed one by name) as a file to save (备份到… in the page) */
    download: method<FileContent>()(z.object({ name: backupName.optional() })),
    /** checks a backup without changing anything */
    check: method<BackupCheck>()(backupSource),
    /** 从备份恢复: checks it, backs up the current data, then replaces it */
    restore: method<RestoreResult>()(restoreSource),
  }),
  ...prefixed('attachments', {
    list: method<AttachmentInfo[]>()(z.object({ register: attachmentRegister, recordId: z.string().min(1).max(64) })),
    /** attachment counts per record, for list badges */
    counts: method<Record<string, number>>()(z.object({ register: attachmentRegister, recordIds: z.array(z.string().max(64)).max(1000) })),
    add: method<AttachmentInfo>()(z.object({
      register: attachmentRegister,
      recordId: z.string().min(1).max(64),
      fileName: z.string().min(1).max(255),
      base64: z.string().min(1, '文件内容为空').max(28_000_000, '附件不能超过 20 MB'),
    })),
    /** the file itself (also the thumbnail: the page scales the image) */
    get: method<AttachmentInfo & { base64: string }>()(z.object({ id: z.string().min(1).max(64) })),
    remove: method<{ id: string }>()(z.object({ id: z.string().min(1).max(64) })),
  }),
  ...prefixed('exchange', {
    /** a data package with attachments (「含附件」): package.json + files in a .zip */
    exportZip: method<ZipExportResult>()(z.object({ year: yearNumber.optional(), department: z.string().max(100).optional(), withPersonal: z.boolean().optional() })),
    /** new / updated / conflicting records and attachments; writes nothing */
    previewZip: method<ZipImportReport>()(zipImportInput),
    importZip: method<ZipImportReport>()(zipImportInput),
  }),
};
