// excel.*: the import template, import with column mapping, and export of a register's list.
// Binary content crosses the API as base64 strings.
import { z } from 'zod';
import type { RegisterName } from '../registers.ts';
import { listQuerySchema } from './registers.ts';
import { base64Content as base64, method, prefixed, registerNameSchema as registerName, type FileContent } from './define.ts';

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

/** One row of the preview: what the import does with it. */
export interface ExcelRecordChange {
  /** Excel row number */
  row: number;
  /** new / updated / unchanged (未变) / duplicate (重复，已跳过: already in the ledger or above in the sheet) */
  action: 'new' | 'updated' | 'unchanged' | 'duplicate';
  /** names the record without personal data */
  record: string;
  /** updated: the fields that change; a personal field without its values */
  fields: { label: string; personal: boolean; before?: string; after?: string; emptied?: boolean }[];
  note?: string;
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
  /** rows equal to their record in the ledger (未变): nothing written */
  unchanged: number;
  /** rows already in the ledger or earlier in the sheet (重复，已跳过): nothing written */
  duplicates: number;
  /** rows refused because they would empty personal data (allowEmptyPersonal lets them through) */
  personalEmptied: number;
  /** per row, at most 500: what happens and which fields change */
  changes: ExcelRecordChange[];
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

// ---------------------------------------------------------------- schemas

const excelImportInput = z.object({
  register: registerName,
  base64,
  /** header text → field key ('' ignores the column) */
  mapping: z.record(z.string().max(200), z.string().max(40)).optional(),
  skipInvalid: z.boolean().optional(),
  /** rows may empty personal data the ledger holds (当事人 …) */
  allowEmptyPersonal: z.boolean().optional(),
});

export const excelContract = {
  ...prefixed('excel', {
    /** the blank template: headers, dropdowns, one example row, 填写说明 */
    template: method<FileContent>()(z.object({ register: registerName })),
    /** reads the sheet and checks every row; writes nothing */
    preview: method<ExcelImportReport>()(excelImportInput),
    /** all valid rows or none (skipInvalid: the valid ones); backs up first */
    import: method<ExcelImportReport>()(excelImportInput),
    /** the filtered list (as `<register>.list`, no pagination) as a printable sheet;
     * personal fields (当事人, 纠纷事实 …) only with withPersonal, as the 数据包 */
    export: method<FileContent & { count: number }>()(
      z.object({
        register: registerName,
        query: listQuerySchema.omit({ page: true, pageSize: true }).optional(),
        withPersonal: z.boolean().optional(),
      }),
    ),
  }),
};
