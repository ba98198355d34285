// A malformed %-escape on the web bridge is a clear Chinese 400, not an internal error.
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startBridge } from '../../../electron/bridge/server.ts';
import { memoryCore, tempDir } from '../../helpers/core.ts';

function send(port: number, token: string, method: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method, path, headers: { host: `127.0.0.1:${port}`, 'x-fazhi-token': token, 'content-type': 'application/json' } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(method === 'POST' ? '{}' : undefined);
  });
}

describe('the bridge and a malformed %-escape', () => {
  it('an API path and a page path with %E4%B8 or %zz get a Chinese 400; the server keeps serving', async () => {
    const tmp = tempDir();
    mkdirSync(join(tmp.dir, 'web'));
    writeFileSync(join(tmp.dir, 'web', 'index.html'), '<!doctype html><title>t</title>');
    const core = memoryCore();
    const bridge = await startBridge({ core, staticDir: join(tmp.dir, 'web') });
    for (const bad of ['%E4%B8', '%zz', 'settings.get%']) {
      const api = await send(bridge.port, bridge.token, 'POST', `/api/${bad}`);
      expect(api.status, bad).toBe(400);
      expect(JSON.parse(api.body).error.message).toContain('请求地址有误（含无效的 % 转义）');
      const page = await send(bridge.port, bridge.token, 'GET', `/assets/${bad}.js?token=${bridge.token}`);
      expect(page.status, bad).toBe(400);
      expect(page.body).toContain('请求地址有误');
    }
    expect((await send(bridge.port, bridge.token, 'POST', '/api/settings.get')).status).toBe(200);
    await bridge.close();
    core.close();
    tmp.cleanup();
  });
});
