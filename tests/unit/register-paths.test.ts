// A register's page path is spelled in one place, registerPath() in registers.ts: the router
// (via register-config.ts) and every link to a register page (首页, report and 年报 checks,
// reminders) call it, so no source file writes '/mediation-cases' & co. itself.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REGISTER_NAMES, registerPath } from '../../electron/shared/registers.ts';

const ROOT = new URL('../../', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : /\.(ts|vue)$/.test(n) ? [p] : [];
  });
}

describe('register page paths', () => {
  it('are the register names in kebab case', () => {
    expect(REGISTER_NAMES.map(registerPath)).toEqual(['/activities', '/mediation-cases', '/inspections', '/work-items', '/disclosure-requests', '/screenings']);
  });

  it('are spelled by no other source file (links use registerPath)', () => {
    const spelled = REGISTER_NAMES.map((r) => `'${registerPath(r)}'`);
    const files = [...sources(join(ROOT, 'renderer/src')), ...sources(join(ROOT, 'electron'))];
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.filter((f) => spelled.some((s) => readFileSync(f, 'utf8').includes(s))).map((f) => f.slice(ROOT.length));
    expect(offenders).toEqual([]);
  });
});
