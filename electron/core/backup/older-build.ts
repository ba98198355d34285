// A database newer than this program (the clerk went back to an older
// installer): refuse, and name the backup this program can open — the one
// taken automatically before the newer version upgraded the data.
import Database from 'better-sqlite3';
import { basename, dirname, join } from 'node:path';
import type { BackupInfo } from '../../shared/contract/backup.ts';
import { AppError } from '../util/errors.ts';
import { listBackups } from './backup.ts';

function schemaOf(file: string): number | null {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return db.pragma('user_version', { simple: true }) as number;
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

/** The newest database backup (.db, as taken before a schema upgrade) whose schema this program can open. */
export function backupForOlderBuild(dataDir: string, supportedVersion: number): (BackupInfo & { schemaVersion: number }) | null {
  for (const b of listBackups(dataDir)) {
    if (!b.name.endsWith('.db')) continue;
    const v = schemaOf(b.path);
    if (v !== null && v > 0 && v <= supportedVersion) return { ...b, schemaVersion: v };
  }
  return null;
}

/** The refusal, with what to do: install the newer version again, or put the named backup in place. */
export function tooNewError(dbPath: string, dataDir: string, supportedVersion: number): AppError {
  const head = `数据库由更新版本的法治台账创建（数据结构版本 ${schemaOf(dbPath) ?? '未知'}，本程序支持到 ${supportedVersion}），为防止损坏数据已拒绝打开，数据库未作任何改动。`;
  const backup = backupForOlderBuild(dataDir, supportedVersion);
  const live = dbPath;
  const tail = backup
    ? `请重新安装较新版本的法治台账，数据即可照常使用。如必须使用本版本：先关闭法治台账，把 ${live}（以及同名的 -wal、-shm 文件）移到别处保存，再把升级前的备份 ${backup.path}（${backup.createdAt}，${backup.kindLabel}）复制到 ${dirname(dbPath)} 并改名为 ${basename(dbPath)}。注意：该备份之后录入或修改的内容不在其中。`
    : `请重新安装较新版本的法治台账，数据即可照常使用。备份文件夹 ${join(dataDir, 'backups')} 中没有本版本能打开的升级前备份。`;
  return new AppError('db_too_new', head + tail);
}
