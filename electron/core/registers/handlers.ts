import type { z } from 'zod';
import { prefixed } from '../../shared/contract/define.ts';
import type { listQuerySchema } from '../../shared/contract/registers.ts';
import { REGISTERS, type RegisterName } from '../../shared/registers.ts';
import type { ListResult, RecordOf } from '../../shared/records.ts';
import type { CoreContext } from '../context.ts';
import { mutator } from '../mutator.ts';
import { listRecords, suggestValues } from './repository.ts';
import { createRecord, deleteRecord, purgeDeletedRecord, requireRecord, restoreRecord, updateRecord } from './service.ts';

type Id = { id: string };
type Payload = Record<string, unknown>;

/** The same eight verbs for every register; the writes are mutators (one BEGIN IMMEDIATE transaction each). */
function registerHandlers<R extends RegisterName>(name: R) {
  const def = REGISTERS[name];
  return {
    list: (q: z.output<typeof listQuerySchema>, ctx: CoreContext): ListResult<RecordOf<R>> => listRecords(ctx.db, def, q),
    get: ({ id }: Id, ctx: CoreContext) => requireRecord(ctx, name, id),
    create: mutator(({ record }: { record: Payload }, ctx: CoreContext) => createRecord(ctx, name, record)),
    update: mutator(({ id, record }: Id & { record: Payload }, ctx: CoreContext) => updateRecord(ctx, name, id, record)),
    delete: mutator(({ id }: Id, ctx: CoreContext) => deleteRecord(ctx, name, id)),
    restore: mutator(({ id }: Id, ctx: CoreContext) => restoreRecord(ctx, name, id)),
    purge: mutator(({ id }: Id, ctx: CoreContext) => purgeDeletedRecord(ctx, name, id)),
    suggest: ({ field, year }: { field: string; year?: number }, ctx: CoreContext) => suggestValues(ctx.db, def, field, year),
  };
}

export const registersHandlers = {
  ...prefixed('activities', registerHandlers('activities')),
  ...prefixed('mediationCases', registerHandlers('mediationCases')),
  ...prefixed('inspections', registerHandlers('inspections')),
  ...prefixed('workItems', registerHandlers('workItems')),
  ...prefixed('disclosureRequests', registerHandlers('disclosureRequests')),
  ...prefixed('screenings', registerHandlers('screenings')),
};
