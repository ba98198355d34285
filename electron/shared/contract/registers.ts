// register.verb methods, the same for every register.
import { z } from 'zod';
import { REGISTER_NAMES, type RegisterName } from '../registers.ts';
import type { ListResult, RecordOf } from '../records.ts';
import { method, prefixed } from './define.ts';
import { isValidDate } from '../calendar-date.ts';

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((s) => isValidDate(s), '不是有效日期（应为真实存在的日期，如 2024-03-15）');

export const listQuerySchema = z.object({
  year: z.number().int().min(2000).max(2100).optional(),
  from: date.optional(),
  to: date.optional(),
  keyword: z.string().max(100).optional(),
  filters: z.record(z.string(), z.union([z.string().max(200), z.boolean()])).optional(),
  sortBy: z.string().max(40).optional(),
  sortOrder: z.enum(['asc', 'desc']).optional(),
  page: z.number().int().min(1).max(1_000_000).optional(),
  pageSize: z.number().int().min(1).max(500).optional(),
  deleted: z.boolean().optional(),
  today: date.optional(),
});

export const idSchema = z.object({ id: z.string().min(1).max(64) });
const recordPayload = z.record(z.string(), z.unknown());

function registerMethods<R extends RegisterName>() {
  return {
    list: method<ListResult<RecordOf<R>>>()(listQuerySchema),
    get: method<RecordOf<R>>()(idSchema),
    create: method<RecordOf<R>>()(z.object({ record: recordPayload })),
    update: method<RecordOf<R>>()(z.object({ id: z.string().min(1).max(64), record: recordPayload })),
    /** soft delete into the 回收站 */
    delete: method<{ id: string }>()(idSchema),
    restore: method<RecordOf<R>>()(idSchema),
    /** permanently remove a record from the 回收站 */
    purge: method<{ id: string }>()(idSchema),
    /** distinct values of a text field, for filter and input suggestions */
    suggest: method<string[]>()(z.object({ field: z.string().max(40), year: z.number().int().optional() })),
  };
}

export const registersContract = {
  ...prefixed('activities', registerMethods<'activities'>()),
  ...prefixed('mediationCases', registerMethods<'mediationCases'>()),
  ...prefixed('inspections', registerMethods<'inspections'>()),
  ...prefixed('workItems', registerMethods<'workItems'>()),
  ...prefixed('disclosureRequests', registerMethods<'disclosureRequests'>()),
  ...prefixed('screenings', registerMethods<'screenings'>()),
};

export { REGISTER_NAMES };
