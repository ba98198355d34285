// Photos and scans attached to the records of registers that take them (`attachments: true`).
// Files live once per content in <dataDir>/attachments/<sha[0:2]>/<sha>; the
// attachments table says which record holds which file. An attachment follows
// its record into the 回收站 (hidden while the record is deleted).
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AttachmentInfo, AttachmentRegister } from '../../shared/contract/attachments.ts';
import { ATTACHMENT_REGISTER_NAMES, REGISTERS, type RegisterName } from '../../shared/registers.ts';

export type { AttachmentInfo, AttachmentRegister };
import { isoNow, type CoreContext } from '../context.ts';
import type { Db } from '../db/connection.ts';
import { getRecord } from '../registers/repository.ts';
import { prepared } from '../db/statements.ts';
import { RECORD_ID_RE } from '../registers/write.ts';
import { AppError } from '../util/errors.ts';

/** The registers whose records take attachments (`attachments: true` on the definition). */
export const ATTACHMENT_REGISTERS: readonly AttachmentRegister[] = ATTACHMENT_REGISTER_NAMES;
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

interface Row {
  id: string;
  register: AttachmentRegister;
  record_id: string;
  file_name: string;
  mime: string;
  size: number;
  sha256: string;
  created_at: string;
  deleted_at: string | null;
}

export const attachmentsDir = (dataDir: string) => join(dataDir, 'attachments');
/** A stored file is named by its content: exactly 64 lower-case hex digits, nothing else. */
export const SHA256_RE = /^[0-9a-f]{64}$/;
export const isSha256 = (s: unknown): s is string => typeof s === 'string' && SHA256_RE.test(s);

/** Where the file of this content lives; any other name (`../…`, a path) is refused. */
export function blobPath(dataDir: string, sha: string): string {
  if (!isSha256(sha)) throw new AppError('invalid_input', '附件校验值无效，已拒绝');
  return join(attachmentsDir(dataDir), sha.slice(0, 2), sha);
}

/** The stored file's bytes, only when they still hash to its name (null: missing or damaged). */
export function readBlobVerified(dataDir: string, sha: string): Buffer | null {
  if (!isSha256(sha)) return null;
  const file = blobPath(dataDir, sha);
  if (!existsSync(file)) return null;
  const bytes = readFileSync(file);
  return sha256Of(bytes) === sha ? bytes : null;
}

/** The file type by its first bytes; null when it is neither an image we show nor a PDF. */
export function sniffMime(b: Uint8Array): string | null {
  const starts = (...sig: number[]) => sig.every((x, i) => b[i] === x);
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0x47, 0x49, 0x46, 0x38) && (b[4] === 0x37 || b[4] === 0x39) && b[5] === 0x61) return 'image/gif';
  if (starts(0x52, 0x49, 0x46, 0x46) && b[8] === 0x57 && b[9] === 0x45 && b[10] === 0x42 && b[11] === 0x50) return 'image/webp';
  if (starts(0x42, 0x4d) && b.length > 14) return 'image/bmp';
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf';
  return null;
}

export const sha256Of = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

const toInfo = (r: Row): AttachmentInfo => ({
  id: r.id,
  register: r.register,
  recordId: r.record_id,
  fileName: r.file_name,
  mime: r.mime,
  size: r.size,
  sha256: r.sha256,
  createdAt: r.created_at,
  isImage: r.mime.startsWith('image/'),
});

