// exchange.*: the data package (JSON) and the package with attachments (.zip).
import type { exchangeContract } from '../../shared/contract/exchange.ts';
import type { HandlersOf } from '../../shared/contract/index.ts';
import type { CoreContext } from '../context.ts';
import { exportPackage } from './export-package.ts';
import { importPackage, PackageImport } from './import-package.ts';
import { exportPackageZip, importPackageZip } from './zip-package.ts';

const b64 = (s: string) => Buffer.from(s, 'base64');

// The imports are not wrapped in mutator(): they back up first (async), then write
// everything in their own BEGIN IMMEDIATE transaction (import-package.ts).
export const exchangeHandlers: HandlersOf<typeof exchangeContract, CoreContext> = {
  'exchange.preview': ({ content, skipInvalid, restoreFromBin }, ctx) => importPackage(ctx, content, { dryRun: true, skipInvalid, restoreFromBin }),
  'exchange.import': async ({ content, skipInvalid, restoreFromBin }, ctx) => {
    // back up first, unless the package would be refused anyway; the plan is written as made unless the ledger changed meanwhile
    const planned = PackageImport.plan(ctx, content, { dryRun: false, skipInvalid, restoreFromBin });
    if (planned.report.issues.length > 0 && !skipInvalid) return { ...planned.report, dryRun: false };
    await ctx.backupBeforeImport();
    return planned.write();
  },
  'exchange.export': (opts, ctx) => exportPackage(ctx, opts),
  'exchange.exportZip': async (opts, ctx) => {
    const r = await exportPackageZip(ctx, opts);
    return { fileName: r.fileName, base64: r.bytes.toString('base64'), counts: r.counts, attachments: r.attachments };
  },
  'exchange.previewZip': ({ base64, skipInvalid, restoreFromBin }, ctx) => importPackageZip(ctx, b64(base64), { dryRun: true, skipInvalid, restoreFromBin }),
  'exchange.importZip': ({ base64, skipInvalid, restoreFromBin }, ctx) =>
    importPackageZip(ctx, b64(base64), { dryRun: false, skipInvalid, restoreFromBin, beforeWrite: () => ctx.backupBeforeImport() }),
};
