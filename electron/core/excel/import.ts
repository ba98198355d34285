// Import of an Excel sheet into a register: our template or a clerk's own sheet.
// Headers are matched by name and synonyms (or an explicit mapping); every row
// is checked first; then all valid rows are written in one transaction, or none.
import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../util/load-on-use.ts';
import type { ExcelColumnMatch, ExcelImportReport, ExcelRecordChange } from '../../shared/contract/excel.ts';
import type { RegisterDef, RegisterName } from '../../shared/registers.ts';
import { fieldWithRole, REGISTERS } from '../../shared/registers.ts';
import { clip, describeRecord, validateRecord, type FieldIssue } from '../../shared/validation.ts';
import { isoNow, type CoreContext } from '../context.ts';
import { getRecord } from '../registers/repository.ts';
import { ledgerStamp, prepared } from '../db/statements.ts';
import { rowToRecord } from '../registers/mapping.ts';
import { RECORD_ID_RE, RecordWriter, type PlannedWrite } from '../registers/write.ts';
import { AppError } from '../util/errors.ts';
import { listZip, readZipEntry } from '../util/zip-read.ts';
import { CellError, cellToField, EXAMPLE_MARK, headerIndex, matchHeader, plainText, plainValue, type Plain } from './columns.ts';

export interface ExcelImportOptions {
  /** header text → field key ('' to ignore the column) */
  mapping?: Record<string, string>;
  skipInvalid?: boolean;
  dryRun: boolean;
  /** a row may empty personal data the ledger holds (当事人 …): the clerk ticked it */
  allowEmptyPersonal?: boolean;
  /** called before anything is written (the before-import backup) */
  beforeWrite?: () => Promise<unknown>;
}

const MAX_ROWS = 50_000;
const MAX_ISSUES = 1000;
const TOTALS_RE = /^(合\s*计|总\s*计|小\s*计|共\s*计)/;

export function sniffSpreadsheet(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new AppError('invalid_input', '文件是空的，没有可导入的内容');
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new AppError('invalid_input', '这是旧版 Excel（.xls）文件，无法直接导入。请在 Excel 或 WPS 中“另存为” .xlsx 格式后再导入。');
  }
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    throw new AppError('invalid_input', '这不是 Excel（.xlsx）文件，无法导入。请选择 .xlsx 格式的表格（可先下载导入模板）。');
  }
}

const UNREADABLE = '无法读取这个 Excel 文件：文件可能已损坏，或不是 .xlsx 格式。请用 Excel 或 WPS 打开后另存为 .xlsx 再导入。';

/** An .xlsx at the door: entry sizes from the zip directory, then bounded inflation. */
export const XLSX_LIMITS = { maxEntries: 5000, maxEntryBytes: 96 * 1024 * 1024, maxTotalBytes: 160 * 1024 * 1024, what: 'Excel 文件', maxRatio: 200 };

/**
 * Checks an .xlsx before exceljs builds its (large) model of it: the zip's
 * declared sizes within limits, every part inflating to no more than it
 * declares, and the rows of every part counted in its XML against the row cap
 * (whatever the part is named).
 */
export function checkSpreadsheetSize(bytes: Uint8Array): void {
  const entries = listZip(bytes, XLSX_LIMITS);
  for (const e of entries) {
    if (e.dir) continue;
    const data = readZipEntry(bytes, e, 'Excel 文件');
    // every part is counted, whatever its name: a sheet part renamed (xl/data/s.xml) is still read by exceljs
    let rows = 0;
    for (let i = data.indexOf('<row'); i >= 0; i = data.indexOf('<row', i + 4)) rows++;
    for (let i = data.indexOf(':row '); i >= 0; i = data.indexOf(':row ', i + 5)) rows++;
    if (rows > MAX_ROWS + 100) {
      throw new AppError('invalid_input', `表格有约 ${rows} 行，超过一次导入的上限 ${MAX_ROWS} 行，请分成几个文件导入`);
    }
  }
}

export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  sniffSpreadsheet(bytes);
  try {
    checkSpreadsheetSize(bytes);
  } catch (e) {
    if (e instanceof AppError && e.message.includes('已损坏')) throw new AppError('invalid_input', UNREADABLE);
    throw e;
  }
  const wb = new (await loadExcelJS()).Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError('invalid_input', UNREADABLE);
  }
  return wb;
}