function cleanName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const s = base
    // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
    .replace(/[\u0000-\u001f<>:"|?*]/g, '_')
    .trim()
    .slice(-120);
  return s || '附件';
}

/** Writes the bytes under their hash unless already there (write, then rename: never a half file). */
export function storeBlob(dataDir: string, bytes: Uint8Array, sha = sha256Of(bytes)): string {
  if (sha256Of(bytes) !== sha) throw new AppError('invalid_input', '附件文件与校验值不符，未保存');
  const target = blobPath(dataDir, sha);
  if (existsSync(target)) return sha;
  mkdirSync(join(attachmentsDir(dataDir), sha.slice(0, 2)), { recursive: true });
  const tmp = `${target}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, target);
  return sha;
}

/** Checks size and type; throws a Chinese refusal naming the file. */
export function checkAttachmentBytes(fileName: string, bytes: Uint8Array): string {
  if (bytes.length === 0) throw new AppError('invalid_input', `“${fileName}”是空文件，未添加`);
  if (bytes.length > MAX_ATTACHMENT_BYTES) {
    throw new AppError(
      'invalid_input',
      `“${fileName}”有 ${(bytes.length / 1024 / 1024).toFixed(1)} MB，超过 20 MB 上限，未添加。请压缩图片或分页扫描后再添加。`,
    );
  }
  const mime = sniffMime(bytes);
  if (!mime) {
    throw new AppError('invalid_input', `“${fileName}”不是图片或 PDF 文件，未添加。附件只能是照片（JPG、PNG、GIF、WEBP、BMP）或 PDF 扫描件。`);
  }
  return mime;
}

function requireLiveRecord(db: Db, register: AttachmentRegister, recordId: string): void {
  const def = REGISTERS[register];
  const rec = getRecord<{ deletedAt: string | null }>(db, def, recordId);
  if (!rec) throw new AppError('not_found', `找不到这条${def.label}记录，可能已被删除，无法添加附件`);
  if (rec.deletedAt) throw new AppError('conflict', `这条${def.label}记录在回收站中，请先恢复再添加附件`);
}

export function assertAttachmentRegister(register: RegisterName): asserts register is AttachmentRegister {
  if (!(ATTACHMENT_REGISTERS as readonly string[]).includes(register)) {
    throw new AppError('invalid_input', `${REGISTERS[register].label}不支持附件`);
  }
}

export function addAttachment(ctx: CoreContext, register: AttachmentRegister, recordId: string, fileName: string, bytes: Uint8Array): AttachmentInfo {
  const name = cleanName(fileName);
  const mime = checkAttachmentBytes(name, bytes);
  requireLiveRecord(ctx.db, register, recordId);
  const sha = storeBlob(ctx.dataDir, bytes);
  const id = randomUUID();
  prepared(
    ctx.db,
    `INSERT INTO attachments (id, register, record_id, file_name, mime, size, sha256, created_at, deleted_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)`,
  ).run(id, register, recordId, name, mime, bytes.length, sha, isoNow(ctx));
  // a demo record given a photo is the clerk's now: 清除示例数据 leaves it
  prepared(ctx.db, 'DELETE FROM demo_records WHERE register = ? AND record_id = ?').run(register, recordId);
  return getAttachment(ctx.db, id)!;
}

export function getAttachment(db: Db, id: string): AttachmentInfo | null {
  const row = prepared(db, 'SELECT * FROM attachments WHERE id = ? AND deleted_at IS NULL').get(id) as Row | undefined;
  return row ? toInfo(row) : null;
}

/** The attachments of a record; none while the record is in the 回收站 (unless asked). */
export function listAttachments(db: Db, register: AttachmentRegister, recordId: string, opts: { includeDeletedRecord?: boolean } = {}): AttachmentInfo[] {
  const def = REGISTERS[register];
  const rows = prepared(
    db,
    `SELECT a.* FROM attachments a JOIN ${def.table} r ON r.id = a.record_id
    WHERE a.register = ? AND a.record_id = ? AND a.deleted_at IS NULL ${opts.includeDeletedRecord ? '' : 'AND r.deleted_at IS NULL'}
    ORDER BY a.created_at, a.id`,
  ).all(register, recordId) as Row[];
  return rows.map(toInfo);
}

/** Number of live attachments per record id, for list badges. */
export function attachmentCounts(db: Db, register: AttachmentRegister, recordIds: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  if (recordIds.length === 0) return out;
  const rows = db
    .prepare(
      `SELECT record_id AS id, COUNT(*) AS n FROM attachments
    WHERE register = ? AND deleted_at IS NULL AND record_id IN (${recordIds.map(() => '?').join(',')}) GROUP BY record_id`,
    )
    .all(register, ...recordIds) as { id: string; n: number }[];
  for (const r of rows) out[r.id] = r.n;
  return out;
}

export function readAttachment(ctx: CoreContext, id: string): { info: AttachmentInfo; bytes: Buffer } {
  const info = getAttachment(ctx.db, id);
  if (!info) throw new AppError('not_found', '找不到这个附件，可能已被删除');
  const def = REGISTERS[info.register];
  const rec = getRecord<{ deletedAt: string | null }>(ctx.db, def, info.recordId);
  if (!rec || rec.deletedAt) throw new AppError('not_found', `附件所属的${def.label}记录已删除`);
  if (!isSha256(info.sha256)) throw new AppError('not_found', `附件“${info.fileName}”的记录已损坏，无法打开。可从备份恢复。`);
  const file = blobPath(ctx.dataDir, info.sha256);
  if (!existsSync(file)) throw new AppError('not_found', `附件文件“${info.fileName}”丢失。可从备份恢复。`);
  const bytes = readBlobVerified(ctx.dataDir, info.sha256);
  if (!bytes) throw new AppError('not_found', `附件文件“${info.fileName}”已损坏（内容与校验值不符），未打开。可从备份恢复。`);
  return { info, bytes };
}

export function removeAttachment(ctx: CoreContext, id: string): { id: string } {
  const changes = prepared(ctx.db, 'UPDATE attachments SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL').run(isoNow(ctx), id).changes;
  if (!changes) throw new AppError('not_found', '找不到这个附件，可能已被删除');
  return { id };
}

/** Every live attachment row (optionally of these records only), for backups and packages. */
export function allAttachmentRows(db: Db): AttachmentInfo[] {
  return (db.prepare('SELECT * FROM attachments WHERE deleted_at IS NULL ORDER BY created_at, id').all() as Row[]).map(toInfo);
}

/** Inserts an attachment row from a package (file already stored); false when the id is known. */
export function insertAttachmentRow(db: Db, a: Omit<AttachmentInfo, 'isImage'>): boolean {
  return (
    prepared(
      db,
      `INSERT OR IGNORE INTO attachments (id, register, record_id, file_name, mime, size, sha256, created_at, deleted_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)`,
    ).run(a.id, a.register, a.recordId, cleanName(a.fileName), a.mime, a.size, a.sha256, a.createdAt).changes > 0
  );
}

export interface AttachmentRowCheck {
  row: Omit<AttachmentInfo, 'isImage'> & { deletedAt: string | null };
  /** the file's content when it came with the row (package, backup) */
  missingFile: boolean;
}

const isTime = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v));

/**
 * An attachment row from outside (a 含附件 package or a backup), checked by the
 * same rules wherever it comes from: id, register, record, a content name of
 * exactly 64 hex digits; `mime` and `size` are measured from the file, never
 * taken from the row. `file`: the content that came with it, if any.
 */
export function checkAttachmentRow(
  dataDir: string,
  raw: { id?: unknown; register?: unknown; recordId?: unknown; sha256?: unknown; fileName?: unknown; createdAt?: unknown; deletedAt?: unknown },
  file: Buffer | null,
  now: string,
): AttachmentRowCheck | string {
  const { id, register, recordId, sha256 } = raw;
  if (typeof id !== 'string' || !RECORD_ID_RE.test(id)) return '附件编号缺失或无效';
  if (typeof register !== 'string' || !(ATTACHMENT_REGISTERS as readonly string[]).includes(register)) return '附件所属台账无效';
  if (typeof recordId !== 'string' || !RECORD_ID_RE.test(recordId)) return '附件所属记录无效';
  if (!isSha256(sha256)) return '附件校验值无效（应为64位十六进制数字）';
  if (raw.deletedAt !== null && raw.deletedAt !== undefined && !isTime(raw.deletedAt)) return '附件删除时间无效';
  let content = file;
  if (content && sha256Of(content) !== sha256) return '附件文件已损坏（校验值不符）';
  if (!content) content = readBlobVerified(dataDir, sha256);
  let mime: string | null = null;
  if (content) {
    if (content.length > MAX_ATTACHMENT_BYTES) return '附件超过 20 MB';
    mime = sniffMime(content);
    if (!mime) return '附件不是图片或 PDF 文件';
  }
  return {
    row: {
      id,
      register: register as AttachmentRegister,
      recordId,
      sha256,
      fileName: cleanName(typeof raw.fileName === 'string' ? raw.fileName : '附件'),
      mime: mime ?? 'application/octet-stream',
      size: content?.length ?? 0,
      createdAt: isTime(raw.createdAt) ? new Date(raw.createdAt).toISOString() : now,
      deletedAt: isTime(raw.deletedAt) ? new Date(raw.deletedAt).toISOString() : null,
    },
    missingFile: !content,
  };
}
