// Faults in Chinese (issue 8, attack 6): a disk that fills up and a folder that
// turns read-only, on a real tiny tmpfs in a private mount namespace. Needs
// `unshare -rm` and `mount`; where they are missing the test is skipped loudly.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { faultOf } from '../../electron/core/util/faults.ts';
import { tempDir } from '../helpers/core.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NODE = join(ROOT, 'node_modules/.bin/node');

function canMount(): boolean {
  const { dir, cleanup } = tempDir('fazhi-mnt-');
  try {
    return spawnSync('unshare', ['-rm', 'sh', '-c', `mount -t tmpfs -o size=64k tmpfs '${dir}'`], { stdio: 'ignore' }).status === 0;
  } finally {
    cleanup();
  }
}

const mountable = canMount();
if (!mountable) {
  console.warn('\n⚠⚠⚠ 跳过磁盘已满测试：本机不能用 unshare -rm + mount 挂载 tmpfs（需要用户命名空间）。SKIPPED disk-full test: no unshare/mount. ⚠⚠⚠\n');
}

const ENGLISH = /disk I\/O|SQLITE|database or disk|ENOSPC|EROFS|read-only file system|程序内部错误/i;

describe('faults in Chinese', () => {
  it('SQLite and file-system fault codes become plain Chinese messages', () => {
    const cases: [string, string, RegExp][] = [
      ['SQLITE_FULL', 'disk_full', /磁盘空间已满/],
      ['ENOSPC', 'disk_full', /磁盘空间已满/],
      ['SQLITE_READONLY', 'read_only', /无法写入/],
      ['EROFS', 'read_only', /无法写入/],
      ['SQLITE_IOERR_WRITE', 'read_only', /U盘可能已拔出/],
      ['EIO', 'read_only', /U盘可能已拔出/],
      ['SQLITE_BUSY', 'busy', /另一个程序/],
      ['SQLITE_CORRUPT', 'corrupt', /已损坏.*从最近的备份恢复/],
      ['SQLITE_NOTADB', 'corrupt', /已损坏/],
    ];
    for (const [code, expected, message] of cases) {
      const f = faultOf(Object.assign(new Error('disk I/O error'), { code }));
      expect(f?.code, code).toBe(expected);
      expect(f?.message, code).toMatch(message);
      expect(f?.message).not.toMatch(ENGLISH);
    }
    expect(faultOf(new Error('other'))).toBeNull();
  });

  it.skipIf(!mountable)(
    'a full disk and a read-only folder: Chinese messages in the API and the CLI, nothing half-written',
    () => {
      const { dir, cleanup } = tempDir('fazhi-full-');
      try {
        const r = spawnSync(
          'unshare',
          ['-rm', 'sh', '-c', `mount -t tmpfs -o size=1m tmpfs '${dir}' && exec '${NODE}' tests/helpers/fault-child.ts '${dir}'`],
          {
            cwd: ROOT,
            encoding: 'utf8',
            timeout: 120_000,
          },
        );
        expect(r.status, r.stderr).toBe(0);
        const out = JSON.parse(r.stdout.trim().split('\n').pop()!);
        // the disk filled: the failing save was named plainly and every save before it is intact
        expect(out.created).toBeGreaterThan(10);
        expect(out.full.code).toBe('disk_full');
        expect(out.full.message).toMatch(/磁盘空间已满/);
        expect(out.full.message).not.toMatch(ENGLISH);
        expect(out.listed).toBe(out.created);
        expect(out.integrity).toBe('ok');
        // a backup on the full disk fails plainly too
        expect(out.backup.code).toBe('disk_full');
        // the CLI: exit 1, Chinese, no English
        expect(out.cli.status).toBe(1);
        expect(out.cli.stderr).toMatch(/磁盘空间已满/);
        expect(out.cli.stderr).not.toMatch(ENGLISH);
        // read-only: the API and the CLI say so
        expect(out.openError).toBe('');
        expect(out.readOnly.code).toBe('read_only');
        expect(out.readOnly.message).toMatch(/无法写入/);
        expect(out.readOnly.message).not.toMatch(ENGLISH);
        expect(out.cliRo.status).toBe(1);
        expect(out.cliRo.stderr).toMatch(/无法写入|U盘/);
        expect(out.cliRo.stderr).not.toMatch(ENGLISH);
      } finally {
        cleanup();
      }
    },
    180_000,
  );
});
