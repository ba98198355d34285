// npm start's last step on a machine without the Electron runtime (this one):
// it must say so in Chinese and English, point to `npm run web` and exit non-zero.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../../scripts/start-electron.mjs', import.meta.url));
// an empty runtime folder: electron's resolver then names a missing binary instead of downloading
const emptyDist = mkdtempSync(join(tmpdir(), 'fazhi-no-electron-'));
afterAll(() => rmSync(emptyDist, { recursive: true, force: true }));

describe('scripts/start-electron.mjs without an Electron runtime', () => {
  it('explains in both languages, points to web mode and exits 1', () => {
    const r = spawnSync(process.execPath, [script], {
      encoding: 'utf8',
      timeout: 30_000,
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: emptyDist, DISPLAY: '' },
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('无法启动法治台账桌面窗口');
    expect(r.stderr).toContain('Cannot start the 法治台账 desktop window');
    expect(r.stderr).toContain('npm run web');
    expect(r.stderr).toMatch(/网页模式/);
    expect(r.stderr).toMatch(/web mode/);
  });
});
