// Faults of the machine, named plainly for the clerk: a full disk, a read-only
// folder or a U盘 pulled out, another program holding the ledger, a damaged
// file. Every transport (UI via dispatch, CLI) shows these instead of
// 「程序内部错误」 or SQLite's English.
import { statfsSync } from 'node:fs';
import { AppError } from './errors.ts';

const DISK_FULL = '磁盘空间已满，本次操作未完成，数据未改动。请删除不需要的文件（或换一个有空余空间的U盘、文件夹）后重试。';
const READ_ONLY = '无法写入数据所在的文件夹（只读、没有权限，或U盘已拔出），本次操作未完成，数据未改动。请检查U盘是否插好、文件夹是否可写后重试。';
const IO_ERROR = '读写磁盘时出错（U盘可能已拔出或损坏），本次操作未完成，数据未改动。请插好U盘后重新打开法治台账再试；如仍出错，请从备份恢复。';
const BUSY = '台账正被另一个程序（如命令行导入、另一个法治台账窗口）使用，等待超时，本次操作未完成，数据未改动。请稍后重试，或关闭另一个程序。';
const CORRUPT = '数据库文件已损坏，无法读取。请在“设置 → 数据备份”中从最近的备份恢复（命令行：restore 备份文件.zip）。';

/** Folders whose disk is asked for free space when a write fails (the open ledgers' data folders). */
const watched = new Set<string>();
export function watchFolderForFaults(dir: string): void {
  watched.add(dir);
}

/** Free bytes of a folder's disk (replaceable in tests: a full disk cannot be made on demand). */
export const freeSpace = {
  of(dir: string): number | null {
    try {
      const s = statfsSync(dir);
      return Number(s.bavail) * Number(s.bsize);
    } catch {
      return null;
    }
  },
};

/**
 * With 0 bytes free SQLite and the file system do not always say "full": a failed WAL or
 * journal write reads as an I/O error or a file it cannot open. The disk is then asked.
 */
function diskIsFull(): boolean {
  for (const d of watched) {
    const free = freeSpace.of(d);
    if (free !== null && free < 64 * 1024) return true;
  }
  return false;
}

/** The clerk's message for a fault of the disk or the database; null for anything else. */
export function faultOf(e: unknown): AppError | null {
  if (e instanceof AppError) return null;
  const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
  if (!code) return null;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return new AppError('disk_full', DISK_FULL);
  // a write that failed on a full disk is the full disk's fault, not a pulled U盘's
  if ((code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN') || code === 'EIO') && diskIsFull()) return new AppError('disk_full', DISK_FULL);
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return new AppError('read_only', READ_ONLY);
  if (code === 'SQLITE_CANTOPEN' || code.startsWith('SQLITE_CANTOPEN_')) return new AppError('read_only', READ_ONLY);
  if (code === 'EIO' || code === 'ENXIO' || code === 'ENODEV' || code.startsWith('SQLITE_IOERR')) {
    // SQLite reports a write that found no space as an I/O error on some systems
    const msg = e instanceof Error ? e.message : '';
    return /no space|disk is full|database or disk is full/i.test(msg) ? new AppError('disk_full', DISK_FULL) : new AppError('read_only', IO_ERROR);
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED') || code === 'EBUSY') return new AppError('busy', BUSY);
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return new AppError('corrupt', CORRUPT);
  return null;
}
