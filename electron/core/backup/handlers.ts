// backup.*: backups into the backups folder, their check and restore.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { backupContract } from '../../shared/contract/backup.ts';
import type { HandlersOf } from '../../shared/contract/index.ts';
import { attachmentsDir } from '../attachments/store.ts';
import type { CoreContext } from '../context.ts';
import { backupPathByName, backupsDir, createBackup, listBackups, openBackup, restoreBackup } from './backup.ts';

/** A backup named from the backups folder, or the content of a file the clerk chose: never a path. */
function readSource(ctx: CoreContext, src: { name?: string; base64?: string }): Uint8Array {
  if (src.base64 !== undefined) return Buffer.from(src.base64, 'base64');
  return readFileSync(backupPathByName(ctx.dataDir, src.name!));
}

// No mutator() here: a backup copies the database with SQLite's online backup (async, no
// transaction of ours); a restore checks the file, backs up, then rebuilds and swaps the
// database in its own transactions (rebuild.ts).
export const backupHandlers: HandlersOf<typeof backupContract, CoreContext> = {
  'backup.list': (_input, ctx) => ({
    dbPath: ctx.dbPath,
    dataDir: ctx.dataDir,
    backupsDir: backupsDir(ctx.dataDir),
    attachmentsDir: attachmentsDir(ctx.dataDir),
    dbSize: ctx.dbPath === ':memory:' ? 0 : [ctx.dbPath, `${ctx.dbPath}-wal`].reduce((n, f) => n + (existsSync(f) ? statSync(f).size : 0), 0),
    backups: listBackups(ctx.dataDir),
  }),
  'backup.create': (_input, ctx) => createBackup(ctx, 'manual'),
  'backup.download': async ({ name }, ctx) => {
    const file = name !== undefined ? backupPathByName(ctx.dataDir, name) : (await createBackup(ctx, 'manual')).path;
    const fileName = basename(file).replace(/^ledger-/, '法治台账备份-');
    return { fileName, base64: readFileSync(file).toString('base64') };
  },
  'backup.check': async (src, ctx) => {
    const opened = await openBackup(ctx.dataDir, readSource(ctx, src), ctx.now());
    opened.cleanup();
    return opened.check;
  },
  'backup.restore': (src, ctx) => restoreBackup(ctx, readSource(ctx, src), { skipInvalid: src.skipInvalid }),
};