interface Layout {
  ws: ExcelJS.Worksheet;
  headerRow: number;
  columns: ExcelColumnMatch[];
  /** column number → field key */
  byCol: Map<number, string>;
  score: number;
}

function layoutOf(ws: ExcelJS.Worksheet, def: RegisterDef, mapping: Record<string, string> | undefined): Layout | null {
  const index = headerIndex(def);
  const labels = new Map<string, string>([...def.fields.map((f) => [f.key, f.label] as [string, string]), ['id', '记录编号']]);
  let best: Layout | null = null;
  let fallback: Layout | null = null;
  // exceljs computes columnCount by walking every row: once only
  const columnCount = Math.min(ws.columnCount, 200);
  const lastScan = Math.min(ws.rowCount, 30);
  for (let r = 1; r <= lastScan; r++) {
    const row = ws.getRow(r);
    const columns: ExcelColumnMatch[] = [];
    const byCol = new Map<number, string>();
    const used = new Set<string>();
    let score = 0;
    const seenMaster = new Set<string>();
    for (let c = 1; c <= columnCount; c++) {
      const cell = row.getCell(c);
      // a title merged across the row is one cell, not many headers
      if (cell.isMerged && cell.master.address !== cell.address) {
        if (seenMaster.has(cell.master.address)) continue;
      }
      seenMaster.add(cell.address);
      const header = plainText(plainValue(cell.value)).replace(/\s+/g, ' ');
      if (!header) continue;
      let field: string | null = null;
      let by: ExcelColumnMatch['by'] = null;
      if (mapping && Object.hasOwn(mapping, header)) {
        const target = mapping[header];
        if (target && labels.has(target)) {
          field = target;
          by = 'mapping';
        }
      } else {
        field = matchHeader(index, header);
        if (field) by = 'auto';
      }
      if (field && used.has(field)) {
        field = null;
        by = null;
      }
      if (field) {
        used.add(field);
        byCol.set(c, field);
        score++;
      }
      columns.push({ letter: ws.getColumn(c).letter, header, field, fieldLabel: field ? (labels.get(field) ?? null) : null, by });
    }
    if (score > 0 && (!best || score > best.score)) best = { ws, headerRow: r, columns, byCol, score };
    // nothing recognised: the first row of several texts is the header, for the mapping step
    if (!fallback && score === 0 && columns.length >= 2 && columns.every((x) => !/^[\d.,-]+$/.test(x.header))) {
      fallback = { ws, headerRow: r, columns, byCol, score: 0 };
    }
  }
  return best ?? fallback;
}

function rowValues(row: ExcelJS.Row, cols: number[]): Plain[] {
  return cols.map((c) => plainValue(row.getCell(c).value));
}

