// backup.*: backups into the backups folder, their check and restore.
import { z } from 'zod';
import type { RegisterName } from '../registers.ts';
import { base64Content, method, prefixed, type FileContent } from './define.ts';

export type BackupKind = 'daily' | 'manual' | 'before-import' | 'before-restore' | 'before-migrate' | 'before-clear';

export interface BackupInfo {
  /** file name in the backups folder (or of the chosen file) */
  name: string;
  path: string;
  kind: BackupKind;
  kindLabel: string;
  /** local time, YYYY-MM-DD HH:MM:SS */
  createdAt: string;
  /** bytes */
  size: number;
}

export interface BackupList {
  dbPath: string;
  dataDir: string;
  backupsDir: string;
  attachmentsDir: string;
  dbSize: number;
  backups: BackupInfo[];
}

export interface BackupCheck {
  ok: boolean;
  /** Chinese: why it cannot be restored, or that it is sound */
  message: string;
  schemaVersion: number | null;
  createdAt: string | null;
  township: string | null;
  counts: Record<RegisterName, number> | null;
  attachments: number;
  /** rows that cannot be restored (the first 200), naming the record, never personal data */
  issues: string[];
  issueCount: number;
}

export interface RestoreResult {
  check: BackupCheck;
  /** the backup of the state before the restore */
  safetyBackup: BackupInfo;
  schemaVersion: number;
}

const base64 = base64Content;
const backupName = z.string().min(1).max(120);

// The page never names a file path: a backup comes by name from the backups
// folder or as the content of a file the clerk chose (open dialog / upload).
// Paths are the CLI's alone (it calls electron/core/backup directly).
const backupSource = z
  .strictObject({
    /** a backup in the backups folder, by name */
    name: backupName.optional(),
    /** or a chosen file's content */
    base64: base64.optional(),
  })
  .refine((s) => [s.name, s.base64].filter((x) => x !== undefined).length === 1, '请选择一个备份（备份列表中的一个，或选择一个备份文件）');
const restoreSource = z
  .strictObject({
    name: backupName.optional(),
    base64: base64.optional(),
    /** restore the valid rows of a backup whose check listed invalid ones */
    skipInvalid: z.boolean().optional(),
  })
  .refine((s) => [s.name, s.base64].filter((x) => x !== undefined).length === 1, '请选择一个备份（备份列表中的一个，或选择一个备份文件）');

export const backupContract = {
  ...prefixed('backup', {
    /** where the data lives and the backups, newest first */
    list: method<BackupList>()(z.object({})),
    /** 立即备份 into the backups folder (备份到…: `download`, then the save dialog) */
    create: method<BackupInfo>()(z.strictObject({})),
    /** a fresh backup (or a listed one by name) as a file to save (备份到… in the page) */
    download: method<FileContent>()(z.object({ name: backupName.optional() })),
    /** checks a backup without changing anything */
    check: method<BackupCheck>()(backupSource),
    /** 从备份恢复: checks it, backs up the current data, then replaces it */
    restore: method<RestoreResult>()(restoreSource),
  }),
};
