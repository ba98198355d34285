// Validates a call against the contract, runs its handler and wraps the result.
// The one place where errors become { ok: false, error } for every transport.
import { z } from 'zod';
import { contract, isMethodName, type ApiResult } from '../../shared/contract/index.ts';
import type { CoreContext } from '../context.ts';
import { AppError } from '../util/errors.ts';
import { faultOf } from '../util/faults.ts';
import { handlers } from './handlers.ts';

z.config(z.locales.zhCN());

function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.join('.')}：${i.message}` : i.message))
    .join('；');
}

export async function dispatch(ctx: CoreContext, method: string, input: unknown): Promise<ApiResult<unknown>> {
  if (!isMethodName(method)) {
    return { ok: false, error: { code: 'unknown_method', message: `没有这个功能：${method.slice(0, 60)}` } };
  }
  const parsed = contract[method].input.safeParse(input ?? {});
  if (!parsed.success) {
    return { ok: false, error: { code: 'invalid_input', message: `参数有误（${method}）：${describeZodError(parsed.error)}` } };
  }
  try {
    const handler = handlers[method] as (input: unknown, ctx: CoreContext) => unknown;
    return { ok: true, value: await handler(parsed.data, ctx) };
  } catch (e) {
    if (e instanceof AppError) return { ok: false, error: { code: e.code, message: e.message, issues: e.issues } };
    // a full disk, a pulled U盘, a locked or damaged file: named plainly, never as an internal error
    const fault = faultOf(e);
    if (fault) return { ok: false, error: { code: fault.code, message: fault.message } };
    // Unexpected: log the method and the error only, never the input (it may hold personal data).
    console.error(`[fazhi] ${method} failed:`, e instanceof Error ? (e.stack ?? e.message) : e);
    return { ok: false, error: { code: 'internal', message: '操作失败：程序内部错误，数据未改动。请重试；如仍失败，请联系技术支持。' } };
  }
}
