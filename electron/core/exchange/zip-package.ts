// A data package with its attachments (「含附件」): a .zip holding package.json
// (data package v1, plus an `attachments` list that older readers ignore) and
// attachments/<sha256> files. Import previews like a .json package and writes
// the records and the attachment rows in the same transaction.
import { localDateStamp } from '../util/local-date.ts';
import { loadJSZip } from '../util/load-on-use.ts';
import type { AttachmentImportCounts, ZipImportReport } from '../../shared/contract/exchange.ts';
import { REGISTERS, type RegisterName } from '../../shared/registers.ts';
import type { CoreContext } from '../context.ts';
import {
  ATTACHMENT_REGISTERS,
  blobPath,
  checkAttachmentRow,
  getAttachment,
  insertAttachmentRow,
  isSha256,
  MAX_ATTACHMENT_BYTES,
  readBlobVerified,
  storeBlob,
  type AttachmentInfo,
} from '../attachments/store.ts';
import { isZipBytes, listZip, readZipEntry } from '../util/zip-read.ts';
import { getRecord } from '../registers/repository.ts';
import { prepared } from '../db/statements.ts';
import { AppError } from '../util/errors.ts';
import { buildPackage } from './export-package.ts';
import { personalKeys } from './package-format.ts';
import { PackageImport } from './import-package.ts';
import { existsSync } from 'node:fs';

export interface ZipBytes {
  fileName: string;
  bytes: Buffer;
  counts: Record<RegisterName, number>;
  attachments: number;
}

type PackageAttachment = Omit<AttachmentInfo, 'isImage'>;

