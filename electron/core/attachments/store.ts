// Photos and scans attached to activities, mediation cases and inspections.
// Files live once per content in <dataDir>/attachments/<sha[0:2]>/<sha>; the
// attachments table says which record holds which file. An attachment follows
// its record into the 回收站 (hidden while the record is deleted).
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AttachmentInfo, AttachmentRegister } from '../../shared/contract/custody.ts';
import { REGISTERS, type RegisterName } from '../../shared/registers.ts';

export type { AttachmentInfo, AttachmentRegister };
import { isoNow, type CoreContext } from '../context.ts';
import type { Db } from '../db/connection.ts';
import { getRecord, prepared } from '../registers/repository.ts';
import { AppError } from '../util/errors.ts';

export const ATTACHMENT_REGISTERS = ['activities', 'mediationCases', 'inspections'] as const satisfies readonly AttachmentRegister[];
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;


interface Row {
  id: string; register: AttachmentRegister; record_id: string; file_name: string; mime: string;
  size: number; sha256: string; created_at: string; deleted_at: string | null;
}

export const attachmentsDir = (dataDir: string) => join(dataDir, 'attachments');
export const blobPath = (dataDir: string, sha: string) => join(attachmentsDir(dataDir), sha.slice(0, 2), sha);

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
  id: r.id, register: r.register, recordId: r.record_id, fileName: r.file_name, mime: r.mime,
  size: r.size, sha256: r.sha256, createdAt: r.created_at, isImage: r.mime.startsWith('image/'),
});

function cleanName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const s = base.replace(/[\u0000-\u001f<>:"|?*]/g, '_').trim().slice(-120);
  return s || '附件';
}

/** Writes the bytes under their hash unless already there (write, then rename: never a half file). */
export function storeBlob(dataDir: string, bytes: Uint8Array, sha = sha256Of(bytes)): string {
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
    throw new AppError('invalid_input', `“${fileName}”有 ${(bytes.length / 1024 / 1024).toFixed(1)} MB，超过 20 MB 上限，未添加。请压缩图片或分页扫描后再添加。`);
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
  if (!rec) throw new AppError('not_found', `找不到这条${def.label}记录（id=${recordId}），无法添加附件`);
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
  prepared(ctx.db, `INSERT INTO attachments (id, register, record_id, file_name, mime, size, sha256, created_at, deleted_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)`).run(id, register, recordId, name, mime, bytes.length, sha, isoNow(ctx));
  return getAttachment(ctx.db, id)!;
}

export function getAttachment(db: Db, id: string): AttachmentInfo | null {
  const row = prepared(db, 'SELECT * FROM attachments WHERE id = ? AND deleted_at IS NULL').get(id) as Row | undefined;
  return row ? toInfo(row) : null;
}

/** The attachments of a record; none while the record is in the 回收站 (unless asked). */
export function listAttachments(db: Db, register: AttachmentRegister, recordId: string, opts: { includeDeletedRecord?: boolean } = {}): AttachmentInfo[] {
  const def = REGISTERS[register];
  const rows = prepared(db, `SELECT a.* FROM attachments a JOIN ${def.table} r ON r.id = a.record_id
    WHERE a.register = ? AND a.record_id = ? AND a.deleted_at IS NULL ${opts.includeDeletedRecord ? '' : 'AND r.deleted_at IS NULL'}
    ORDER BY a.created_at, a.id`).all(register, recordId) as Row[];
  return rows.map(toInfo);
}

/** Number of live attachments per record id, for list badges. */
export function attachmentCounts(db: Db, register: AttachmentRegister, recordIds: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  if (recordIds.length === 0) return out;
  const rows = db.prepare(`SELECT record_id AS id, COUNT(*) AS n FROM attachments
    WHERE register = ? AND deleted_at IS NULL AND record_id IN (${recordIds.map(() => '?').join(',')}) GROUP BY record_id`)
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
  const file = blobPath(ctx.dataDir, info.sha256);
  if (!existsSync(file)) throw new AppError('not_found', `附件文件“${info.fileName}”丢失（${file}）。可从备份恢复。`);
  return { info, bytes: readFileSync(file) };
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
  return prepared(db, `INSERT OR IGNORE INTO attachments (id, register, record_id, file_name, mime, size, sha256, created_at, deleted_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)`).run(a.id, a.register, a.recordId, cleanName(a.fileName), a.mime, a.size, a.sha256, a.createdAt).changes > 0;
}
