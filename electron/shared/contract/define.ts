// Helpers to declare API methods: each has a zod input schema and a result type.
import { z } from 'zod';
import { isValidDate } from '../calendar-date.ts';
import { ATTACHMENT_REGISTER_NAMES, REGISTER_NAMES, REGISTERS, type RegisterName } from '../registers.ts';

export interface MethodSpec<I extends z.ZodType, O> {
  input: I;
  /** phantom: carries the result type only */
  readonly output?: O;
}

/** `method<Result>()(inputSchema)` — the result type is given, the input inferred. */
export const method =
  <O>() =>
  <I extends z.ZodType>(input: I): MethodSpec<I, O> => ({ input });

export type Prefixed<P extends string, T> = { [K in keyof T & string as `${P}.${K}`]: T[K] };

/** Names the methods of one domain `domain.verb`. */
export function prefixed<P extends string, T extends object>(domain: P, methods: T): Prefixed<P, T> {
  return Object.fromEntries(Object.entries(methods).map(([verb, spec]) => [`${domain}.${verb}`, spec])) as Prefixed<P, T>;
}

export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  | 'db_too_new'
  | 'unknown_method'
  | 'unauthorized'
  /** the disk (or U盘) is full */
  | 'disk_full'
  /** the folder or drive cannot be written (read-only, U盘 pulled out) */
  | 'read_only'
  /** another program holds the ledger */
  | 'busy'
  /** the database file is damaged */
  | 'corrupt'
  | 'internal';

export interface ApiError {
  code: ErrorCode;
  /** Chinese, fit to show the clerk */
  message: string;
  /** per-field problems, for inline form messages */
  issues?: { field: string; message: string }[];
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

// Schemas more than one slice uses.
export const yearNumber = z.number().int().min(2000, '年度应在2000—2100之间').max(2100, '年度应在2000—2100之间');
/** A real calendar date, 2000–2100 (2025-12-32, 2023-02-29 and month 13 refused). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((s) => isValidDate(s), { message: '不是有效日期（应为2000—2100年间真实存在的日期，如 2024-03-15）' });
/** ~ 64 MB of base64 at most (the web bridge's body limit) */
export const base64Content = z.string().min(1, '文件内容为空').max(90_000_000, '文件太大');
/** Every register (REGISTER_NAMES): a new register is accepted with no edit here. */
export const registerNameSchema = z.enum(REGISTER_NAMES as [RegisterName, ...RegisterName[]]);
/** The registers whose definition says `attachments: true`. */
export const attachmentRegisterSchema = registerNameSchema.refine((n) => ATTACHMENT_REGISTER_NAMES.includes(n), {
  error: (iss) => `${REGISTERS[iss.input as RegisterName]?.label ?? '该台账'}不支持附件`,
});

/** A file's name and its content, base64. */
export interface FileContent {
  fileName: string;
  base64: string;
}
