// The release pipeline cannot run here (Electron is not downloadable), so what
// can be checked offline is: actionlint passes (and is not a no-op), and the
// workflows build, test and name exactly what the issue and the README promise.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('../../', import.meta.url));
const actionlint = join(root, 'node_modules', '@tktco', 'node-actionlint', 'bin', 'node-actionlint.js');
const read = (name: string) => readFileSync(join(root, '.github', 'workflows', name), 'utf8');

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  shell?: string;
}
interface Job {
  'runs-on'?: string;
  needs?: string[];
  uses?: string;
  container?: string;
  if?: string;
  steps?: Step[];
  strategy?: { matrix: { include: Record<string, string>[] } };
  permissions?: Record<string, string>;
  env?: Record<string, string>;
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, Job>;
  env?: Record<string, string>;
  permissions?: Record<string, string>;
}

const release = parse(read('release.yml')) as Workflow;
const ci = parse(read('ci.yml')) as Workflow;
const allRuns = (job: Job) => (job.steps ?? []).flatMap((s) => (s.run ? [s.run.trim()] : [])).join('\n');

const scratch = mkdtempSync(join(tmpdir(), 'fazhi-actionlint-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function lint(cwd: string) {
  return spawnSync(process.execPath, [actionlint], { cwd, encoding: 'utf8', timeout: 60_000 });
}

describe('workflow files', () => {
  it('pass actionlint, offline', () => {
    const r = lint(root);
    expect(r.stdout + r.stderr).toContain('Checking 2 workflow file(s)');
    expect(r.status, r.stdout).toBe(0);
  });

  it('actionlint catches a broken workflow (the check is not a no-op)', () => {
    cpSync(join(root, '.github'), join(scratch, '.github'), { recursive: true });
    const broken = read('release.yml')
      .replace('needs: [version, package-linux]', 'needs: [version, package-linux-typo]')
      .replace('if-no-files-found: error', 'if-no-file-found: error');
    writeFileSync(join(scratch, '.github', 'workflows', 'release.yml'), broken);
    const r = lint(scratch);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('package-linux-typo');
    expect(r.stdout).toContain('if-no-file-found');
  });
});

describe('ci.yml', () => {
  it('runs .ci/run on every push, as root on Debian, and is callable by the release', () => {
    expect(Object.keys(ci.on)).toEqual(expect.arrayContaining(['push', 'workflow_call']));
    const job = ci.jobs.test;
    expect(job.container).toMatch(/^node:24-/);
    expect(allRuns(job)).toBe('bash .ci/run');
  });
});

describe('release.yml', () => {
  it('runs on a version tag, after the whole test suite', () => {
    expect(release.on.push).toEqual({ tags: ['v*.*.*'] });
    expect(release.jobs.test.uses).toBe('./.github/workflows/ci.yml');
    for (const job of ['package-linux', 'package-windows']) expect(release.jobs[job].needs).toContain('test');
    expect(allRuns(release.jobs.version)).toContain('make-schema-fixtures.ts --check');
  });

  it('builds better-sqlite3 from source in a glibc 2.28 container on x64 and arm64', () => {
    const job = release.jobs['addon-linux'];
    const matrix = job.strategy?.matrix.include ?? [];
    expect(matrix.map((m) => [m.arch, m.image])).toEqual([
      ['x64', 'quay.io/pypa/manylinux_2_28_x86_64'],
      ['arm64', 'quay.io/pypa/manylinux_2_28_aarch64'],
    ]);
    expect(matrix.find((m) => m.arch === 'arm64')?.runner).toMatch(/arm/);
    expect(allRuns(job)).toContain('build/linux/build-better-sqlite3.sh');
    const script = readFileSync(join(root, 'build', 'linux', 'build-better-sqlite3.sh'), 'utf8');
    expect(script).toContain('node-gyp rebuild --release --force_build=1');
    expect(script).toContain('check-glibc.ts');
    expect(release.env?.MAX_GLIBC).toBe('2.28');
  });

  it('packages Linux deb + AppImage for both architectures with that addon, and checks every native binary', () => {
    const runs = allRuns(release.jobs['package-linux']);
    expect(runs).toContain('node scripts/dist.ts --linux deb AppImage --x64 --arm64');
    expect(runs).toContain('node scripts/check-glibc.ts release/linux-unpacked release/linux-arm64-unpacked --max "$MAX_GLIBC"');
    expect(runs).toMatch(/cp "addon\/linux-\$arch\.node" "node_modules\/better-sqlite3\/prebuilds\/linux-\$arch\.node"/);
  });

  it('smoke-tests the real window on every target, failing (not skipping) when the app is missing', () => {
    const linux = release.jobs['smoke-linux'];
    expect((linux.strategy?.matrix.include ?? []).map((m) => m.arch)).toEqual(['x64', 'arm64']);
    const windows = release.jobs['package-windows'];
    for (const job of [linux, windows]) {
      const smoke = (job.steps ?? []).find((s) => s.run?.includes('npm run test:electron'));
      expect(smoke?.env?.FAZHI_ELECTRON_REQUIRED).toBe('1');
      expect(smoke?.env?.FAZHI_ELECTRON_APP).toBeTruthy();
      expect(allRuns(job)).toContain('EnableNodeCliInspectArguments=on');
    }
    expect(allRuns(linux)).toContain('xvfb-run');
  });

  it('makes the Windows installer and the U盘 zip, and installs twice keeping the data folder', () => {
    const runs = allRuns(release.jobs['package-windows']);
    expect(runs).toContain('node scripts/dist.ts --win nsis --x64');
    expect(runs).toContain('node scripts/make-portable-zip.ts release/win-unpacked "release/fazhi-ledger-$VERSION-win-x64-portable.zip"');
    expect(runs).toContain('./build/win/test-install-twice.ps1');
    const ps = readFileSync(join(root, 'build', 'win', 'test-install-twice.ps1'), 'utf8');
    expect(ps.charCodeAt(0)).toBe(0xfeff); // Windows PowerShell reads Chinese only with a BOM
    expect(ps).toContain("Join-Path $env:APPDATA '法治台账'");
    expect(ps).toContain('覆盖安装改动了 ledger.db');
    expect(ps).toContain('卸载删掉了台账数据库');
  });

  it('names every file with version and architecture, sums each, and drafts the release only for a tag', () => {
    const config = JSON.parse(readFileSync(join(root, 'build', 'electron-builder.json'), 'utf8')) as Record<string, { artifactName?: string }>;
    for (const key of ['nsis', 'deb', 'appImage']) expect(config[key].artifactName).toMatch(/\$\{version\}.*\$\{arch\}/);
    const sums = allRuns(release.jobs.checksums);
    expect(sums).toContain('sha256sum fazhi-ledger-* > SHA256SUMS.txt');
    expect(sums).toContain('.sha256');
    expect(sums).toContain('sha256sum -c SHA256SUMS.txt');
    const publish = release.jobs.publish;
    expect(publish.if).toBe("github.ref_type == 'tag'");
    expect(publish.permissions).toEqual({ contents: 'write' });
    expect(allRuns(publish)).toContain('--draft');
    expect(release.permissions).toEqual({ contents: 'read' });
  });
});
