// npm run dist where the Electron runtime cannot be downloaded (this machine):
// it must say so in Chinese, say where installers are made (the release
// workflow, by pushing a tag) and exit non-zero — quickly, before electron-builder.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cachedRuntimes, electronCacheDir, isDownloadFailure } from '../../scripts/dist.ts';

const script = fileURLToPath(new URL('../../scripts/dist.ts', import.meta.url));
const cache = mkdtempSync(join(tmpdir(), 'fazhi-electron-cache-'));
afterAll(() => rmSync(cache, { recursive: true, force: true }));

describe('scripts/dist.ts without the Electron runtime', () => {
  it('explains in Chinese, points to the release workflow and web mode, and exits 1 before packaging', () => {
    const r = spawnSync(process.execPath, [script, '--linux', 'dir'], {
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, ELECTRON_CACHE: cache, FAZHI_DIST_PROBE_HOST: 'no-such-host.invalid' },
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('无法生成安装包');
    expect(r.stderr).toContain('Electron 运行时');
    expect(r.stderr).toContain('git push origin v');
    expect(r.stderr).toContain('.github/workflows/release.yml');
    expect(r.stderr).toContain('npm run web');
    expect(r.stderr).toContain('no-such-host.invalid');
    // electron-builder was never started
    expect(r.stdout).not.toContain('electron-builder');
  });

  it('recognises a download failure in electron-builder output, and nothing else', () => {
    expect(isDownloadFailure('  ⨯ getaddrinfo ENOTFOUND github.com  failedTask=build stackTrace=RequestError: getaddrinfo ENOTFOUND github.com')).toBe(true);
    expect(isDownloadFailure('RequestError: connect ETIMEDOUT 140.82.112.4:443')).toBe(true);
    expect(
      isDownloadFailure(
        '  ⨯ Invalid configuration object. electron-builder 26 has been initialized using a configuration object that does not match the API schema.',
      ),
    ).toBe(false);
    expect(isDownloadFailure('  ⨯ Application entry file "out/electron/main/index.js" in the "app.asar" does not exist.')).toBe(false);
  });

  it('finds a runtime already in the cache, at any depth', () => {
    mkdirSync(join(cache, 'a1b2c3'), { recursive: true });
    writeFileSync(join(cache, 'a1b2c3', 'electron-v45.4.1-linux-x64.zip'), '');
    writeFileSync(join(cache, 'SHASUMS256.txt'), '');
    expect(cachedRuntimes(cache)).toEqual(['electron-v45.4.1-linux-x64.zip']);
    expect(cachedRuntimes(join(cache, 'missing'))).toEqual([]);
    expect(electronCacheDir({ ELECTRON_CACHE: cache })).toBe(cache);
    expect(electronCacheDir({ XDG_CACHE_HOME: '/x' }, 'linux')).toBe('/x/electron');
    expect(electronCacheDir({ LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local' }, 'win32')).toContain('electron');
  });
});
