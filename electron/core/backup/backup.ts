// Backups: a .zip holding ledger.db (taken with SQLite's online backup API, so
// the clerk can keep working), the attachment files and a manifest. Written to
// a temporary name and renamed when complete, and each one integrity-checked,
// so a crash or power cut mid-way leaves neither a broken backup under a real
// name nor any change to the live database.
//
// Restore checks the chosen file first (integrity_check, our tables, schema
// version), backs up the current state, then copies the backup into the live
// file with the backup API: one write transaction on the live database, so a
// crash mid-way rolls back to the old ledger, never a half-restored one.
import Database from 'better-sqlite3';
import { loadJSZip } from '../util/load-on-use.ts';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { BackupCheck, BackupInfo, BackupKind, RestoreResult } from '../../shared/contract/backup.ts';
import { REGISTERS, REGISTER_NAMES, type RegisterName } from '../../shared/registers.ts';
import type { CoreContext } from '../context.ts';
import { openDatabase, type Db } from '../db/connection.ts';
import { LATEST_VERSION, schemaVersion, type MigrateOptions } from '../db/migrations.ts';
import { isSha256, MAX_ATTACHMENT_BYTES, readBlobVerified, sha256Of, storeBlob } from '../attachments/store.ts';
import { isZipBytes, listZip, readZipEntry } from '../util/zip-read.ts';
import type { RebuildSummary } from './rebuild.ts';

// the rebuild (package code) loads with the first check or restore of a backup, not at start-up
const loadRebuild = () => import('./rebuild.ts');
import { AppError } from '../util/errors.ts';
import { faultOf } from '../util/faults.ts';
import { APP_VERSION } from '../version.ts';

export const BACKUP_KIND_LABELS: Record<BackupKind, string> = {
  daily: '每日自动备份',
  manual: '手动备份',
  'before-import': '导入前自动备份',
  'before-restore': '恢复前自动备份',
  'before-migrate': '升级前自动备份',
  'before-clear': '清除示例数据前自动备份',
};

export const MANIFEST_FORMAT = 'fazhi-ledger-backup';
// the tables of schema 1; registers added later (依申请公开, schema 5) count 0 in an older backup
const REQUIRED_TABLES = ['settings', 'year_profiles', 'activities', 'mediation_cases', 'inspections', 'work_items'];
const NAME_RE =
  /^ledger-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-(daily|manual|before-import|before-restore|before-migrate|before-clear)(?:-\d+)?\.(zip|db)$/;
const KEEP_DAILY = 30;
const KEEP_BEFORE = 20;

