// The one way the page calls the core: `call('domain.verb', input)`, over the
// transport chosen at startup (transport.ts: desktop IPC or the web bridge).
import type { InputOf, MethodName, OutputOf } from '@shared/contract/index.ts';
import type { ApiError } from '@shared/contract/define.ts';
import { transport } from './transport.ts';

/** A failed call; `message` is Chinese and fit to show. */
export class ApiCallError extends Error {
  readonly code: ApiError['code'];
  readonly issues: { field: string; message: string }[];
  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
    this.issues = error.issues ?? [];
  }
}

/** Calls a method and returns its value; throws ApiCallError on failure. */
export async function call<K extends MethodName>(method: K, input: InputOf<K>): Promise<OutputOf<K>> {
  const result = await transport.invoke(method, input);
  if (!result.ok) throw new ApiCallError(result.error);
  return result.value as OutputOf<K>;
}

/** The Chinese message of any error, for ElMessage. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiCallError) return e.message;
  // an Error of the page itself (a parser's or the browser's English) means nothing to a clerk:
  // it goes to the console, the clerk gets a plain sentence
  console.error(e);
  return '操作失败：程序出现了意外问题，数据未改动。请重试；如仍失败，请联系技术支持。';
}
