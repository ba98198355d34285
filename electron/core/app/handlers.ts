// app.*: the program's version, its schema and where its data lives.
import type { appContract } from '../../shared/contract/app.ts';
import type { HandlersOf } from '../../shared/contract/index.ts';
import type { CoreContext } from '../context.ts';
import { schemaVersion } from '../db/migrations.ts';
import { APP_VERSION } from '../version.ts';

export const appHandlers: HandlersOf<typeof appContract, CoreContext> = {
  'app.info': (_input, ctx) => ({
    version: APP_VERSION,
    schemaVersion: schemaVersion(ctx.db),
    dbPath: ctx.dbPath,
    dataDir: ctx.dataDir,
    mode: ctx.mode,
    nodeVersion: process.versions.node,
  }),
};
