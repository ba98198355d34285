// CLI usage errors touch no database and print the usage once; file names carry
// the local date (issue 8, attack 11).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/index.ts';
import { ok, SAMPLES, tempDir } from '../helpers/core.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NODE = join(ROOT, 'node_modules/.bin/node');

function cli(args: string[], home: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), APPDATA: join(home, 'AppData') };
  delete env.FAZHI_DB;
  return spawnSync(NODE, ['electron/cli/index.ts', ...args], { cwd: ROOT, env, encoding: 'utf8' });
}

describe('CLI usage errors', () => {
  it('a usage error with no --db opens, creates or migrates no database, and prints the usage once', () => {
    const { dir, cleanup } = tempDir('fazhi-home-');
    try {
      for (const args of [
        ['stats'],
        ['stats', '--year', '1800'],
        ['report', '--year', '2024'],
        ['export'],
        ['import'],
        ['restore'],
        ['import-xlsx', '不存在的台账', 'x.xlsx'],
        ['stats', '--bogus'],
      ]) {
        const r = cli(args, dir);
        expect(r.status, args.join(' ')).toBe(2);
        expect(r.stderr.match(/用法：/g)?.length, `${args.join(' ')}: ${r.stderr}`).toBe(1);
        expect(readdirSync(dir), args.join(' ')).toEqual([]);
      }
    } finally {
      cleanup();
    }
  });

  it('a good command still opens the database (the default one under HOME)', () => {
    const { dir, cleanup } = tempDir('fazhi-home-');
    try {
      const r = cli(['stats', '--year', '2024'], dir);
      expect(r.status, r.stderr).toBe(0);
      expect(existsSync(join(dir, '.config'))).toBe(true);
    } finally {
      cleanup();
    }
  });
});

describe('file names carry the local date', () => {
  it('a package exported at 07:30 in China is stamped with that day, not yesterday (UTC)', async () => {
    const tz = process.env.TZ;
    process.env.TZ = 'Asia/Shanghai';
    try {
      // 2026-03-06T23:30Z is 2026-03-07 07:30 in 北京时间
      const core = createCore({ dbPath: ':memory:', now: () => new Date('2026-03-06T23:30:00Z') });
      ok(await core.call('settings.update', { township: { name: '小陶镇', authority: '永安市小陶镇人民政府' } }));
      ok(await core.call('activities.create', { record: SAMPLES.activities }));
      expect(ok(await core.call('exchange.export', {})).fileName).toMatch(/-20260307\.json$/);
      expect(ok(await core.call('exchange.exportZip', {})).fileName).toMatch(/-20260307\.zip$/);
      expect(ok(await core.call('excel.export', { register: 'activities' })).fileName).toMatch(/20260307/);
      core.close();
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });
});
