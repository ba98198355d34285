// The page is served from our own scheme, fazhi://app/, not file://: a real
// origin for the CSP's 'self', no access to other local files, and the CSP
// travels as a response header with every file.
import { readFile as fsReadFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY, STATIC_MIME as MIME } from '../shared/page-serving.ts';

export const APP_SCHEME = 'fazhi';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** For protocol.registerSchemesAsPrivileged, before the app is ready. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
} as const;

/** True for a URL of our own page (any path, query or hash on fazhi://app). */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

function textResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

/**
 * Serves the built renderer folder. Paths without an extension get index.html
 * (the app routes by hash, this only guards a reload); nothing outside the folder.
 */
export function createAppProtocolHandler(
  rendererDir: string,
  readFile: (path: string) => Promise<Uint8Array> = fsReadFile,
): (request: Request) => Promise<Response> {
  const root = normalize(rendererDir).replace(/[\\/]+$/, '');
  return async (request) => {
    let url: URL;
    let rel: string;
    try {
      url = new URL(request.url);
      rel = decodeURIComponent(url.pathname);
    } catch {
      return textResponse(400, '地址有误');
    }
    if (url.host !== APP_HOST) return textResponse(404, '未找到');
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, '不支持的请求');
    if (rel === '/' || rel === '' || !extname(rel)) rel = '/index.html';
    const file = normalize(join(root, rel));
    if (!file.startsWith(root + sep)) return textResponse(403, '拒绝访问');
    let body: Uint8Array;
    try {
      body = await readFile(file);
    } catch {
      return textResponse(404, '未找到');
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: {
        'content-type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      },
    });
  };
}
