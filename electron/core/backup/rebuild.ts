// A backup is data, never code. A ledger is rebuilt from a backup's database
// file without ever running or keeping anything of its schema:
//
// 1. the file is opened read-only with trusted_schema off and integrity-checked;
// 2. an in-memory staging database is built by OUR migrations up to the
//    backup's user_version — that version's tables and columns, derived from the
//    migrations themselves, so new columns and registers need no code here; the
//    backup's known tables are copied into it as rows (columns both sides have);
// 3. the rest of our migrations bring the staging database up to date (their
//    data changes run as they would on an upgrade);
// 4. a fresh database (our schema) receives every row, validated by the rules
//    of a package import: registers through registers.ts, year profiles through
//    the package's profile rules, settings through the API's schema, attachment
//    rows through the same check as a 含附件 package (mime and size measured);
// 5. integrity_check and foreign_key_check on the result.
//
// The backup's triggers, views, indexes, extra columns, settings oddities,
// page size and journal mode therefore have no effect on the ledger.
import Database from 'better-sqlite3';
import { yearsContract } from '../../shared/contract/years.ts';
import { REGISTERS, REGISTER_NAMES, type RegisterDef, type RegisterName } from '../../shared/registers.ts';
import { describeRecord } from '../../shared/validation.ts';
import { checkAttachmentRow, insertAttachmentRow } from '../attachments/store.ts';
import { openDatabase, type Db } from '../db/connection.ts';
import { LATEST_VERSION, MIGRATIONS, migrate } from '../db/migrations.ts';
import { profileToPackage } from '../exchange/export-package.ts';
import { ID_RE, normalizeTime, parseProfile } from '../exchange/import-package.ts';
import { updateSettings } from '../settings/settings.ts';
import { restoreEnterpriseSetting } from '../enterprise/store.ts';
import { getProfile, writeProfile } from '../years/year-profiles.ts';
import { getRecord } from '../registers/repository.ts';
import { RecordWriter } from '../registers/write.ts';
import { withBulkKeywordIndex } from '../registers/keyword-index.ts';
import { rowToRecord } from '../registers/mapping.ts';
import { AppError } from '../util/errors.ts';

/**
 * Columns renamed by a migration, by the version that renamed them: table →
 * old column → new column. Empty so far (no migration renamed a column); a
 * backup's rows are read by their version's own columns, so an entry here is
 * only needed when a rename loses data the staging upgrade cannot carry.
 */
export const COLUMN_RENAMES: Record<number, Record<string, Record<string, string>>> = {};

/** Tables whose rows are checked by a rule of their own (the rest: copied as plain values, through our schema's constraints). */
const REGISTER_TABLES = new Map<string, RegisterDef>(REGISTER_NAMES.map((r) => [REGISTERS[r].table, REGISTERS[r]]));
const OWN_RULE_TABLES = new Set(['settings', 'year_profiles', 'attachments', 'exchange_seen', ...REGISTER_TABLES.keys()]);
/** A ledger without these is not a ledger. */
const REQUIRED_TABLES = ['settings', 'year_profiles', ...REGISTER_NAMES.map((r) => REGISTERS[r].table)];
const MAX_ISSUES = 200;

export interface RebuildIssue {
  /** 普法宣传活动（第3行，2024-03-05 …，id=…）, never personal data */
  record: string;
  message: string;
}

export interface RebuildSummary {
  schemaVersion: number;
  township: string | null;
  counts: Record<RegisterName, number>;
  deleted: Record<RegisterName, number>;
  years: number;
  attachments: number;
  /** attachment rows whose file is neither in the backup nor on this PC */
  missingFiles: number;
  /** rows that cannot be restored (with skipInvalid: left out) */
  issues: RebuildIssue[];
  issueCount: number;
  /** settings values that were not valid and were ignored */
  ignored: string[];
}

export interface RebuildOptions {
  /** attachment files that came with the backup, already checked against their names */
  blobs: Map<string, Buffer>;
  /** attachment files of the backup that were damaged (their rows are problems unless this PC has the file) */
  damaged?: Set<string>;
  dataDir: string;
  now: Date;
}

type Row = Record<string, unknown>;
/**
 * The backup's plain tables only: a "table" declared as a virtual table (its
 * module's code would run when read) is not one of ours, whatever its name.
 */
const PLAIN_TABLES = "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'";
const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

interface TableInfo {
  name: string;
  type: string;
}
interface ColumnInfo {
  name: string;
}

/** Plain tables of a database we built ourselves (no virtual tables, no FTS shadow tables). */
function ownTables(db: Db): string[] {
  return (db.prepare('PRAGMA main.table_list').all() as TableInfo[]).filter((t) => t.type === 'table' && !t.name.startsWith('sqlite_')).map((t) => t.name);
}

