// The page never names a file path, and the bridge stays usable after a refusal
// (issue 8, attacks 5 and 10).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from '../../electron/bridge/server.ts';
import { createCore, type Core } from '../../electron/core/index.ts';
import { suggestValues } from '../../electron/core/registers/repository.ts';
import { prepared, STATEMENT_CACHE_SIZE, statementCacheSize } from '../../electron/core/db/statements.ts';
import { contract } from '../../electron/shared/contract/index.ts';
import { REGISTERS } from '../../electron/shared/registers.ts';
import { memoryCore, ok, SAMPLES, tempDir } from '../helpers/core.ts';

let bridge: Bridge;
let core: Core;
const tmp = tempDir('fazhi-bridge-attack-');
const LIMIT = 256 * 1024;

function post(method: string, body: string | Buffer, agent?: Agent): Promise<{ status: number; body: string; reused: boolean }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: bridge.port,
        method: 'POST',
        path: `/api/${method}`,
        agent,
        headers: { host: `127.0.0.1:${bridge.port}`, 'x-fazhi-token': bridge.token, 'content-type': 'application/json' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), reused: req.reusedSocket }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

beforeAll(async () => {
  core = createCore({ dbPath: join(tmp.dir, 'ledger.db'), mode: 'web' });
  ok(await core.call('settings.update', { township: { name: '小陶镇', authority: '永安市小陶镇人民政府' } }));
  ok(await core.call('activities.create', { record: SAMPLES.activities }));
  bridge = await startBridge({ core, maxBodyBytes: LIMIT });
});

afterAll(async () => {
  await bridge.close();
  core.close();
  tmp.cleanup();
});

describe('path-taking methods are unreachable from the page', () => {
  it('backup.create / check / restore with a path are refused over the bridge, and nothing is written or read', async () => {
    const target = join(tmp.dir, 'victim.txt');
    writeFileSync(target, '别人的文件');
    const backupZip = (await import('../../electron/core/backup/backup.ts')).createBackup;
    const real = await backupZip(core.ctx, 'manual', { to: join(tmp.dir, 'real.zip') });
    for (const [method, input] of [
      ['backup.create', { path: target }],
      ['backup.check', { path: real.path }],
      ['backup.restore', { path: real.path }],
      ['backup.check', { name: '../real.zip' }],
      ['backup.restore', { name: `../../${real.name}` }],
    ] as const) {
      const r = await post(method, JSON.stringify(input));
      const res = JSON.parse(r.body) as { ok: boolean; error?: { code: string; message: string } };
      expect(res.ok, `${method} ${JSON.stringify(input)}`).toBe(false);
      expect(res.error!.code).toBe('invalid_input');
    }
    expect(readFileSync(target, 'utf8')).toBe('别人的文件');
    expect(existsSync(`${target}.partial`)).toBe(false);
  });

  it('no method of the API takes a file path: the contract has no path-like key anywhere', () => {
    const pathy: string[] = [];
    const walk = (schema: unknown, where: string) => {
      const def = (schema as { def?: Record<string, unknown> })?.def;
      if (!def) return;
      if (def.type === 'object') {
        for (const [k, v] of Object.entries(def.shape as Record<string, unknown>)) {
          if (/path|file$|dir$|folder/i.test(k) && k !== 'fileName') pathy.push(`${where}.${k}`);
          walk(v, `${where}.${k}`);
        }
      }
      for (const key of ['innerType', 'in', 'schema', 'element', 'out']) if (def[key]) walk(def[key], where);
      if (Array.isArray(def.options)) for (const o of def.options) walk(o, where);
    };
    for (const [name, spec] of Object.entries(contract)) walk(spec.input, name);
    expect(pathy).toEqual([]);
  });
});

describe('bounded resources', () => {
  it('a 413 leaves the keep-alive connection usable for the next request', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const first = await post('app.info', '{}', agent);
      expect(first.status).toBe(200);
      const big = await post('excel.preview', JSON.stringify({ register: 'activities', base64: 'A'.repeat(LIMIT * 2) }), agent);
      expect(big.status).toBe(413);
      expect(JSON.parse(big.body).error.message).toMatch(/过大/);
      const next = await post('app.info', '{}', agent);
      expect(next.status).toBe(200);
      expect(next.reused).toBe(true);
      expect(JSON.parse(next.body).ok).toBe(true);
    } finally {
      agent.destroy();
    }
  });

  it('the statement cache is an LRU: distinct suggest years and queries never grow it past its size', async () => {
    const mem = memoryCore();
    try {
      for (let y = 2000; y <= 2100; y++) ok(await mem.call('activities.suggest', { field: 'village', year: y }));
      const afterYears = statementCacheSize(mem.ctx.db);
      expect(afterYears).toBeLessThan(20);
      for (let i = 0; i < STATEMENT_CACHE_SIZE * 3; i++) prepared(mem.ctx.db, `SELECT ${i} AS n`);
      expect(statementCacheSize(mem.ctx.db)).toBe(STATEMENT_CACHE_SIZE);
      // still correct after eviction
      expect(suggestValues(mem.ctx.db, REGISTERS.activities, 'village', 2024)).toEqual([]);
    } finally {
      mem.close();
    }
  });
});