export async function importExcel(ctx: CoreContext, register: RegisterName, bytes: Uint8Array, opts: ExcelImportOptions): Promise<ExcelImportReport> {
  const def = REGISTERS[register];
  const wb = await loadWorkbook(bytes);
  let layout: Layout | null = null;
  for (const ws of wb.worksheets) {
    if (ws.state === 'veryHidden' || ws.name === '填写说明' || ws.name === '选项') continue;
    const l = layoutOf(ws, def, opts.mapping);
    if (l && (!layout || l.score > layout.score)) layout = l;
  }
  const sheets = wb.worksheets.filter((ws) => ws.state !== 'veryHidden' && ws.name !== '填写说明');
  if (!layout) {
    const ws = sheets[0];
    if (!ws || ws.actualRowCount === 0) throw new AppError('invalid_input', '表格是空的，没有可导入的内容');
    throw new AppError(
      'invalid_input',
      `找不到${def.label}的表头：前30行中没有一行像表头（如“${def.fields
        .filter((f) => f.required)
        .map((f) => f.label)
        .join('”“')}”）。请使用导入模板填写。`,
    );
  }
  const { ws, headerRow, columns, byCol } = layout;
  const fields = def.fields.map((f) => ({ key: f.key, label: f.label, required: !!f.required }));
  const provided = new Set(byCol.values());
  const missingRequired = def.fields.filter((f) => f.required && !provided.has(f.key)).map((f) => f.label);
  const report: ExcelImportReport = {
    register,
    sheet: ws.name,
    headerRow,
    columns,
    unmatched: columns.filter((c) => !c.field).map((c) => ({ letter: c.letter, header: c.header })),
    fields,
    missingRequired,
    rows: 0,
    valid: 0,
    invalid: 0,
    new: 0,
    updated: 0,
    unchanged: 0,
    duplicates: 0,
    personalEmptied: 0,
    changes: [],
    skipped: { blank: 0, totals: 0, example: 0 },
    issues: [],
    issueCount: 0,
    dryRun: opts.dryRun,
    applied: false,
    written: 0,
    years: [],
  };
  const colNums = [...byCol.keys()];
  const colOfField = new Map<string, number>([...byCol.entries()].map(([c, k]) => [k, c]));
  const letterOf = (key: string) => {
    const c = colOfField.get(key);
    return c ? ws.getColumn(c).letter : '';
  };
  const headerOf = (key: string) => columns.find((c) => c.field === key)?.header ?? def.fields.find((f) => f.key === key)?.label ?? '';
  const addIssue = (row: number, field: string, message: string) => {
    report.issueCount++;
    if (report.issues.length < MAX_ISSUES) report.issues.push({ row, column: letterOf(field), header: field ? headerOf(field) : '', field, message });
  };
  if (missingRequired.length) {
    addIssue(headerRow, '', `表头中缺少必填列：${missingRequired.map((l) => `「${l}」`).join('、')}。请在列对应中指定，或在表格中补上这一列。`);
  }

  const read: ReadRow[] = [];
  const lastRow = ws.actualRowCount === 0 ? headerRow : ws.rowCount;
  if (lastRow - headerRow > MAX_ROWS) {
    throw new AppError('invalid_input', `表格有 ${lastRow - headerRow} 行，超过一次导入的上限 ${MAX_ROWS} 行，请分成几个文件导入`);
  }
  const notesCol = colOfField.get(fieldWithRole(def, 'remarks')?.key ?? '');
  const firstCols = Math.min(4, ws.columnCount);
  for (let r = headerRow + 1; r <= lastRow; r++) {
    const row = ws.getRow(r);
    const values = rowValues(row, colNums);
    if (values.every((v) => v === null || (typeof v === 'string' && v.trim() === ''))) {
      report.skipped.blank++;
      continue;
    }
    // a totals row: 合计 / 总计 in one of the first cells of the row (mapped or not)
    let totals = false;
    for (let c = 1; c <= firstCols; c++) {
      if (TOTALS_RE.test(plainText(plainValue(row.getCell(c).value)))) {
        totals = true;
        break;
      }
    }
    if (totals) {
      report.skipped.totals++;
      continue;
    }
    if (notesCol && plainText(plainValue(row.getCell(notesCol).value)).startsWith(EXAMPLE_MARK)) {
      report.skipped.example++;
      continue;
    }
    report.rows++;
    const input: Record<string, unknown> = {};
    let id: string | null = null;
    const unreadable = new Set<string>();
    colNums.forEach((c, i) => {
      const key = byCol.get(c)!;
      // one odd cell is that cell's problem, named by row and column, never the whole import's
      try {
        if (key === 'id') {
          id = values[i] === null ? null : plainText(values[i]);
          return;
        }
        const f = def.fields.find((x) => x.key === key)!;
        input[key] = cellToField(f, values[i]);
      } catch (e) {
        unreadable.add(key);
        addIssue(r, key, `「${headerOf(key)}」的内容无法读取：${e instanceof CellError ? e.message : '请检查这个单元格的格式和内容'}`);
      }
    });
    if (unreadable.size) {
      report.invalid++;
      continue;
    }
    read.push({ row: r, id, input, values });
  }
  const carried = new Set([...provided].filter((k) => k !== 'id'));
  const typedValue = (row: ReadRow, field: string, message: string, input: Record<string, unknown>) => {
    // name the value as the clerk typed it (2023.13.45), not as it was read (2023-13-45)
    const c = colOfField.get(field);
    const typed = c ? plainText(row.values[colNums.indexOf(c)] ?? null) : '';
    const was = String(input[field] ?? '');
    return typed && was && typed !== was ? message.replace(`“${was.slice(0, 20)}”`, `“${typed.slice(0, 20)}”`) : message;
  };

  /** Plans every read row through the Excel door (again inside the write's transaction). */
  const planRows = (): PlannedWrite[] => {
    const writer = new RecordWriter(ctx.db, 'excel');
    for (const row of read) writer.announce(register, row.input);
    /** the ledger's live records of a date, read once per planning */
    const byDate = new Map<string, Record<string, unknown>[]>();
    const sheetContent = new Map<string, number>();
    const plans: PlannedWrite[] = [];
    report.valid = report.new = report.updated = report.unchanged = report.duplicates = report.personalEmptied = 0;
    report.invalid = report.rows - read.length;
    report.changes = [];
    report.issues = report.issues.filter((i) => i.row === headerRow || !read.some((x) => x.row === i.row));
    report.issueCount = report.issues.length;
    for (const row of read) {
      const before = report.issueCount;
      const label = `表格第${row.row}行的${def.label}`;
      const refuse = (issues: FieldIssue[]) => {
        for (const i of issues) addIssue(row.row, i.field, typedValue(row, i.field, i.message, row.input));
        report.invalid++;
      };
      const id: string | null = row.id;
      if (id !== null && !RECORD_ID_RE.test(id)) {
        refuse([{ field: 'id', message: `「记录编号」“${id.slice(0, 40)}”无效（只能用字母、数字和 - _ . :，最长64位）；新记录请留空` }]);
        continue;
      }
      let validated: Record<string, unknown> | null = null;
      if (id === null) {
        // a new row: its fields checked on their own, and what it says compared with the sheet and the ledger
        const alone = validateRecord(def, row.input);
        if (!alone.ok) {
          refuse(alone.issues);
          continue;
        }
        const fields: Record<string, unknown> = alone.value;
        validated = fields;
        const content = JSON.stringify([...carried].sort().map((k) => fields[k] ?? null));
        const dup = (why: string, record: string) => {
          report.duplicates++;
          pushChange(report, { row: row.row, action: 'duplicate', record, fields: [], note: `重复，已跳过：${why}` });
        };
        // a row without 记录编号 that is already in the sheet or in the ledger is not written twice
        const earlier = sheetContent.get(content);
        if (earlier !== undefined) {
          dup(`与表格第${earlier}行相同`, describeRecord(def, fields));
          continue;
        }
        sheetContent.set(content, row.row);
        const match = findExisting(ctx, writer, def, fields, carried, byDate);
        if (match?.same) {
          dup('台账中已有这条记录', match.label);
          continue;
        }
        // a different row with a 案号 the ledger holds is refused below (the number is taken), never merged into that case
        if (match && !match.byNumber)
          row.note = `台账中已有同日期、同${def.fields.find((f) => f.key === def.titleKey)?.label ?? '名称'}的记录（${match.label}），内容不同，将作为新记录导入；如是同一条，请填写「记录编号」`;
      } else if (sheetContent.has(`id:${id}`)) {
        refuse([{ field: 'id', message: `「记录编号」与第${sheetContent.get(`id:${id}`)}行重复` }]);
        continue;
      } else sheetContent.set(`id:${id}`, row.row);
      const plan = writer.plan({
        register,
        mode: 'upsert',
        id,
        input: validated ?? row.input,
        validated: validated !== null,
        carried,
        allowEmptyPersonal: opts.allowEmptyPersonal,
        label,
      });
      if (!plan.ok) {
        if (plan.issues.some((i) => i.message.includes('（个人信息）'))) report.personalEmptied++;
        refuse(plan.issues.map((i) => (i.field === 'id' && plan.inBin ? { ...i, message: `这条${def.label}记录在回收站中，请先恢复再导入修改` } : i)));
        continue;
      }
      if (report.issueCount > before) {
        report.invalid++;
        continue;
      }
      report.valid++;
      report[plan.action === 'new' ? 'new' : plan.action === 'updated' ? 'updated' : 'unchanged']++;
      pushChange(report, {
        row: row.row,
        action: plan.action,
        record: describeRecord(def, plan.fields),
        fields: plan.changes.map((c) => ({
          label: c.label,
          personal: c.personal,
          ...(c.personal ? {} : { before: shown(plan.before?.[c.key]), after: shown(plan.fields[c.key]) }),
          emptied: plan.emptiedPersonal.some((e) => e.key === c.key),
        })),
        ...(row.note ? { note: row.note } : {}),
      });
      if (plan.action !== 'unchanged') plans.push(plan);
    }
    report.years = [...new Set(plans.map((p) => Number(String(p.fields[def.dateKey]).slice(0, 4))))].sort((a, b) => a - b);
    if (report.rows === 0 && report.issueCount === 0) addIssue(headerRow, '', '表头下面没有数据行，没有可导入的内容');
    return plans;
  };

  // what the ledger looked like when the rows were planned: this connection's writes and any other's
  const plannedAt = ledgerStamp(ctx.db);
  const plans = planRows();
  const blocked = () => report.issueCount > 0 && (!opts.skipInvalid || missingRequired.length > 0);
  if (opts.dryRun || blocked() || plans.length === 0) return report;
  await opts.beforeWrite?.();
  const now = isoNow(ctx);
  ctx.db
    .transaction(() => {
      // planned again under the write lock when the ledger changed meanwhile (a 案号 the form took is seen, never given twice)
      const again = ledgerStamp(ctx.db) === plannedAt ? plans : planRows();
      if (blocked()) return;
      const writer = new RecordWriter(ctx.db, 'excel');
      for (const p of again) writer.apply(p, now);
      report.applied = true;
      report.written = again.length;
    })
    .immediate();
  return report;
}

