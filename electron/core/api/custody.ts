// excel.*, backup.*, attachments.*, exchange.*Zip handlers.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { custodyContract } from '../../shared/contract/custody.ts';
import type { HandlersOf } from '../../shared/contract/index.ts';
import type { CoreContext } from '../context.ts';
import {
  addAttachment, attachmentCounts, attachmentsDir, listAttachments, readAttachment, removeAttachment,
} from '../attachments/store.ts';
import {
  backupPathByName, backupsDir, createBackup, listBackups, openBackup, restoreBackup,
} from '../backup/backup.ts';
import { exportExcel } from '../exchange/excel/export.ts';
import { importExcel } from '../exchange/excel/import.ts';
import { buildTemplate } from '../exchange/excel/template.ts';
import { exportPackageZip, importPackageZip } from '../exchange/zip-package.ts';

const b64 = (s: string) => Buffer.from(s, 'base64');

/** The before-import backup; an in-memory database (tests) has nothing to back up. */
export const backupBeforeImport = (ctx: CoreContext) =>
  (ctx.dbPath === ':memory:' ? Promise.resolve(null) : createBackup(ctx, 'before-import'));

/** A backup named from the backups folder, or the content of a file the clerk chose: never a path. */
function readSource(ctx: CoreContext, src: { name?: string; base64?: string }): Uint8Array {
  if (src.base64 !== undefined) return b64(src.base64);
  return readFileSync(backupPathByName(ctx.dataDir, src.name!));
}

export const custodyHandlers: HandlersOf<typeof custodyContract, CoreContext> = {
  'excel.template': async ({ register }) => {
    const t = await buildTemplate(register);
    return { fileName: t.fileName, base64: t.bytes.toString('base64') };
  },
  'excel.preview': ({ register, base64, mapping, skipInvalid }, ctx) =>
    importExcel(ctx, register, b64(base64), { dryRun: true, mapping, skipInvalid }),
  'excel.import': ({ register, base64, mapping, skipInvalid }, ctx) =>
    importExcel(ctx, register, b64(base64), { dryRun: false, mapping, skipInvalid, beforeWrite: () => backupBeforeImport(ctx) }),
  'excel.export': async ({ register, query }, ctx) => {
    const r = await exportExcel(ctx, register, query ?? {});
    return { fileName: r.fileName, base64: r.bytes.toString('base64'), count: r.count };
  },

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

  'attachments.list': ({ register, recordId }, ctx) => listAttachments(ctx.db, register, recordId),
  'attachments.counts': ({ register, recordIds }, ctx) => attachmentCounts(ctx.db, register, recordIds),
  'attachments.add': ({ register, recordId, fileName, base64 }, ctx) =>
    ctx.db.transaction(() => addAttachment(ctx, register, recordId, fileName, b64(base64))).immediate(),
  'attachments.get': ({ id }, ctx) => {
    const { info, bytes } = readAttachment(ctx, id);
    return { ...info, base64: bytes.toString('base64') };
  },
  'attachments.remove': ({ id }, ctx) => removeAttachment(ctx, id),

  'exchange.exportZip': async (opts, ctx) => {
    const r = await exportPackageZip(ctx, opts);
    return { fileName: r.fileName, base64: r.bytes.toString('base64'), counts: r.counts, attachments: r.attachments };
  },
  'exchange.previewZip': ({ base64, skipInvalid }, ctx) => importPackageZip(ctx, b64(base64), { dryRun: true, skipInvalid }),
  'exchange.importZip': ({ base64, skipInvalid }, ctx) =>
    importPackageZip(ctx, b64(base64), { dryRun: false, skipInvalid, beforeWrite: () => backupBeforeImport(ctx) }),
};
