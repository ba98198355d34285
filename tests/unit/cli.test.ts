import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../../electron/cli/index.ts';
import { createCore } from '../../electron/core/index.ts';
import { cliOutput, FIXTURES_DIR, fixtureNames } from '../helpers/core.ts';

const tmp = cliOutput();
const { out, errs } = tmp;

const db = () => `${tmp.dir}/ledger.db`;
const total = (table: string) => {
  const core = createCore({ dbPath: db() });
  try {
    return (core.ctx.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    core.close();
  }
};

describe('cli', () => {
  it.each(fixtureNames())('imports fixture %s, exports it, and the re-import dry run finds everything unchanged', async (name) => {
    const pkgFile = `${FIXTURES_DIR}${name}/package.json`;
    const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
    expect(await runCli(['import', pkgFile, '--db', db()])).toBe(0);
    expect(out.join('\n')).toContain('导入完成');
    expect(total('mediation_cases')).toBe(pkg.mediationCases.length);

    const exported = `${tmp.dir}/out.json`;
    expect(await runCli(['export', '--out', exported, '--db', db()])).toBe(0);
    expect(JSON.parse(readFileSync(exported, 'utf8')).activities).toHaveLength(pkg.activities.length);

    out.length = 0;
    expect(await runCli(['import', exported, '--dry-run', '--db', db()])).toBe(0);
    const n = pkg.activities.length + pkg.mediationCases.length + pkg.inspections.length + (pkg.workItems?.length ?? 0) + pkg.years.length;
    expect(out.join('\n')).toContain(`合计：新增 0，更新 0，未变 ${n}，保留本地较新 0，无效 0`);
  });

  it('exits 1 with a Chinese message and writes nothing for a broken package', async () => {
    const bad = `${tmp.dir}/bad.json`;
    writeFileSync(
      bad,
      JSON.stringify({
        format: 'fazhi-ledger-package',
        version: 1,
        township: { name: '清河镇', authority: '临江县清河镇人民政府' },
        activities: [
          { id: 'a1', date: '2024-01-05', title: '好的', kind: 'campaign' },
          { id: 'a2', date: '2024-13-01', title: '坏的', kind: 'campaign' },
        ],
      }),
    );
    expect(await runCli(['import', bad, '--db', db()])).toBe(1);
    expect(errs.join('\n')).toContain('未导入任何记录');
    expect(out.join('\n')).toMatch(/普法宣传活动（第2条[^）]*）：「活动日期」不是有效日期/);
    expect(total('activities')).toBe(0);

    writeFileSync(bad, 'not json');
    expect(await runCli(['import', bad, '--db', db()])).toBe(1);
    expect(errs.join('\n')).toContain('不是法治台账数据包');
  });

  it('exits 2 on usage errors', async () => {
    expect(await runCli([])).toBe(2);
    expect(await runCli(['frobnicate'])).toBe(2);
    expect(await runCli(['import', '--db', db()])).toBe(2);
    expect(await runCli(['export', '--db', db()])).toBe(2);
    expect(await runCli(['stats', '--year', 'abc', '--db', db()])).toBe(2);
    expect(await runCli(['import', 'x.json', '--nope', '--db', db()])).toBe(2);
    expect(errs.join('\n')).toContain('用法');
  });

  it('refuses a --db (or FAZHI_DB) that does not exist, except for the commands that create one', async () => {
    const typo = `${tmp.dir}/ledgr.db`;
    expect(await runCli(['stats', '--year', '2024', '--db', typo])).toBe(1);
    expect(errs.join('\n')).toContain(`找不到数据库文件“${typo}”（--db 给出的路径）`);
    expect(out.join('\n')).not.toMatch(/场次/);
    vi.stubEnv('FAZHI_DB', typo);
    try {
      expect(await runCli(['backups'])).toBe(1);
    } finally {
      vi.unstubAllEnvs();
    }
    expect(errs.join('\n')).toContain('环境变量 FAZHI_DB');
    expect(existsSync(typo)).toBe(false);
    // demo creates the ledger it is given
    expect(await runCli(['demo', '--year', '2024', '--db', typo])).toBe(0);
    expect(existsSync(typo)).toBe(true);
  });

  it('takes the database from FAZHI_DB when --db is not given', async () => {
    expect(await runCli(['demo', '--year', '2024', '--db', db()])).toBe(0);
    vi.stubEnv('FAZHI_DB', db());
    try {
      expect(await runCli(['stats', '--year', '2024'])).toBe(0);
    } finally {
      vi.unstubAllEnvs();
    }
    expect(out.join('\n')).toMatch(/普法宣传活动 4\d 场次/);
    expect(await runCli(['demo', '--year', '2024', '--db', db()])).toBe(1);
    expect(errs.join('\n')).toContain('已有台账记录');
  });

  it('demo without --db writes to a separate demo database and says where, never the real ledger', async () => {
    vi.stubEnv('XDG_CONFIG_HOME', tmp.dir);
    vi.stubEnv('FAZHI_DB', db());
    try {
      expect(await runCli(['demo', '--year', '2024'])).toBe(0);
    } finally {
      vi.unstubAllEnvs();
    }
    const demoDb = `${tmp.dir}/法治台账/demo/demo-ledger.db`;
    expect(out.join('\n')).toContain(demoDb);
    expect(existsSync(db())).toBe(false);
    const core = createCore({ dbPath: demoDb });
    try {
      const n = (core.ctx.db.prepare('SELECT COUNT(*) AS n FROM activities').get() as { n: number }).n;
      const marked = (core.ctx.db.prepare("SELECT COUNT(*) AS n FROM demo_records WHERE register = 'activities'").get() as { n: number }).n;
      expect(n).toBeGreaterThan(30);
      expect(marked).toBe(n);
    } finally {
      core.close();
    }
  });
});
