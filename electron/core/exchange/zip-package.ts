// A data package with its attachments (「含附件」): a .zip holding package.json
// (data package v1, plus an `attachments` list that older readers ignore) and
// attachments/<sha256> files. Import previews like a .json package and writes
// the records and the attachment rows in the same transaction.
import type JSZip from 'jszip';
import { loadJSZip } from '../util/load-on-use.ts';
import type { AttachmentImportCounts, ZipImportReport } from '../../shared/contract/custody.ts';
import { REGISTERS, type RegisterName } from '../../shared/registers.ts';
import type { CoreContext } from '../context.ts';
import {
  ATTACHMENT_REGISTERS, blobPath, getAttachment, insertAttachmentRow, MAX_ATTACHMENT_BYTES, sha256Of, sniffMime, storeBlob,
  type AttachmentInfo, type AttachmentRegister,
} from '../attachments/store.ts';
import { getRecord, prepared } from '../registers/repository.ts';
import { AppError } from '../util/errors.ts';
import { buildPackage } from './export-package.ts';
import { importPackage } from './import-package.ts';
import { existsSync, readFileSync } from 'node:fs';

export interface ZipBytes {
  fileName: string;
  bytes: Buffer;
  counts: Record<RegisterName, number>;
  attachments: number;
}



type PackageAttachment = Omit<AttachmentInfo, 'isImage'>;