export const backupsDir = (dataDir: string) => join(dataDir, 'backups');

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
function stamp(d: Date): string {
  return `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;
}

function uniqueName(dir: string, base: string, ext: string): string {
  let name = `${base}.${ext}`;
  for (let i = 2; existsSync(join(dir, name)); i++) name = `${base}-${i}.${ext}`;
  return name;
}

function parseName(name: string): { kind: BackupKind; createdAt: string; day: string; month: string } | null {
  const m = NAME_RE.exec(name);
  if (!m) return null;
  return {
    kind: m[7] as BackupKind,
    createdAt: `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}:${m[6]}`,
    day: `${m[1]}-${m[2]}-${m[3]}`,
    month: `${m[1]}-${m[2]}`,
  };
}

function infoOf(path: string): BackupInfo {
  const name = basename(path);
  const parsed = parseName(name);
  const st = statSync(path);
  const kind = parsed?.kind ?? 'manual';
  const m = st.mtime;
  return {
    name,
    path,
    kind,
    kindLabel: BACKUP_KIND_LABELS[kind],
    size: st.size,
    createdAt:
      parsed?.createdAt ?? `${m.getFullYear()}-${pad(m.getMonth() + 1)}-${pad(m.getDate())} ${pad(m.getHours())}:${pad(m.getMinutes())}:${pad(m.getSeconds())}`,
  };
}

/** The backups in the data folder, newest first. */
export function listBackups(dataDir: string): BackupInfo[] {
  const dir = backupsDir(dataDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => NAME_RE.test(n))
    .map((n) => infoOf(join(dir, n)))
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.name.localeCompare(a.name)));
}

/** Opens a database file read-only and says whether it is a sound ledger this version can open. */
function checkDbFile(file: string): BackupCheck {
  const fail = (message: string, extra: Partial<BackupCheck> = {}): BackupCheck => ({ ...emptyCheck(message), ...extra });
  let db: Db;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch {
    return fail('无法打开：这不是法治台账的数据库或备份文件');
  }
  try {
    let result: string;
    try {
      const rows = db.pragma('integrity_check') as { integrity_check: string }[];
      result = rows.map((r) => r.integrity_check).join('；');
    } catch {
      return fail('文件已损坏或不是 SQLite 数据库，不能用于恢复');
    }
    if (result !== 'ok') return fail(`数据库完整性检查未通过（${result.slice(0, 120)}），不能用于恢复`);
    const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
    const missing = REQUIRED_TABLES.filter((t) => !tables.has(t));
    const version = schemaVersion(db);
    if (missing.length || version === 0) return fail(`这不是法治台账的数据库（缺少数据表：${missing.join('、') || '版本信息'}），不能用于恢复`);
    if (version > LATEST_VERSION) {
      return fail(`备份由更新版本的法治台账创建（数据结构版本 ${version}，本程序支持到 ${LATEST_VERSION}），请先升级法治台账再恢复`, {
        schemaVersion: version,
      });
    }
    const counts = {} as Record<RegisterName, number>;
    for (const r of REGISTER_NAMES) {
      counts[r] = !tables.has(REGISTERS[r].table)
        ? 0
        : (db.prepare(`SELECT COUNT(*) AS n FROM ${REGISTERS[r].table} WHERE deleted_at IS NULL`).get() as { n: number }).n;
    }
    const t = db.prepare("SELECT value FROM settings WHERE key = 'township'").get() as { value: string } | undefined;
    let township: string | null = null;
    try {
      township = t ? ((JSON.parse(t.value) as { name?: string }).name ?? null) : null;
    } catch {
      /* shown as unknown */
    }
    const attachments = tables.has('attachments') ? (db.prepare('SELECT COUNT(*) AS n FROM attachments WHERE deleted_at IS NULL').get() as { n: number }).n : 0;
    return { ok: true, message: '备份完好，可以恢复', schemaVersion: version, createdAt: null, township, counts, attachments, issues: [], issueCount: 0 };
  } finally {
    db.close();
  }
}

/** The sha256 of every attachment file a database refers to. */
function referencedBlobs(dbFile: string): string[] {
  const db = new Database(dbFile, { readonly: true });
  try {
    const has = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'attachments'").get();
    if (!has) return [];
    return (db.prepare('SELECT DISTINCT sha256 FROM attachments WHERE deleted_at IS NULL').all() as { sha256: string }[]).map((r) => r.sha256);
  } finally {
    db.close();
  }
}

function writeAtomically(target: string, bytes: Uint8Array): void {
  mkdirSync(dirname(target), { recursive: true });
  const partial = `${target}.${randomUUID().slice(0, 8)}.partial`;
  try {
    writeFileSync(partial, bytes, { flush: true });
    renameSync(partial, target);
  } catch (e) {
    rmSync(partial, { force: true });
    throw e;
  }
}

/** The before-import backup; an in-memory database (tests) has nothing to back up. */
export const backupBeforeImport = (ctx: CoreContext): Promise<BackupInfo | null> =>
  ctx.dbPath === ':memory:' ? Promise.resolve(null) : createBackup(ctx, 'before-import');

/**
 * Takes a backup of the open database and its attachment files.
 * `to`: a file chosen by the clerk (备份到…); otherwise the backups folder.
 */
export async function createBackup(ctx: CoreContext, kind: BackupKind, opts: { to?: string } = {}): Promise<BackupInfo> {
  if (ctx.dbPath === ':memory:' && !opts.to) throw new AppError('invalid_input', '内存数据库不能备份到备份文件夹');
  const dir = backupsDir(ctx.dataDir);
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.tmp-${randomUUID()}.db`);
  try {
    await ctx.db.backup(tmp);
    // the copy is a self-contained file: no -wal beside it
    const copy = new Database(tmp);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    const check = checkDbFile(tmp);
    if (!check.ok) throw new AppError('internal', `备份未通过完整性检查：${check.message}。原数据库未改动，请重试。`);
    const zip = new (await loadJSZip())();
    zip.file('ledger.db', readFileSync(tmp), { compression: 'DEFLATE', compressionOptions: { level: 1 } });
    let files = 0;
    const missing: string[] = [];
    for (const sha of referencedBlobs(tmp)) {
      // a file is carried only under its own content name, and only when its bytes still hash to it
      const content = isSha256(sha) ? readBlobVerified(ctx.dataDir, sha) : null;
      if (!content) {
        missing.push(sha.slice(0, 64));
        continue;
      }
      zip.file(`attachments/${sha.slice(0, 2)}/${sha}`, content, { compression: 'STORE' });
      files++;
    }
    const now = ctx.now();
    zip.file(
      'manifest.json',
      JSON.stringify(
        {
          format: MANIFEST_FORMAT,
          version: 1,
          app: APP_VERSION,
          kind,
          createdAt: now.toISOString(),
          schemaVersion: check.schemaVersion,
          counts: check.counts,
          attachments: files,
          missingAttachments: missing,
        },
        null,
        2,
      ),
    );
    const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 1 } });
    const target = opts.to ? resolve(opts.to) : join(dir, uniqueName(dir, `ledger-${stamp(now)}-${kind}`, 'zip'));
    writeAtomically(target, bytes);
    if (!opts.to) pruneBackups(ctx.dataDir);
    return infoOf(target);
  } finally {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(tmp + suffix, { force: true });
  }
}