export async function exportPackageZip(ctx: CoreContext, opts: { year?: number; department?: string; withPersonal?: boolean }): Promise<ZipBytes> {
  const { pkg, counts } = buildPackage(ctx, opts);
  const zip = new (await loadJSZip())();
  const list: PackageAttachment[] = [];
  for (const register of ATTACHMENT_REGISTERS) {
    // the scans of a register that holds personal data (调解协议书 …) are personal data too
    if (!opts.withPersonal && personalKeys(register).length > 0) continue;
    const ids = new Set(((pkg[register] as { id: string }[]) ?? []).map((r) => r.id));
    if (ids.size === 0) continue;
    const rows = prepared(ctx.db, 'SELECT * FROM attachments WHERE register = ? AND deleted_at IS NULL ORDER BY created_at, id').all(register) as {
      id: string;
      record_id: string;
      file_name: string;
      mime: string;
      size: number;
      sha256: string;
      created_at: string;
    }[];
    for (const a of rows) {
      if (!ids.has(a.record_id)) continue;
      // only a file named by its content, whose bytes still hash to that name
      if (!zip.file(`attachments/${a.sha256}`)) {
        const content = readBlobVerified(ctx.dataDir, a.sha256);
        if (!content) continue;
        zip.file(`attachments/${a.sha256}`, content, { compression: 'STORE' });
      }
      list.push({ id: a.id, register, recordId: a.record_id, fileName: a.file_name, mime: a.mime, size: a.size, sha256: a.sha256, createdAt: a.created_at });
    }
  }
  pkg.attachments = list;
  zip.file('package.json', `${JSON.stringify(pkg, null, 2)}\n`, { compression: 'DEFLATE' });
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  const township = (pkg.township as { name: string }).name;
  const stamp = localDateStamp(ctx.now());
  const fileName = `${township}${opts.department ?? ''}${opts.year ? `${opts.year}年` : '全部'}台账数据包（含附件）-${stamp}.zip`;
  return { fileName, bytes, counts, attachments: list.length };
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A 含附件 package: checked on its directory before anything is inflated. */
export const PACKAGE_ZIP_LIMITS = {
  maxEntries: 100_000,
  maxEntryBytes: 512 * 1024 * 1024,
  maxTotalBytes: 2 * 1024 * 1024 * 1024,
  what: '数据包',
  maxRatio: 100,
};

export async function importPackageZip(
  ctx: CoreContext,
  bytes: Uint8Array,
  opts: { dryRun: boolean; skipInvalid?: boolean; restoreFromBin?: boolean; beforeWrite?: () => Promise<unknown> },
): Promise<ZipImportReport> {
  if (!isZipBytes(bytes)) throw new AppError('invalid_input', '无法读取这个 .zip 文件：文件已损坏，或不是法治台账导出的「含附件」数据包');
  const entries = listZip(bytes, PACKAGE_ZIP_LIMITS);
  const byName = new Map(entries.filter((e) => !e.dir).map((e) => [e.name, e]));
  const entry = byName.get('package.json') ?? entries.find((f) => !f.dir && /(^|\/)[^/]+\.json$/.test(f.name) && !f.name.startsWith('attachments/')) ?? null;
  if (!entry) throw new AppError('invalid_input', '这个压缩包不是法治台账导出的「含附件」数据包（里面没有台账数据），无法导入');
  const text = readZipEntry(bytes, entry, '数据包').toString('utf8');

  // attachments: check each against its file and its record before anything is written
  let data: Record<string, unknown> = {};
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>;
  } catch {
    /* importPackage reports it */
  }
  const counts: AttachmentImportCounts = { new: 0, existing: 0, invalid: 0, issues: [] };
  const toInsert: PackageAttachment[] = [];
  const blobs = new Map<string, Buffer>();
  const packageIds = new Map<string, Set<string>>();
  for (const r of ATTACHMENT_REGISTERS) packageIds.set(r, new Set(Array.isArray(data[r]) ? (data[r] as unknown[]).filter(isObj).map((x) => String(x.id)) : []));
  const list = Array.isArray(data.attachments) ? data.attachments : [];
  const now = ctx.now().toISOString();
  for (const [i, raw] of list.entries()) {
    const name = isObj(raw) && typeof raw.fileName === 'string' ? raw.fileName.slice(0, 120) : `第${i + 1}个附件`;
    const bad = (message: string) => {
      counts.invalid++;
      if (counts.issues.length < 200) counts.issues.push({ attachment: name, message });
    };
    if (!isObj(raw)) {
      bad('附件信息应为对象');
      continue;
    }
    const sha = isSha256(raw.sha256) ? raw.sha256 : null;
    let content: Buffer | null = sha ? (blobs.get(sha) ?? null) : null;
    if (sha && !content) {
      const f = byName.get(`attachments/${sha}`) ?? byName.get(`attachments/${sha.slice(0, 2)}/${sha}`);
      if (f) {
        if (f.size > MAX_ATTACHMENT_BYTES) {
          bad('附件超过 20 MB');
          continue;
        }
        content = readZipEntry(bytes, f, '数据包');
      } else if (!existsSync(blobPath(ctx.dataDir, sha))) {
        bad('压缩包中缺少这个附件的文件');
        continue;
      }
    }
    // the same rules as a backup's attachment rows: mime and size measured, never taken from the package
    const checked = checkAttachmentRow(ctx.dataDir, { ...raw, deletedAt: null }, content, now);
    if (typeof checked === 'string') {
      bad(checked);
      continue;
    }
    if (checked.missingFile) {
      bad('附件文件已损坏或缺失');
      continue;
    }
    const a = checked.row;
    if (getAttachment(ctx.db, a.id)) {
      counts.existing++;
      continue;
    }
    if (!packageIds.get(a.register)!.has(a.recordId) && !getRecord(ctx.db, REGISTERS[a.register], a.recordId)) {
      bad(`所属的${REGISTERS[a.register].label}记录既不在数据包中也不在本机台账中`);
      continue;
    }
    if (content) blobs.set(a.sha256, content);
    toInsert.push({
      id: a.id,
      register: a.register,
      recordId: a.recordId,
      sha256: a.sha256,
      fileName: a.fileName,
      mime: a.mime,
      size: a.size,
      createdAt: a.createdAt,
    });
  }

  const planned = PackageImport.plan(ctx, text, {
    dryRun: opts.dryRun,
    skipInvalid: opts.skipInvalid,
    restoreFromBin: opts.restoreFromBin,
    afterWrite: () => {
      for (const a of toInsert) {
        // only for a record that is now in the ledger (an invalid, skipped record brings no attachments)
        if (getRecord(ctx.db, REGISTERS[a.register], a.recordId)) insertAttachmentRow(ctx.db, a);
      }
    },
  });
  const preview = planned.report;
  // an attachment of a record the import skips (invalid) is not counted as new
  const written = (a: PackageAttachment) => !preview.issues.some((i) => i.register === a.register && i.id === a.recordId);
  counts.new = toInsert.filter(written).length;
  const blocked = (preview.issues.length > 0 || counts.invalid > 0) && !opts.skipInvalid;
  if (opts.dryRun || blocked) return { ...preview, dryRun: opts.dryRun, attachments: counts };
  await opts.beforeWrite?.();
  for (const [sha, content] of blobs) storeBlob(ctx.dataDir, content, sha);
  // the plan is written as made, unless the ledger changed meanwhile (then planned again)
  const report = planned.write();
  return { ...report, attachments: counts };
}
