// Web mode: the same handlers over HTTP, for a browser on this PC only.
// Bound to 127.0.0.1, a long random token (web.ts keeps one in the data folder), the Host header checked
// (against DNS rebinding) and the body size limited.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { Core } from '../core/index.ts';
import { CONTENT_SECURITY_POLICY, STATIC_MIME as MIME, TOKEN_HEADER } from '../shared/page-serving.ts';

export const MAX_BODY_BYTES = 64 * 1024 * 1024;

export interface BridgeOptions {
  core: Core;
  /** folder of the built renderer (index.html …); omitted: API only */
  staticDir?: string;
  port?: number;
  token?: string;
  /** request body limit (tests use a small one) */
  maxBodyBytes?: number;
}

/** The port asked for is taken (by another program, or a 网页模式 already running). */
export class PortBusyError extends Error {
  readonly port: number;
  constructor(port: number) {
    super(`端口 ${port} 已被占用（可能已有一个法治台账网页模式或其他程序在使用它）。请关闭占用它的程序，或用 --port 换一个端口。`);
    this.name = 'PortBusyError';
    this.port = port;
  }
}

export interface Bridge {
  server: Server;
  port: number;
  token: string;
  /** the address to open, token included */
  url: string;
  close: () => Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(text);
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The request body, or null when it is over the limit. An oversized body is
 * still read to its end (and dropped, never kept), so the 413 goes out on a
 * connection that stays in step: the next request on it works.
 */
async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too_big' | 'endless'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= limit) chunks.push(chunk as Buffer);
    else chunks.length = 0;
    // a body far beyond the limit is not read to its end: that connection is closed instead
    if (size > limit * 4) return 'endless';
  }
  return size > limit ? 'too_big' : Buffer.concat(chunks);
}

/** A %-escaped path decoded, or null when an escape is malformed (%E4%B8, %zz): a clear 400, not an internal error. */
function safeDecode(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

async function serveStatic(res: ServerResponse, staticDir: string, urlPath: string): Promise<void> {
  const rel = safeDecode(urlPath === '/' ? '/index.html' : urlPath);
  if (rel === null) {
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('请求地址有误（含无效的 % 转义）');
    return;
  }
  const file = normalize(join(staticDir, rel));
  if (!file.startsWith(normalize(staticDir) + sep)) {
    res.writeHead(403).end();
    return;
  }
  try {
    const st = await stat(file);
    if (!st.isFile()) throw new Error('not a file');
    const body = await readFile(file);
    res.writeHead(200, {
      'content-type': MIME[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'cache-control': extname(file) === '.html' ? 'no-store' : 'max-age=3600',
    });
    res.end(body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('未找到');
  }
}

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const token = options.token ?? randomBytes(24).toString('hex');
  let port = options.port ?? 0;
  const server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, { ok: false, error: { code: 'internal', message: '服务内部错误' } });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Only our own address: a page on another site that resolves to 127.0.0.1 still sends its own Host.
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      send(res, 403, { ok: false, error: { code: 'unauthorized', message: '拒绝访问：地址不符' } });
      return;
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') {
        send(res, 405, { ok: false, error: { code: 'invalid_input', message: '只接受 POST 请求' } }, { allow: 'POST' });
        return;
      }
      const given = req.headers[TOKEN_HEADER];
      if (!sameToken(Array.isArray(given) ? given[0] : given, token)) {
        send(res, 401, { ok: false, error: { code: 'unauthorized', message: '拒绝访问：缺少或错误的访问令牌，请用启动时显示的地址打开' } });
        return;
      }
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        send(res, 415, { ok: false, error: { code: 'invalid_input', message: '请求格式应为 JSON' } });
        return;
      }
      const limit = options.maxBodyBytes ?? MAX_BODY_BYTES;
      const body = await readBody(req, limit);
      if (body === 'too_big' || body === 'endless') {
        send(
          res,
          413,
          { ok: false, error: { code: 'invalid_input', message: `文件或请求过大（上限 ${Math.round(limit / 1024 / 1024)} MB），未处理` } },
          body === 'endless' ? { connection: 'close' } : {},
        );
        if (body === 'endless') res.once('finish', () => req.socket.destroy());
        return;
      }
      let input: unknown;
      try {
        input = body.length ? JSON.parse(body.toString('utf8')) : {};
      } catch {
        send(res, 400, { ok: false, error: { code: 'invalid_input', message: '请求内容不是有效的 JSON' } });
        return;
      }
      const method = safeDecode(url.pathname.slice('/api/'.length));
      if (method === null) {
        send(res, 400, { ok: false, error: { code: 'invalid_input', message: `请求地址有误（含无效的 % 转义）：${url.pathname.slice(0, 80)}` } });
        return;
      }
      const result = await options.core.dispatch(method, input);
      send(res, result.ok ? 200 : result.error.code === 'unknown_method' ? 404 : 200, result);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    if (!options.staticDir) {
      res.writeHead(404).end();
      return;
    }
    await serveStatic(res, options.staticDir, url.pathname);
  }

  await new Promise<void>((resolve, reject) => {
    // a busy port says so in Chinese, never Node's EADDRINUSE
    server.once('error', (e: NodeJS.ErrnoException) => reject(e.code === 'EADDRINUSE' ? new PortBusyError(port) : e));
    server.listen(port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