/** Keeps the last 30 daily backups plus one a month before them, and the last 20 automatic pre-operation ones. */
export function pruneBackups(dataDir: string): string[] {
  const all = listBackups(dataDir);
  const removed: string[] = [];
  const daily = all.filter((b) => b.kind === 'daily');
  const monthsKept = new Set<string>();
  daily.forEach((b, i) => {
    if (i < KEEP_DAILY) return;
    const month = b.createdAt.slice(0, 7);
    // older than the last 30: the earliest of each month is kept
    const sameMonth = daily.filter((x, j) => j >= KEEP_DAILY && x.createdAt.slice(0, 7) === month);
    const earliest = sameMonth[sameMonth.length - 1];
    if (earliest === b && !monthsKept.has(month)) {
      monthsKept.add(month);
      return;
    }
    removed.push(b.path);
  });
  for (const kind of ['before-import', 'before-restore', 'before-migrate', 'before-clear'] as BackupKind[]) {
    all
      .filter((b) => b.kind === kind)
      .slice(KEEP_BEFORE)
      .forEach((b) => removed.push(b.path));
  }
  for (const p of removed) rmSync(p, { force: true });
  return removed;
}

/** Leftovers of a backup or restore that was cut off (power cut, killed process). */
export function removeStaleTemporaries(dataDir: string, now: Date): void {
  const dir = backupsDir(dataDir);
  if (!existsSync(dir)) return;
  for (const n of readdirSync(dir)) {
    if (!n.startsWith('.tmp-') && !n.endsWith('.partial')) continue;
    const p = join(dir, n);
    try {
      if (now.getTime() - statSync(p).mtimeMs > 10 * 60_000) rmSync(p, { force: true });
    } catch {
      /* gone already */
    }
  }
}

/**
 * The ledger copies a restore cut off (killed, power cut) left beside the ledger
 * (`ledger.db.restore-XXXX.tmp` and its -wal/-shm/-journal): full copies with the
 * parties' personal data, removed at the next start once older than 10 minutes
 * (a restore running in another process right now is younger), with the backups
 * folder's own leftovers.
 */
export function removeStaleRestores(dbPath: string, dataDir: string, now: Date): void {
  removeStaleTemporaries(dataDir, now);
  const dir = dirname(dbPath);
  const prefix = `${basename(dbPath)}.restore-`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const n of names) {
    if (!n.startsWith(prefix) || !/\.tmp(-wal|-shm|-journal)?$/.test(n)) continue;
    const p = join(dir, n);
    try {
      if (now.getTime() - statSync(p).mtimeMs > 10 * 60_000) rmSync(p, { force: true });
    } catch {
      /* gone already */
    }
  }
}