const columnsOf = (db: Db, table: string) => (db.prepare(`PRAGMA main.table_info(${q(table)})`).all() as ColumnInfo[]).map((c) => c.name);

/** Opens a file from outside read-only; nothing in its schema may run a function with side effects. */
export function openForeign(file: string): Db {
  let db: Db;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch {
    throw new AppError('invalid_input', '无法打开：这不是法治台账的数据库或备份文件');
  }
  try {
    db.pragma('trusted_schema = OFF');
    db.pragma('query_only = ON');
    let result: string;
    try {
      result = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('；');
    } catch {
      throw new AppError('corrupt', '备份中的数据库文件已损坏或不是 SQLite 数据库，不能用于恢复');
    }
    if (result !== 'ok') throw new AppError('corrupt', `备份中的数据库未通过完整性检查（${result.slice(0, 120)}），不能用于恢复`);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

/** The user_version of a foreign file, refused when it is not a ledger this program can read. */
function foreignVersion(src: Db): number {
  const version = src.pragma('user_version', { simple: true }) as number;
  if (version <= 0) {
    const tables = new Set((src.prepare(PLAIN_TABLES).all() as { name: string }[]).map((r) => r.name));
    const missing = REQUIRED_TABLES.filter((t) => !tables.has(t));
    throw new AppError('invalid_input', `这不是法治台账的数据库（缺少${missing.length ? `数据表：${missing.join('、')}` : '版本信息'}），不能用于恢复`);
  }
  if (version > LATEST_VERSION) {
    throw new AppError('db_too_new', `备份由更新版本的法治台账创建（数据结构版本 ${version}，本程序支持到 ${LATEST_VERSION}），请先升级法治台账再恢复`);
  }
  return version;
}

/** Copies the backup's rows of its version's known tables into a staging database built by our migrations. */
function stage(src: Db, version: number, issues: RebuildIssue[]): Db {
  const staging = new Database(':memory:');
  migrate(staging, { migrations: MIGRATIONS.filter((m) => m.version <= version) });
  // staging only carries rows: our own triggers (keyword index, purge) would do work nobody reads
  for (const { name } of staging.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all() as { name: string }[]) {
    staging.exec(`DROP TRIGGER ${q(name)}`);
  }
  // the ledger tables that version has (a register added later is simply empty in an older backup)
  const own = new Set(ownTables(staging));
  const present = new Set((src.prepare(PLAIN_TABLES).all() as { name: string }[]).map((r) => r.name));
  const missing = REQUIRED_TABLES.filter((t) => own.has(t) && !present.has(t));
  if (missing.length) {
    staging.close();
    throw new AppError('invalid_input', `这不是法治台账的数据库（缺少数据表：${missing.join('、')}），不能用于恢复`);
  }
  const renames = Object.entries(COLUMN_RENAMES)
    .filter(([v]) => Number(v) <= version)
    .map(([, r]) => r);
  staging
    .transaction(() => {
      for (const table of ownTables(staging)) {
        const isTable = src.prepare(`${PLAIN_TABLES} AND name = ?`).get(table);
        if (!isTable) continue;
        const srcCols = new Map(columnsOf(src, table).map((c) => [c.toLowerCase(), c]));
        const cols = columnsOf(staging, table).filter((c) => srcCols.has(c.toLowerCase()));
        if (cols.length === 0) continue;
        const targetCols = cols.map((c) => renames.reduce((name, r) => r[table]?.[name] ?? name, c));
        const insert = staging.prepare(`INSERT INTO main.${q(table)} (${targetCols.map(q).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
        const select = src.prepare(`SELECT ${cols.map((c) => q(srcCols.get(c.toLowerCase())!)).join(', ')} FROM main.${q(table)}`).raw(true);
        let n = 0;
        for (const values of select.iterate() as Iterable<unknown[]>) {
          n++;
          try {
            insert.run(...values.map((v) => (v === undefined ? null : v)));
          } catch (e) {
            if (issues.length < MAX_ISSUES)
              issues.push({ record: `数据表 ${table} 第${n}行`, message: `数据不符合数据结构（${e instanceof Error ? e.message.slice(0, 80) : ''}）` });
          }
        }
      }
    })
    .immediate();
  try {
    migrate(staging);
  } catch (e) {
    staging.close();
    throw new AppError('invalid_input', `备份中的数据无法升级到当前版本（${e instanceof Error ? e.message.slice(0, 120) : String(e)}），不能用于恢复`);
  }
  return staging;
}

function copySettings(staging: Db, target: Db, ignored: string[]): void {
  const patch: Row = {};
  for (const { key, value } of staging.prepare('SELECT key, value FROM settings').all() as { key: string; value: unknown }[]) {
    try {
      patch[key] = JSON.parse(String(value));
    } catch {
      ignored.push(`设置项“${String(key).slice(0, 30)}”不是有效的数据，已忽略`);
    }
  }
  const schema = yearsContract['settings.update'].input;
  // each setting on its own: one odd value costs that setting only
  for (const [key, value] of Object.entries(patch)) {
    if (restoreEnterpriseSetting(target, key, value, ignored)) continue; // 执法人员, 检查事项清单, 检查计划 (issue 21)
    const one = schema.safeParse({ [key]: value });
    if (!one.success) {
      ignored.push(`设置项“${key.slice(0, 30)}”的值无效，已忽略`);
      continue;
    }
    if (!Object.hasOwn(one.data, key)) {
      ignored.push(`设置项“${key.slice(0, 30)}”本程序不认识，已忽略`);
      continue;
    }
    updateSettings(target, one.data as Parameters<typeof updateSettings>[1]);
  }
}

function copyProfiles(staging: Db, target: Db, bad: (record: string, message: string) => void, now: string): number {
  let n = 0;
  for (const { year } of staging.prepare('SELECT year FROM year_profiles ORDER BY year').all() as { year: number }[]) {
    const record = `${year}年年度信息`;
    const stored = getProfile(staging, year);
    const messages: string[] = [];
    const p = parseProfile({ ...profileToPackage(stored), updatedAt: stored.updatedAt ?? undefined }, (m) => messages.push(m));
    if (!p) {
      bad(record, messages.join('；'));
      continue;
    }
    writeProfile(target, p, p.updatedAt ?? now);
    n++;
  }
  return n;
}

function copyRegister(staging: Db, writer: RecordWriter, def: RegisterDef, bad: (record: string, message: string) => void): { live: number; deleted: number } {
  let live = 0;
  let deleted = 0;
  let index = 0;
  for (const row of staging.prepare(`SELECT * FROM main.${q(def.table)} ORDER BY rowid`).iterate() as Iterable<Row>) {
    const label = describeRecord(
      def,
      { ...row, id: typeof row.id === 'string' ? row.id : undefined, [def.dateKey]: row[def.fields.find((f) => f.key === def.dateKey)!.column] },
      index++,
    );
    const id = row.id;
    if (typeof id !== 'string' || !ID_RE.test(id)) {
      bad(label, '记录编号无效');
      continue;
    }
    let rec: Row;
    try {
      rec = rowToRecord<Row>(def, row);
    } catch {
      bad(label, '记录中有无法读取的数据');
      continue;
    }
    const updatedAt = normalizeTime(row.updated_at);
    const deletedAt = normalizeTime(row.deleted_at);
    // the same write path as every other door, by the restore's policy (rows as they are, 回收站 included)
    const plan = writer.plan({ register: def.name, mode: 'create', id, input: rec, updatedAt, deletedAt });
    if (!plan.ok) {
      bad(label, plan.issues.map((i) => i.message).join('；'));
      continue;
    }
    if (!updatedAt) {
      bad(label, '修改时间无效');
      continue;
    }
    if (deletedAt === undefined) {
      bad(label, '删除时间无效');
      continue;
    }
    writer.apply(plan, updatedAt);
    if (deletedAt) deleted++;
    else live++;
  }
  return { live, deleted };
}

function copyAttachments(staging: Db, target: Db, opts: RebuildOptions, bad: (record: string, message: string) => void): { live: number; missing: number } {
  let live = 0;
  let missing = 0;
  const now = opts.now.toISOString();
  for (const r of staging.prepare('SELECT * FROM attachments ORDER BY rowid').iterate() as Iterable<Row>) {
    const name = `附件“${String(r.file_name ?? '').slice(0, 40)}”`;
    const sha = typeof r.sha256 === 'string' ? r.sha256 : '';
    const checked = checkAttachmentRow(
      opts.dataDir,
      {
        id: r.id,
        register: r.register,
        recordId: r.record_id,
        sha256: r.sha256,
        fileName: r.file_name,
        createdAt: r.created_at,
        deletedAt: r.deleted_at,
      },
      opts.blobs.get(sha) ?? null,
      now,
    );
    if (typeof checked === 'string') {
      bad(name, checked);
      continue;
    }
    if (checked.missingFile && opts.damaged?.has(checked.row.sha256)) {
      bad(name, '备份中的这个附件文件已损坏');
      continue;
    }
    const def = REGISTERS[checked.row.register];
    if (!getRecord(target, def, checked.row.recordId)) {
      bad(name, `所属的${def.label}记录不在备份中`);
      continue;
    }
    insertAttachmentRow(target, checked.row);
    if (checked.row.deletedAt) {
      target.prepare('UPDATE attachments SET deleted_at = ? WHERE id = ?').run(checked.row.deletedAt, checked.row.id);
    } else {
      live++;
      if (checked.missingFile) missing++;
    }
  }
  return { live, missing };
}

function copyExchangeSeen(staging: Db, target: Db): void {
  const insert = target.prepare('INSERT OR IGNORE INTO exchange_seen (register, record_id, updated_at) VALUES (?, ?, ?)');
  for (const r of staging.prepare('SELECT register, record_id, updated_at FROM exchange_seen').iterate() as Iterable<Row>) {
    const t = normalizeTime(r.updated_at);
    if (typeof r.register !== 'string' || !(REGISTER_NAMES as string[]).includes(r.register)) continue;
    if (typeof r.record_id !== 'string' || !ID_RE.test(r.record_id) || !t) continue;
    insert.run(r.register, r.record_id, t);
  }
}

/** Tables added by later migrations that no rule above knows: plain values, through our schema's constraints. */
function copyOtherTables(staging: Db, target: Db): void {
  for (const table of ownTables(target)) {
    if (OWN_RULE_TABLES.has(table)) continue;
    if (!ownTables(staging).includes(table)) continue;
    const cols = columnsOf(target, table).filter((c) => columnsOf(staging, table).includes(c));
    if (!cols.length) continue;
    const insert = target.prepare(`INSERT OR IGNORE INTO main.${q(table)} (${cols.map(q).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
    for (const values of staging
      .prepare(`SELECT ${cols.map(q).join(', ')} FROM main.${q(table)}`)
      .raw(true)
      .iterate() as Iterable<unknown[]>) {
      if (values.some((v) => v !== null && typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'bigint')) continue;
      insert.run(...values);
    }
  }
}

/** The refusal for a backup with rows that cannot be restored. */
export function issuesError(summary: RebuildSummary): AppError {
  const { issues, issueCount } = summary;
  return new AppError(
    'invalid_input',
    `备份中有 ${issueCount} 条记录不符合要求（${issues
      .slice(0, 3)
      .map((i) => `${i.record}：${i.message}`)
      .join('；')}${issueCount > 3 ? '……' : ''}）`,
    issues.slice(0, 50).map((i) => ({ field: i.record, message: `${i.record}：${i.message}` })),
  );
}

/**
 * Builds `targetFile` (a new file, or ':memory:' for a check) from a backup's
 * database file. Throws AppError when the file cannot be restored; otherwise
 * returns the open target and what it holds (invalid rows are left out and
 * listed in summary.issues: the caller refuses or accepts them).
 */
export function rebuildLedger(srcFile: string, targetFile: string, opts: RebuildOptions): { db: Db; summary: RebuildSummary } {
  const src = openForeign(srcFile);
  let staging: Db;
  let version: number;
  const issues: RebuildIssue[] = [];
  let issueCount = 0;
  try {
    version = foreignVersion(src);
    staging = stage(src, version, issues);
  } finally {
    src.close();
  }
  issueCount = issues.length;
  const bad = (record: string, message: string) => {
    issueCount++;
    if (issues.length < MAX_ISSUES) issues.push({ record, message });
  };
  const counts = {} as Record<RegisterName, number>;
  const deleted = {} as Record<RegisterName, number>;
  const ignored: string[] = [];
  let years = 0;
  let attachments = { live: 0, missing: 0 };
  const target = openDatabase(targetFile);
  try {
    target
      .transaction(() => {
        copySettings(staging, target, ignored);
        years = copyProfiles(staging, target, bad, opts.now.toISOString());
        const writer = new RecordWriter(target, 'restore');
        // a new ledger: each keyword index filled by one rebuild after its rows, not row by row
        withBulkKeywordIndex(
          target,
          REGISTER_NAMES.map((r) => REGISTERS[r].table),
          () => {
            for (const r of REGISTER_NAMES) {
              const n = copyRegister(staging, writer, REGISTERS[r], bad);
              counts[r] = n.live;
              deleted[r] = n.deleted;
            }
          },
        );
        attachments = copyAttachments(staging, target, opts, bad);
        copyExchangeSeen(staging, target);
        copyOtherTables(staging, target);
      })
      .immediate();
    const integrity = (target.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('；');
    if (integrity !== 'ok') throw new AppError('internal', `重建的数据库未通过完整性检查（${integrity.slice(0, 100)}）`);
    if ((target.pragma('foreign_key_check') as unknown[]).length) throw new AppError('internal', '重建的数据库未通过外键检查');
    let township: string | null = null;
    const t = target.prepare("SELECT value FROM settings WHERE key = 'township'").get() as { value: string } | undefined;
    if (t) township = (JSON.parse(t.value) as { name?: string }).name ?? null;
    const summary: RebuildSummary = {
      schemaVersion: version,
      township,
      counts,
      deleted,
      years,
      attachments: attachments.live,
      missingFiles: attachments.missing,
      issues,
      issueCount,
      ignored,
    };
    return { db: target, summary };
  } catch (e) {
    target.close();
    throw e;
  } finally {
    staging.close();
  }
}