interface ReadRow {
  row: number;
  id: string | null;
  input: Record<string, unknown>;
  values: Plain[];
  note?: string;
}

const MAX_CHANGES = 500;

function pushChange(report: ExcelImportReport, c: ExcelRecordChange): void {
  if (report.changes.length < MAX_CHANGES) report.changes.push(c);
}

/** A value as the preview shows it (short; lists as their count). */
function shown(v: unknown): string {
  if (v === null || v === undefined || v === '') return '（空）';
  if (Array.isArray(v)) return v.every((x) => typeof x === 'string') ? clip(v.join('、'), 40) : `${v.length}项`;
  if (typeof v === 'boolean') return v ? '是' : '否';
  return clip(String(v), 40);
}

/**
 * The ledger's live record a row without 记录编号 stands for: a case by its 案号 (a number
 * names one case), else a record of the same date and title (活动名称, 检查对象, 事项 …).
 * `same`: every field the sheet carries is equal (the row was imported already).
 */
function findExisting(
  ctx: CoreContext,
  writer: RecordWriter,
  def: RegisterDef,
  fields: Record<string, unknown>,
  carried: ReadonlySet<string>,
  byDate: Map<string, Record<string, unknown>[]>,
): { id: string; label: string; same: boolean; byNumber: boolean } | null {
  const sameCarried = (rec: Record<string, unknown>) => [...carried].every((k) => JSON.stringify(rec[k] ?? null) === JSON.stringify(fields[k] ?? null));
  const number = def.fields.find((f) => f.role === 'caseNumber');
  const caseNo = number ? fields[number.key] : null;
  if (number && typeof caseNo === 'string' && caseNo) {
    const holder = writer.caseNumbers().holder(caseNo, String(fields[def.dateKey]), null);
    if (holder?.inLedger) {
      const rec = getRecord<Record<string, unknown>>(ctx.db, def, holder.id);
      if (rec) return { id: holder.id, label: describeRecord(def, rec), same: sameCarried(rec), byNumber: true };
    }
    return null;
  }
  const date = String(fields[def.dateKey]);
  let recs = byDate.get(date);
  if (!recs) {
    const dateCol = def.fields.find((f) => f.key === def.dateKey)!.column;
    const rows = prepared(ctx.db, `SELECT * FROM ${def.table} WHERE deleted_at IS NULL AND ${dateCol} = ? LIMIT 500`).all(date) as Record<string, unknown>[];
    byDate.set(date, (recs = rows.map((r) => rowToRecord<Record<string, unknown>>(def, r))));
  }
  const same = recs.find(sameCarried);
  if (same) return { id: String(same.id), label: describeRecord(def, same), same: true, byNumber: false };
  const title = fields[def.titleKey];
  const named = title ? recs.find((r) => r[def.titleKey] === title) : undefined;
  return named ? { id: String(named.id), label: describeRecord(def, named), same: false, byNumber: false } : null;
}