export async function exportPackageZip(ctx: CoreContext, opts: { year?: number; department?: string }): Promise<ZipBytes> {
  const { pkg, counts } = buildPackage(ctx, opts);
  const zip = new (await loadJSZip())();
  const list: PackageAttachment[] = [];
  for (const register of ATTACHMENT_REGISTERS) {
    const ids = new Set(((pkg[register] as { id: string }[]) ?? []).map((r) => r.id));
    if (ids.size === 0) continue;
    const rows = prepared(ctx.db, 'SELECT * FROM attachments WHERE register = ? AND deleted_at IS NULL ORDER BY created_at, id').all(register) as {
      id: string; record_id: string; file_name: string; mime: string; size: number; sha256: string; created_at: string;
    }[];
    for (const a of rows) {
      if (!ids.has(a.record_id)) continue;
      const file = blobPath(ctx.dataDir, a.sha256);
      if (!existsSync(file)) continue;
      if (!zip.file(`attachments/${a.sha256}`)) zip.file(`attachments/${a.sha256}`, readFileSync(file), { compression: 'STORE' });
      list.push({ id: a.id, register, recordId: a.record_id, fileName: a.file_name, mime: a.mime, size: a.size, sha256: a.sha256, createdAt: a.created_at });
    }
  }
  pkg.attachments = list;
  zip.file('package.json', `${JSON.stringify(pkg, null, 2)}\n`, { compression: 'DEFLATE' });
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  const township = (pkg.township as { name: string }).name;
  const stamp = ctx.now().toISOString().slice(0, 10).replace(/-/g, '');
  const fileName = `${township}${opts.department ?? ''}${opts.year ? `${opts.year}年` : '全部'}台账数据包（含附件）-${stamp}.zip`;
  return { fileName, bytes, counts, attachments: list.length };
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export async function importPackageZip(
  ctx: CoreContext, bytes: Uint8Array, opts: { dryRun: boolean; skipInvalid?: boolean; beforeWrite?: () => Promise<unknown> },
): Promise<ZipImportReport> {
  let zip: JSZip;
  try {
    zip = await (await loadJSZip()).loadAsync(bytes, { checkCRC32: true });
  } catch {
    throw new AppError('invalid_input', '无法读取这个 .zip 文件：文件已损坏，或不是法治台账导出的「含附件」数据包');
  }
  const entry = zip.file('package.json') ?? Object.values(zip.files).find((f) => !f.dir && /(^|\/)[^/]+\.json$/.test(f.name) && !f.name.startsWith('attachments/')) ?? null;
  if (!entry) throw new AppError('invalid_input', '压缩包中没有 package.json，不是法治台账的「含附件」数据包');
  const text = await entry.async('string');

  // attachments: check each against its file and its record before anything is written
  let data: Record<string, unknown> = {};
  try { data = JSON.parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>; } catch { /* importPackage reports it */ }
  const counts: AttachmentImportCounts = { new: 0, existing: 0, invalid: 0, issues: [] };
  const toInsert: PackageAttachment[] = [];
  const blobs = new Map<string, Buffer>();
  const packageIds = new Map<string, Set<string>>();
  for (const r of ATTACHMENT_REGISTERS) packageIds.set(r, new Set(Array.isArray(data[r]) ? (data[r] as unknown[]).filter(isObj).map((x) => String(x.id)) : []));
  const list = Array.isArray(data.attachments) ? data.attachments : [];
  for (const [i, raw] of list.entries()) {
    const name = isObj(raw) && typeof raw.fileName === 'string' ? raw.fileName : `第${i + 1}个附件`;
    const bad = (message: string) => { counts.invalid++; if (counts.issues.length < 200) counts.issues.push({ attachment: name, message }); };
    if (!isObj(raw)) { bad('附件信息应为对象'); continue; }
    const { id, register, recordId, sha256 } = raw;
    if (typeof id !== 'string' || !/^[\w.:-]{1,64}$/.test(id)) { bad('附件编号缺失或无效'); continue; }
    if (typeof register !== 'string' || !(ATTACHMENT_REGISTERS as readonly string[]).includes(register)) { bad('附件所属台账无效'); continue; }
    if (typeof recordId !== 'string' || typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256)) { bad('附件所属记录或校验值无效'); continue; }
    const reg = register as AttachmentRegister;
    if (getAttachment(ctx.db, id)) { counts.existing++; continue; }
    if (!packageIds.get(reg)!.has(recordId) && !getRecord(ctx.db, REGISTERS[reg], recordId)) {
      bad(`所属的${REGISTERS[reg].label}记录（id=${recordId}）既不在数据包中也不在本机台账中`); continue;
    }
    let content = blobs.get(sha256) ?? null;
    if (!content) {
      const f = zip.file(`attachments/${sha256}`) ?? zip.file(`attachments/${sha256.slice(0, 2)}/${sha256}`);
      if (f) content = await f.async('nodebuffer');
      else if (existsSync(blobPath(ctx.dataDir, sha256))) content = null;
      else { bad('压缩包中缺少这个附件的文件'); continue; }
      if (content) {
        if (sha256Of(content) !== sha256) { bad('附件文件已损坏（校验值不符）'); continue; }
        if (content.length > MAX_ATTACHMENT_BYTES || !sniffMime(content)) { bad('附件不是 20 MB 以内的图片或 PDF'); continue; }
        blobs.set(sha256, content);
      }
    }
    counts.new++;
    toInsert.push({
      id, register: reg, recordId, sha256,
      fileName: typeof raw.fileName === 'string' ? raw.fileName : '附件',
      mime: typeof raw.mime === 'string' ? raw.mime : sniffMime(content ?? readFileSync(blobPath(ctx.dataDir, sha256))) ?? 'application/octet-stream',
      size: typeof raw.size === 'number' ? raw.size : content?.length ?? 0,
      createdAt: typeof raw.createdAt === 'string' ? raw.createdAt : ctx.now().toISOString(),
    });
  }

  const preview = importPackage(ctx, text, { dryRun: true, skipInvalid: opts.skipInvalid });
  const blocked = (preview.issues.length > 0 || counts.invalid > 0) && !opts.skipInvalid;
  if (opts.dryRun || blocked) return { ...preview, dryRun: opts.dryRun, attachments: counts };
  await opts.beforeWrite?.();
  for (const [sha, content] of blobs) storeBlob(ctx.dataDir, content, sha);
  const report = importPackage(ctx, text, {
    dryRun: false,
    skipInvalid: opts.skipInvalid,
    afterWrite: () => {
      for (const a of toInsert) {
        // only for a record that is now in the ledger (an invalid, skipped record brings no attachments)
        if (getRecord(ctx.db, REGISTERS[a.register], a.recordId)) insertAttachmentRow(ctx.db, a);
      }
    },
  });
  return { ...report, attachments: counts };
}
