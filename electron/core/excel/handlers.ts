// excel.*: the import template, import with column mapping, export of a register's list.
import type { excelContract } from '../../shared/contract/excel.ts';
import type { HandlersOf } from '../../shared/contract/index.ts';
import type { CoreContext } from '../context.ts';
import { exportExcel } from './export.ts';
import { importExcel } from './import.ts';
import { buildTemplate } from './template.ts';

const b64 = (s: string) => Buffer.from(s, 'base64');

export const excelHandlers: HandlersOf<typeof excelContract, CoreContext> = {
  'excel.template': async ({ register }) => {
    const t = await buildTemplate(register);
    return { fileName: t.fileName, base64: t.bytes.toString('base64') };
  },
  'excel.preview': ({ register, base64, mapping, skipInvalid, allowEmptyPersonal }, ctx) =>
    importExcel(ctx, register, b64(base64), { dryRun: true, mapping, skipInvalid, allowEmptyPersonal }),
  // not mutator(): the workbook is read and checked (async) and backed up before the rows
  // are written in import.ts's own BEGIN IMMEDIATE transaction
  'excel.import': ({ register, base64, mapping, skipInvalid, allowEmptyPersonal }, ctx) =>
    importExcel(ctx, register, b64(base64), { dryRun: false, mapping, skipInvalid, allowEmptyPersonal, beforeWrite: () => ctx.backupBeforeImport() }),
  'excel.export': async ({ register, query, withPersonal }, ctx) => {
    const r = await exportExcel(ctx, register, query ?? {}, { withPersonal });
    return { fileName: r.fileName, base64: r.bytes.toString('base64'), count: r.count };
  },
};
