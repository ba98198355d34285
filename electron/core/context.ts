import type { Db } from './db/connection.ts';

/** What every handler gets: the open database and where the data lives. */
export interface CoreContext {
  db: Db;
  dbPath: string;
  /** folder beside the database for backups and attachments */
  dataDir: string;
  mode: 'desktop' | 'web' | 'cli';
  now: () => Date;
}

/** ISO 8601 with milliseconds, UTC: sorts as text. */
export const isoNow = (ctx: Pick<CoreContext, 'now'>) => ctx.now().toISOString();
