// The core: one database, one handler map, callable from any transport.
import { dirname } from 'node:path';
import type { InputOf, MethodName, OutputOf, ApiResult } from '../shared/contract/index.ts';
import { dispatch } from './api/dispatch.ts';
import type { CoreContext } from './context.ts';
import { openDatabase } from './db/connection.ts';
import { LATEST_VERSION, type MigrateOptions } from './db/migrations.ts';
import { backupBeforeImport, preMigrationBackup, removeStaleRestores } from './backup/backup.ts';
import { tooNewError } from './backup/older-build.ts';
import { AppError } from './util/errors.ts';
import { watchFolderForFaults } from './util/faults.ts';

export { maybeDailyBackup } from './backup/backup.ts';

export interface CoreOptions {
  dbPath: string;
  dataDir?: string;
  mode?: CoreContext['mode'];
  now?: () => Date;
  migrate?: MigrateOptions;
}

export interface Core {
  ctx: CoreContext;
  /** any method by name, input unchecked (transports) */
  dispatch: (method: string, input: unknown) => Promise<ApiResult<unknown>>;
  /** typed call (CLI, tests) */
  call: <K extends MethodName>(method: K, input: InputOf<K>) => Promise<ApiResult<OutputOf<K>>>;
  close: () => void;
}

export function createCore(options: CoreOptions): Core {
  const dataDir = options.dataDir ?? (options.dbPath === ':memory:' ? process.cwd() : dirname(options.dbPath));
  // a file database is backed up before its schema is upgraded, unless the caller says otherwise
  const migrate: MigrateOptions = {
    ...options.migrate,
    beforeMigrate: options.migrate?.beforeMigrate ?? (options.dbPath === ':memory:' ? undefined : preMigrationBackup(options.dbPath, dataDir)),
  };
  let db: CoreContext['db'];
  try {
    db = openDatabase(options.dbPath, migrate);
  } catch (e) {
    // a newer program's database: name the backup this program can open
    if (e instanceof AppError && e.code === 'db_too_new' && options.dbPath !== ':memory:') {
      throw tooNewError(options.dbPath, dataDir, migrate.migrations?.[migrate.migrations.length - 1]?.version ?? LATEST_VERSION);
    }
    throw e;
  }
  if (options.dbPath !== ':memory:') {
    watchFolderForFaults(dataDir);
    // a restore killed earlier left full ledger copies (personal data) behind: not forever
    removeStaleRestores(options.dbPath, dataDir, (options.now ?? (() => new Date()))());
  }
  const ctx: CoreContext = {
    db,
    dbPath: options.dbPath,
    dataDir,
    mode: options.mode ?? 'cli',
    now: options.now ?? (() => new Date()),
    migrate,
    backupBeforeImport: () => backupBeforeImport(ctx),
  };
  return {
    ctx,
    dispatch: (method, input) => dispatch(ctx, method, input),
    call: (method, input) => dispatch(ctx, method, input) as never,
    close: () => {
      if (ctx.db.open) ctx.db.close();
    },
  };
}
