// The core: one database, one handler map, callable from any transport.
import { dirname } from 'node:path';
import type { InputOf, MethodName, OutputOf, ApiResult } from '../shared/contract/index.ts';
import { dispatch } from './api/dispatch.ts';
import type { CoreContext } from './context.ts';
import { openDatabase } from './db/connection.ts';
import type { MigrateOptions } from './db/migrations.ts';

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
  const db = openDatabase(options.dbPath, options.migrate);
  const ctx: CoreContext = {
    db,
    dbPath: options.dbPath,
    dataDir: options.dataDir ?? (options.dbPath === ':memory:' ? process.cwd() : dirname(options.dbPath)),
    mode: options.mode ?? 'cli',
    now: options.now ?? (() => new Date()),
  };
  return {
    ctx,
    dispatch: (method, input) => dispatch(ctx, method, input),
    call: (method, input) => dispatch(ctx, method, input) as never,
    close: () => {
      if (db.open) db.close();
    },
  };
}
