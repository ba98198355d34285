import type { Db } from './db/connection.ts';
import type { MigrateOptions } from './db/migrations.ts';
import type { BackupInfo } from '../shared/contract/backup.ts';

/** What every handler gets: the open database and where the data lives. */
export interface CoreContext {
  /** replaced (same object, new connection) when a backup is restored */
  db: Db;
  dbPath: string;
  /** folder beside the database for backups and attachments */
  dataDir: string;
  mode: 'desktop' | 'web' | 'cli';
  now: () => Date;
  /** how the database was opened, to reopen it the same way after a restore */
  migrate?: MigrateOptions;
  /**
   * The before-import backup (backup/backup.ts backupBeforeImport), set by createCore.
   * The importing domains (exchange, excel) call it through here: backup restores an
   * older ledger through them, so they cannot import backup back.
   */
  backupBeforeImport: () => Promise<BackupInfo | null>;
}

/** ISO 8601 with milliseconds, UTC: sorts as text. */
export const isoNow = (ctx: Pick<CoreContext, 'now'>) => ctx.now().toISOString();
