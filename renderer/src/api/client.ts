// The one way the page calls the core: `call('domain.verb', input)`.
// In the desktop app it goes through the preload's IPC bridge; in web mode
// it POSTs to the local HTTP bridge with the per-run token.
import type { InputOf, MethodName, OutputOf } from '@shared/contract/index.ts';
import type { ApiError, ApiResult } from '@shared/contract/define.ts';
import type { DesktopBridge } from '@shared/platform.ts';

declare global {
  interface Window {
    fazhi?: DesktopBridge;
  }
}

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

const TOKEN_KEY = 'fazhi-token';

/** Web mode: the token comes once in the address (?token=…) and is kept for this tab. */
export function webToken(): string | null {
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

export const isDesktop = () => typeof window !== 'undefined' && !!window.fazhi;

async function invoke(method: string, input: unknown): Promise<ApiResult<unknown>> {
  if (window.fazhi) return window.fazhi.invoke(method, input);
  const token = webToken();
  if (!token) {
    return { ok: false, error: { code: 'unauthorized', message: '缺少访问令牌：请使用启动网页模式时显示的完整地址打开本页' } };
  }
  let res: Response;
  try {
    res = await fetch(`./api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-fazhi-token': token },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    return { ok: false, error: { code: 'internal', message: '无法连接法治台账服务，请确认命令行窗口中的服务仍在运行' } };
  }
  try {
    return (await res.json()) as ApiResult<unknown>;
  } catch {
    return { ok: false, error: { code: 'internal', message: `服务返回了无法识别的内容（HTTP ${res.status}）` } };
  }
}

/** Calls a method and returns its value; throws ApiCallError on failure. */
export async function call<K extends MethodName>(method: K, input: InputOf<K>): Promise<OutputOf<K>> {
  const result = await invoke(method, input);
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
