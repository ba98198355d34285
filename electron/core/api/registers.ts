import type { z } from 'zod';
import { prefixed } from '../../shared/contract/define.ts';
import type { listQuerySchema } from '../../shared/contract/registers.ts';
import { REGISTERS, type RegisterName } from '../../shared/registers.ts';
import type { ListResult, RecordOf } from '../../shared/records.ts';
import type { CoreContext } from '../context.ts';
import { listRecords, suggestValues } from '../registers/repository.ts';
import { createRecord, deleteRecord, purgeDeletedRecord, requireRecord, restoreRecord, updateRecord } from '../registers/service.ts';

type Id = { id: string };
type Payload = Record<string, unknown>;

/** The same eight verbs for every register; writes run in a transaction. */
function registerHandlers<R extends RegisterName>(name: R) {
  const def = REGISTERS[name];
  // BEGIN IMMEDIATE: the write lock is taken up front, so a second writer (a CLI
  // import) makes a save wait (busy_timeout), never fail half-way
  const tx = <T>(ctx: CoreContext, fn: () => T): T => ctx.db.transaction(fn).immediate();
  return {
    list: (q: z.output<typeof listQuerySchema>, ctx: CoreContext): ListResult<RecordOf<R>> => listRecords(ctx.db, def, q),
    get: ({ id }: Id, ctx: CoreContext) => requireRecord(ctx, name, id),
    create: ({ record }: { record: Payload }, ctx: CoreContext) => tx(ctx, () => createRecord(ctx, name, record)),
    update: ({ id, record }: Id & { record: Payload }, ctx: CoreContext) => tx(ctx, () => updateRecord(ctx, name, id, record)),
    delete: ({ id }: Id, ctx: CoreContext) => tx(ctx, () => deleteRecord(ctx, name, id)),
    restore: ({ id }: Id, ctx: CoreContext) => tx(ctx, () => restoreRecord(ctx, name, id)),
    purge: ({ id }: Id, ctx: CoreContext) => tx(ctx, () => purgeDeletedRecord(ctx, name, id)),
    suggest: ({ field, year }: { field: string; year?: number }, ctx: CoreContext) => suggestValues(ctx.db, def, field, year),
  };
}

export const registersHandlers = {
  ...prefixed('activities', registerHandlers('activities')),
  ...prefixed('mediationCases', registerHandlers('mediationCases')),
  ...prefixed('inspections', registerHandlers('inspections')),
  ...prefixed('workItems', registerHandlers('workItems')),
  ...prefixed('disclosureRequests', registerHandlers('disclosureRequests')),
};