const localDay = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** Called by the transports at startup: the first start of a day takes the day's backup. */
export async function maybeDailyBackup(ctx: CoreContext): Promise<BackupInfo | null> {
  if (ctx.dbPath === ':memory:') return null;
  removeStaleTemporaries(ctx.dataDir, ctx.now());
  const today = localDay(ctx.now());
  if (listBackups(ctx.dataDir).some((b) => b.kind === 'daily' && b.createdAt.slice(0, 10) === today)) return null;
  return createBackup(ctx, 'daily');
}

/**
 * The `beforeMigrate` hook: a synchronous copy (VACUUM INTO) of the database as
 * it is before its schema is upgraded. Attachment files are not touched by
 * migrations, so the database alone is enough.
 */
export function preMigrationBackup(dbPath: string, dataDir: string): MigrateOptions['beforeMigrate'] {
  return (from, to) => {
    const dir = backupsDir(dataDir);
    mkdirSync(dir, { recursive: true });
    const name = uniqueName(dir, `ledger-${stamp(new Date())}-before-migrate`, 'db');
    const partial = join(dir, `.tmp-${randomUUID()}.db`);
    const src = new Database(dbPath, { readonly: true });
    try {
      src.prepare('VACUUM INTO ?').run(partial);
    } finally {
      src.close();
    }
    const check = checkDbFile(partial);
    if (!check.ok) {
      rmSync(partial, { force: true });
      throw new AppError('internal', `升级数据结构（${from} → ${to}）前的备份未通过检查：${check.message}。为安全起见未升级。`);
    }
    renameSync(partial, join(dir, name));
    pruneBackups(dataDir);
  };
}

// ---------------------------------------------------------------- restore

export interface OpenedBackup {
  check: BackupCheck;
  /** the database, extracted to a temporary file beside the backups */
  dbFile: string;
  /** attachment files by sha256, each checked against its name */
  blobs: Map<string, Buffer>;
  cleanup: () => void;
}

const isSqlite = (b: Uint8Array) => Buffer.from(b.subarray(0, 16)).toString('latin1') === 'SQLite format 3\u0000';

/** Limits for a backup .zip: checked on the directory before anything is inflated. */
export const BACKUP_ZIP_LIMITS = {
  maxEntries: 200_000,
  maxEntryBytes: 1024 * 1024 * 1024,
  maxTotalBytes: 3 * 1024 * 1024 * 1024,
  what: '备份文件',
  maxRatio: 100,
};

const emptyCheck = (message: string): BackupCheck => ({
  ok: false,
  message,
  schemaVersion: null,
  createdAt: null,
  township: null,
  counts: null,
  attachments: 0,
  issues: [],
  issueCount: 0,
});

/**
 * Writes the backup's database to a temporary file of ours. Its header is set
 * to rollback-journal mode (bytes 18–19): a WAL file opened read-only would
 * need a -shm file, and the mode is the backup's choice we do not keep.
 */
function writeForeignDb(dbFile: string, bytes: Uint8Array): void {
  const copy = Buffer.from(bytes);
  if (copy.length >= 100 && copy[18] === 2 && copy[19] === 2) {
    copy[18] = 1;
    copy[19] = 1;
  }
  writeFileSync(dbFile, copy);
}

