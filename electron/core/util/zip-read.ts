// A small, strict .zip reader for files from outside (backups, 含附件 packages,
// .xlsx): the central directory is read first, every entry's declared size is
// checked against the caller's limits before anything is inflated, and
// inflation is bounded by the declared size, so a zip bomb costs at most what
// its directory admits. Names with `..`, absolute paths, drive letters or
// backslashes are refused outright.
import { crc32, inflateRawSync } from 'node:zlib';
import { AppError } from './errors.ts';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  crc: number;
  /** offset of the local file header */
  offset: number;
  dir: boolean;
}

export interface ZipLimits {
  /** most entries the directory may list */
  maxEntries: number;
  /** largest uncompressed size of one entry */
  maxEntryBytes: number;
  /** largest sum of the uncompressed sizes */
  maxTotalBytes: number;
  /** what the file is, in messages: 备份文件, 数据包, Excel 文件 */
  what: string;
  /** most an entry over 16 MB may expand (uncompressed : compressed); real data stays far below, a bomb far above */
  maxRatio?: number;
}

const RATIO_FLOOR = 16 * 1024 * 1024;

const EOCD_SIG = 0x06054b50;
const CEN_SIG = 0x02014b50;
const LOC_SIG = 0x04034b50;

export const mbText = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

/** An archive entry name that stays inside the folder it is extracted to. */
export function safeEntryName(name: string): boolean {
  if (name === '' || name.includes('\\') || name.includes('\0')) return false;
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return false;
  return !name.split('/').some((part) => part === '..');
}

/** Lists the entries and checks them against the limits; inflates nothing. */
export function listZip(bytes: Uint8Array, limits: ZipLimits): ZipEntry[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const broken = () => new AppError('invalid_input', `${limits.what}已损坏（压缩包目录无法读取）`);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw broken();
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new AppError('invalid_input', `${limits.what}太大（超过 4 GB 的压缩包不支持）`);
  if (count > limits.maxEntries) throw new AppError('invalid_input', `${limits.what}中的文件太多（${count} 个，上限 ${limits.maxEntries} 个）`);
  if (cdOffset + cdSize > eocd) throw broken();
  const entries: ZipEntry[] = [];
  let total = 0;
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CEN_SIG) throw broken();
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const compressedSize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const offset = buf.readUInt32LE(p + 42);
    const nameBytes = buf.subarray(p + 46, p + 46 + nameLen);
    const name = flags & 0x800 ? nameBytes.toString('utf8') : nameBytes.toString('latin1');
    p += 46 + nameLen + extraLen + commentLen;
    if (size === 0xffffffff || compressedSize === 0xffffffff || offset === 0xffffffff) {
      throw new AppError('invalid_input', `${limits.what}太大（超过 4 GB 的文件不支持）`);
    }
    if (!safeEntryName(name)) throw new AppError('invalid_input', `${limits.what}中有不安全的文件名（“${name.slice(0, 60)}”），已拒绝`);
    if (flags & 0x1) throw new AppError('invalid_input', `${limits.what}是加密的压缩包，无法读取`);
    const dir = name.endsWith('/');
    if (!dir && method !== 0 && method !== 8) throw new AppError('invalid_input', `${limits.what}使用了不支持的压缩方式`);
    if (size > limits.maxEntryBytes) {
      throw new AppError('invalid_input', `${limits.what}中的“${name.slice(0, 60)}”解压后有 ${mbText(size)}，超过上限 ${mbText(limits.maxEntryBytes)}，已拒绝`);
    }
    if (limits.maxRatio && size > RATIO_FLOOR && size > compressedSize * limits.maxRatio) {
      throw new AppError(
        'invalid_input',
        `${limits.what}中的“${name.slice(0, 60)}”压缩比异常（${mbText(compressedSize)} 解压为 ${mbText(size)}），可能是恶意构造的压缩包，已拒绝`,
      );
    }
    total += size;
    if (total > limits.maxTotalBytes) {
      throw new AppError('invalid_input', `${limits.what}解压后超过 ${mbText(limits.maxTotalBytes)}，已拒绝（可能是异常的压缩包）`);
    }
    entries.push({ name, method, compressedSize, size, crc, offset, dir });
  }
  return entries;
}

/** Inflates one entry, never beyond its declared size; the CRC must match. */
export function readZipEntry(bytes: Uint8Array, e: ZipEntry, what: string): Buffer {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const broken = () => new AppError('invalid_input', `${what}已损坏（“${e.name.slice(0, 60)}”无法解压）`);
  if (e.offset + 30 > buf.length || buf.readUInt32LE(e.offset) !== LOC_SIG) throw broken();
  const start = e.offset + 30 + buf.readUInt16LE(e.offset + 26) + buf.readUInt16LE(e.offset + 28);
  if (start + e.compressedSize > buf.length) throw broken();
  const raw = buf.subarray(start, start + e.compressedSize);
  let out: Buffer;
  if (e.method === 0) {
    out = Buffer.from(raw);
  } else {
    try {
      // one byte of room: more output than declared is a lie, not a bigger buffer
      out = e.size === 0 ? Buffer.alloc(0) : inflateRawSync(raw, { maxOutputLength: e.size + 1 });
    } catch {
      throw broken();
    }
  }
  if (out.length !== e.size || crc32(out) >>> 0 !== e.crc) throw broken();
  return out;
}

/** Checks a whole archive: directory within limits and every entry inflating to exactly its declared size. */
export function verifyZip(bytes: Uint8Array, limits: ZipLimits): ZipEntry[] {
  const entries = listZip(bytes, limits);
  for (const e of entries) if (!e.dir) readZipEntry(bytes, e, limits.what);
  return entries;
}

export const isZipBytes = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
