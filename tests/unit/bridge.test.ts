import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type Bridge, MAX_BODY_BYTES } from '../../electron/bridge/server.ts';
import type { Core } from '../../electron/core/index.ts';
import { memoryCore, tempDir } from '../helpers/core.ts';

let bridge: Bridge;
let core: Core;
const tmp = tempDir();

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(opts: { method?: string; path: string; host?: string; token?: string | null; body?: string | Buffer; contentType?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { host: opts.host ?? `127.0.0.1:${bridge.port}` };
    if (opts.token !== null) headers['x-fazhi-token'] = opts.token ?? bridge.token;
    if (opts.body !== undefined) headers['content-type'] = opts.contentType ?? 'application/json';
    const req = request({ host: '127.0.0.1', port: bridge.port, method: opts.method ?? 'POST', path: opts.path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (opts.body !== undefined) req.end(opts.body);
    else req.end();
  });
}

beforeAll(async () => {
  mkdirSync(`${tmp.dir}/static`);
  writeFileSync(`${tmp.dir}/static/index.html`, '<!doctype html><title>法治台账</title>');
  writeFileSync(`${tmp.dir}/secret.txt`, 'outside');
  core = memoryCore();
  bridge = await startBridge({ core, staticDir: `${tmp.dir}/static` });
});

afterAll(async () => {
  await bridge.close();
  core.close();
  tmp.cleanup();
});

describe('web-mode bridge', () => {
  it('listens on 127.0.0.1 only, with a long random token in the URL', () => {
    const addr = bridge.server.address();
    expect(typeof addr === 'object' && addr?.address).toBe('127.0.0.1');
    expect(bridge.token).toMatch(/^[0-9a-f]{48}$/);
    expect(bridge.url).toBe(`http://127.0.0.1:${bridge.port}/?token=${bridge.token}`);
  });

  it('answers a call with the token', async () => {
    const r = await send({ path: '/api/settings.get', body: '{}' });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({
      ok: true,
      value: { township: null, approximateNumbers: true, opennessContact: null, addressee: null, caseNoPattern: '{简称}调〔{年度}〕{序号}号', villages: [] },
    });
  });

  it('refuses a call without the token, or with a wrong one', async () => {
    for (const token of [null, 'wrong', bridge.token.slice(0, -1) + '0']) {
      if (token === bridge.token) continue;
      const r = await send({ path: '/api/settings.get', body: '{}', token });
      expect(r.status).toBe(401);
      expect(JSON.parse(r.body).error.message).toContain('令牌');
    }
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const r = await send({ path: '/api/settings.get', body: '{}', host: `evil.example:${bridge.port}` });
    expect(r.status).toBe(403);
    const page = await send({ method: 'GET', path: '/', host: 'evil.example', token: null });
    expect(page.status).toBe(403);
  });

  it('refuses GET on the API, non-JSON bodies, bad JSON and an oversized body', async () => {
    expect((await send({ method: 'GET', path: '/api/settings.get' })).status).toBe(405);
    expect((await send({ path: '/api/settings.get', body: 'x=1', contentType: 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect((await send({ path: '/api/settings.get', body: '{nope' })).status).toBe(400);
    const big = Buffer.alloc(MAX_BODY_BYTES + 10, 0x20);
    const r = await send({ path: '/api/settings.get', body: big });
    expect(r.status).toBe(413);
  });

  it('passes validation errors through as { ok: false }', async () => {
    const r = await send({ path: '/api/activities.create', body: JSON.stringify({ record: {} }) });
    const json = JSON.parse(r.body);
    expect(json.ok).toBe(false);
    expect(json.error.message).toContain('「活动日期」不能为空');
    expect((await send({ path: '/api/nothing.here', body: '{}' })).status).toBe(404);
  });

  it('serves the page with a CSP that allows no remote origin, and nothing outside its folder', async () => {
    const page = await send({ method: 'GET', path: '/', token: null });
    expect(page.status).toBe(200);
    expect(page.body).toContain('法治台账');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toMatch(/https?:/);
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%2fsecret.txt']) {
      const r = await send({ method: 'GET', path, token: null });
      expect(r.status, path).not.toBe(200);
      expect(r.body).not.toContain('outside');
    }
  });
});