/** Reads a backup (.zip or a bare ledger.db): the database to a temporary file, the attachment files checked; changes nothing. */
function extractBackup(
  dataDir: string,
  bytes: Uint8Array,
): { dbFile: string; blobs: Map<string, Buffer>; damaged: Set<string>; createdAt: string | null; cleanup: () => void } {
  const dir = backupsDir(dataDir);
  mkdirSync(dir, { recursive: true });
  const dbFile = join(dir, `.tmp-restore-${randomUUID()}.db`);
  const cleanup = () => {
    for (const s of ['', '-wal', '-shm', '-journal']) rmSync(dbFile + s, { force: true });
  };
  const blobs = new Map<string, Buffer>();
  const damaged = new Set<string>();
  let createdAt: string | null = null;
  if (isSqlite(bytes)) {
    writeForeignDb(dbFile, bytes);
    return { dbFile, blobs, damaged, createdAt, cleanup };
  }
  if (!isZipBytes(bytes)) throw new AppError('invalid_input', '这不是法治台账的备份文件（应为备份 .zip 或 ledger.db 数据库文件）');
  const entries = listZip(bytes, BACKUP_ZIP_LIMITS);
  const dbEntry = entries.find((e) => e.name === 'ledger.db');
  if (!dbEntry) throw new AppError('invalid_input', '这不是法治台账的备份文件（压缩包中没有 ledger.db）');
  try {
    writeForeignDb(dbFile, readZipEntry(bytes, dbEntry, '备份文件'));
    const manifest = entries.find((e) => e.name === 'manifest.json' && e.size < 1024 * 1024);
    if (manifest) {
      try {
        const m = JSON.parse(readZipEntry(bytes, manifest, '备份文件').toString('utf8')) as { createdAt?: unknown };
        createdAt = typeof m.createdAt === 'string' ? m.createdAt.slice(0, 40) : null;
      } catch {
        /* the manifest only informs */
      }
    }
    for (const entry of entries) {
      const m = /^attachments\/(?:[0-9a-f]{2}\/)?([0-9a-f]{64})$/.exec(entry.name);
      if (!m || entry.dir) continue;
      // a damaged file costs its attachment only: the rows that use it are listed as problems
      if (entry.size > MAX_ATTACHMENT_BYTES) {
        damaged.add(m[1]);
        continue;
      }
      let data: Buffer;
      try {
        data = readZipEntry(bytes, entry, '备份文件');
      } catch {
        damaged.add(m[1]);
        continue;
      }
      if (sha256Of(data) !== m[1]) {
        damaged.add(m[1]);
        continue;
      }
      blobs.set(m[1], data);
    }
  } catch (e) {
    cleanup();
    throw e;
  }
  return { dbFile, blobs, damaged, createdAt, cleanup };
}

function checkOf(summary: RebuildSummary, createdAt: string | null, issuesError: (s: RebuildSummary) => Error): BackupCheck {
  const notes: string[] = [];
  if (summary.missingFiles) notes.push(`其中 ${summary.missingFiles} 个附件文件不在备份中，恢复后这些附件无法打开`);
  if (summary.ignored.length) notes.push(`${summary.ignored.length} 项设置无效，恢复时将忽略`);
  const ok = summary.issueCount === 0;
  const message = ok ? `备份完好，可以恢复${notes.length ? `；${notes.join('；')}` : ''}` : issuesError(summary).message + '，不能整份恢复';
  return {
    ok,
    message,
    schemaVersion: summary.schemaVersion,
    createdAt,
    township: summary.township,
    counts: summary.counts,
    attachments: summary.attachments,
    issues: summary.issues.map((i) => `${i.record}：${i.message}`),
    issueCount: summary.issueCount,
  };
}

/** Reads and checks a backup by rebuilding it in memory; nothing is changed. */
export async function openBackup(dataDir: string, bytes: Uint8Array, now = new Date()): Promise<OpenedBackup> {
  let extracted: ReturnType<typeof extractBackup>;
  try {
    extracted = extractBackup(dataDir, bytes);
  } catch (e) {
    if (e instanceof AppError) return { check: emptyCheck(e.message), dbFile: '', blobs: new Map(), cleanup: () => undefined };
    throw e;
  }
  try {
    const { rebuildLedger, issuesError } = await loadRebuild();
    const { db, summary } = rebuildLedger(extracted.dbFile, ':memory:', { blobs: extracted.blobs, damaged: extracted.damaged, dataDir, now });
    db.close();
    return { check: checkOf(summary, extracted.createdAt, issuesError), dbFile: extracted.dbFile, blobs: extracted.blobs, cleanup: extracted.cleanup };
  } catch (e) {
    extracted.cleanup();
    if (e instanceof AppError) return { check: { ...emptyCheck(e.message), schemaVersion: null }, dbFile: '', blobs: new Map(), cleanup: () => undefined };
    throw e;
  }
}

/**
 * Replaces the live ledger with one rebuilt from a backup. The new database is
 * built beside the live file and checked; the current state is backed up;
 * then the new file is renamed over the live one (atomic: a crash leaves the
 * old ledger or the new one, never a mixture). Any failure before the rename
 * leaves the live ledger untouched.
 */
export async function restoreBackup(ctx: CoreContext, bytes: Uint8Array, opts: { skipInvalid?: boolean } = {}): Promise<RestoreResult> {
  if (ctx.dbPath === ':memory:') throw new AppError('invalid_input', '内存数据库不能从备份恢复');
  const untouched = (e: unknown): never => {
    const known = e instanceof AppError ? e : faultOf(e);
    if (known) throw new AppError(known.code, `未恢复，现有数据未改动：${known.message}`, known.issues);
    throw e;
  };
  let extracted: ReturnType<typeof extractBackup>;
  try {
    extracted = extractBackup(ctx.dataDir, bytes);
  } catch (e) {
    return untouched(e);
  }
  const fresh = `${ctx.dbPath}.restore-${randomUUID().slice(0, 8)}.tmp`;
  const removeFresh = () => {
    for (const s of ['', '-wal', '-shm', '-journal']) rmSync(fresh + s, { force: true });
  };
  try {
    let summary: RebuildSummary;
    const { rebuildLedger, issuesError } = await loadRebuild();
    try {
      const built = rebuildLedger(extracted.dbFile, fresh, { blobs: extracted.blobs, damaged: extracted.damaged, dataDir: ctx.dataDir, now: ctx.now() });
      summary = built.summary;
      try {
        if (summary.issueCount > 0 && !opts.skipInvalid) throw issuesError(summary);
        // one self-contained file: no -wal beside it when it is renamed into place
        built.db.pragma('journal_mode = DELETE');
      } finally {
        built.db.close();
      }
    } catch (e) {
      return untouched(e);
    }
    let safetyBackup: BackupInfo;
    try {
      safetyBackup = await createBackup(ctx, 'before-restore');
    } catch (e) {
      return untouched(e);
    }
    try {
      for (const [sha, data] of extracted.blobs) storeBlob(ctx.dataDir, data, sha);
    } catch (e) {
      return untouched(e);
    }
    swapInto(ctx, fresh);
    return { check: checkOf(summary, extracted.createdAt, issuesError), safetyBackup, schemaVersion: schemaVersion(ctx.db) };
  } finally {
    removeFresh();
    extracted.cleanup();
  }
}

/**
 * Renames the rebuilt file over the live ledger. The live database is first
 * switched out of WAL mode, which SQLite allows only when no other process has
 * it open (a CLI import, a second window): then nothing else holds it and no
 * stale -wal can be applied to the new file.
 */
function swapInto(ctx: CoreContext, fresh: string): void {
  try {
    ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    const mode = ctx.db.pragma('journal_mode = DELETE', { simple: true });
    if (mode !== 'delete') throw new Error('busy');
  } catch {
    try {
      ctx.db.pragma('journal_mode = WAL');
    } catch {
      /* stays as it was */
    }
    throw new AppError('busy', '未恢复，现有数据未改动：台账正被另一个程序（如命令行导入、另一个法治台账窗口）使用。请关闭它后再恢复。');
  }
  ctx.db.close();
  try {
    // Windows: a virus scanner or the indexer may hold the just-closed file a moment
    for (let attempt = 1; ; attempt++) {
      try {
        renameSync(fresh, ctx.dbPath);
        break;
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (attempt >= 10 || (code !== 'EPERM' && code !== 'EBUSY' && code !== 'EACCES')) throw e;
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100 * attempt);
      }
    }
  } catch (e) {
    ctx.db = openDatabase(ctx.dbPath, ctx.migrate);
    throw new AppError(
      'internal',
      `未恢复，现有数据未改动：无法替换数据库文件（${(e as NodeJS.ErrnoException).code ?? ''}）。请关闭其他正在使用台账的程序后重试。`,
    );
  }
  ctx.db = openDatabase(ctx.dbPath, ctx.migrate);
}

/** A backup in the backups folder, by name (no paths from outside). */
export function backupPathByName(dataDir: string, name: string): string {
  if (!NAME_RE.test(name)) throw new AppError('invalid_input', `备份文件名无效：${name.slice(0, 80)}`);
  const p = join(backupsDir(dataDir), name);
  if (!existsSync(p)) throw new AppError('not_found', '找不到这个备份，可能已被清理。请刷新备份列表后再选。');
  return p;
}
