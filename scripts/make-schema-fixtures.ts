// Makes tests/fixtures/db/vN.sql: a ledger written by the code of schema
// version N itself (the last commit before version N+1 appeared, or today's
// code for the newest version), and tests/fixtures/db/vN.json: what that code
// showed through its own API (every record, 回收站 included, and the data
// package export). The ledger is kept as SQL text (scripts/ledger-sql.ts), never as a
// database file; tests/unit/upgrade.test.ts loads each and opens it with today's code.
//
//   node scripts/make-schema-fixtures.ts            makes the fixture of every version that has none
//   node scripts/make-schema-fixtures.ts --version 2 [--force]
//   node scripts/make-schema-fixtures.ts --check    exit 1 when the newest schema version has no fixture (release gate)
//
// Run it when a release changes the schema, and commit the two new files.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dumpLedger } from './ledger-sql.ts';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LATEST_VERSION } from '../electron/core/db/migrations.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURE_DIR = join(root, 'tests', 'fixtures', 'db');
/** the migrations: one array in this file up to version 16, then one file each in MIGRATIONS_DIR */
const MIGRATIONS_FILE = 'electron/core/db/migrations.ts';
const MIGRATIONS_DIR = 'electron/core/db/migrations';
/**
 * the package the fixture ledgers are made from: seed 002 (塘蓬镇 2020) with records added in
 * every register (其他法治工作, 依申请公开) and a full mediation case file (当事人, 回访), so an
 * upgrade is tested on every table. Older code ignores what it does not know yet.
 */
export const FIXTURE_PACKAGE = 'tests/fixtures/db/upgrade-package.json';
/** a fixed clock, so the same code makes the same file */
const FIXED_NOW = '2021-01-20T02:30:00.000Z';

const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

/** Highest `version: N` in a migrations.ts text (the layout up to version 16). */
export function maxVersionIn(source: string): number {
  let max = 0;
  for (const m of source.matchAll(/\bversion:\s*(\d+)\s*,/g)) max = Math.max(max, Number(m[1]));
  return max;
}

/** Highest NNN of the frozen migration files `NNN-name.ts` among these names. */
export function maxVersionOfFiles(names: string[]): number {
  let max = 0;
  for (const n of names) {
    const m = /(?:^|\/)(\d{3})-[^/]+\.ts$/.exec(n);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max;
}

/** git, quietly: undefined where the path does not exist at that commit */
function gitMaybe(...args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
}

/** The newest schema version of a commit's code, whichever layout it has. */
export function schemaVersionAt(commit: string): number {
  const files = gitMaybe('ls-tree', '--name-only', `${commit}:${MIGRATIONS_DIR}`);
  const text = gitMaybe('show', `${commit}:${MIGRATIONS_FILE}`);
  return Math.max(files ? maxVersionOfFiles(files.split('\n')) : 0, text ? maxVersionIn(text) : 0);
}

/**
 * The commit whose code wrote schema version N: the parent of the oldest
 * commit that brought a higher version, or null (today's tree) for the newest.
 * Undefined when version N never was the newest (a gap).
 */
export function sourceCommitFor(version: number): string | null | undefined {
  if (version === LATEST_VERSION) return null;
  const commits = git('log', '--format=%H', '--', MIGRATIONS_FILE, MIGRATIONS_DIR).trim().split('\n').filter(Boolean).reverse(); // oldest first
  for (const c of commits) {
    if (schemaVersionAt(c) > version) {
      const parent = git('rev-parse', `${c}^`).trim();
      return schemaVersionAt(parent) === version ? parent : undefined;
    }
  }
  return undefined;
}

// Runs inside the old code's tree: only methods every version has (exchange.*,
// <register>.list/delete, years.list) — nothing of today's API.
const DRIVER = String.raw`
import { readFileSync, writeFileSync } from 'node:fs';
const [, , coreUrl, dbPath, packageFile, outJson, now] = process.argv;
const { createCore } = await import(coreUrl);
const core = createCore({ dbPath, mode: 'cli', now: () => new Date(now) });
// the registers this code has (each register answers <name>.list)
const REGISTERS = [];
for (const name of ['activities', 'mediationCases', 'inspections', 'workItems', 'disclosureRequests', 'screenings']) {
  const r = await core.dispatch(name + '.list', { page: 1, pageSize: 1 });
  if (r.ok) REGISTERS.push(name);
}
const call = async (method, input) => {
  const r = await core.dispatch(method, input);
  if (!r.ok) throw new Error(method + ': ' + JSON.stringify(r.error));
  return r.value;
};
const report = await call('exchange.import', { content: readFileSync(packageFile, 'utf8') });
if (report.issues?.length) throw new Error('import issues: ' + JSON.stringify(report.issues.slice(0, 3)));
const all = async (register, deleted) => {
  const items = [];
  for (let page = 1; ; page++) {
    const r = await call(register + '.list', { page, pageSize: 500, deleted });
    items.push(...r.items);
    if (items.length >= r.total || r.items.length === 0) return items.sort((a, b) => a.id.localeCompare(b.id));
  }
};
// one record of each register goes to the 回收站: it must come back after an upgrade too
for (const register of REGISTERS) {
  const items = await all(register, false);
  if (items.length) await call(register + '.delete', { id: items[0].id });
}
const snapshot = { schemaVersion: core.ctx.db.pragma('user_version', { simple: true }), madeAt: now, registers: {} };
for (const register of REGISTERS) {
  snapshot.registers[register] = { active: await all(register, false), deleted: await all(register, true) };
}
snapshot.years = await call('years.list', {});
snapshot.package = JSON.parse((await call('exchange.export', {})).content);
// a self-contained file: no -wal beside it, no free pages
core.ctx.db.pragma('journal_mode = DELETE');
core.ctx.db.exec('VACUUM');
core.close();
writeFileSync(outJson, JSON.stringify(snapshot, null, 1) + '\n');
`;

/** Makes vN.sql and vN.json with the code of version N. */
export function makeFixture(version: number, options: { force?: boolean; log?: (s: string) => void } = {}): boolean {
  const log = options.log ?? console.log;
  const sqlFile = join(FIXTURE_DIR, `v${version}.sql`);
  const json = join(FIXTURE_DIR, `v${version}.json`);
  if (!options.force && existsSync(sqlFile) && existsSync(json)) {
    log(`v${version}：已有 ${sqlFile}，跳过（--force 重新生成）`);
    return false;
  }
  const commit = sourceCommitFor(version);
  if (commit === undefined) {
    log(`v${version}：没有哪个版本的程序以 ${version} 为最新数据结构版本，跳过`);
    return false;
  }
  const work = mkdtempSync(join(tmpdir(), `fazhi-schema-v${version}-`));
  try {
    let tree = root;
    if (commit) {
      tree = join(work, 'tree');
      mkdirSync(tree);
      const tar = spawnSync('sh', ['-c', `git archive ${commit} electron package.json | tar -x -C "${tree}"`], { cwd: root, encoding: 'utf8' });
      if (tar.status !== 0) throw new Error(`git archive ${commit} 失败：${tar.stderr}`);
      symlinkSync(join(root, 'node_modules'), join(tree, 'node_modules'), 'dir');
    }
    const driver = join(work, 'driver.mjs');
    writeFileSync(driver, DRIVER);
    const tmpDb = join(work, 'ledger.db');
    const tmpJson = join(work, 'snapshot.json');
    const coreUrl = new URL(`file://${join(tree, 'electron', 'core', 'index.ts')}`).href;
    const r = spawnSync(process.execPath, [driver, coreUrl, tmpDb, join(root, FIXTURE_PACKAGE), tmpJson, FIXED_NOW], { cwd: tree, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`用 ${commit ?? '当前代码'} 生成 v${version} 失败：\n${r.stderr}`);
    mkdirSync(FIXTURE_DIR, { recursive: true });
    writeFileSync(sqlFile, dumpLedger(tmpDb));
    renameSync(tmpJson, json);
    log(`v${version}：由 ${commit ? commit.slice(0, 10) : '当前代码'} 生成 ${sqlFile}（${Math.round(statSync(sqlFile).size / 1024)} KB）`);
    return true;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The schema versions that have a committed fixture. */
export function fixtureVersions(): number[] {
  if (!existsSync(FIXTURE_DIR)) return [];
  return readdirSync(FIXTURE_DIR)
    .map((n) => /^v(\d+)\.sql$/.exec(n)?.[1])
    .filter((v): v is string => v !== undefined && existsSync(join(FIXTURE_DIR, `v${v}.json`)))
    .map(Number)
    .sort((a, b) => a - b);
}

function main(argv: string[]): number {
  const at = argv.indexOf('--version');
  const force = argv.includes('--force');
  if (argv.includes('--check')) {
    const have = fixtureVersions();
    if (!have.includes(LATEST_VERSION)) {
      console.error(
        `缺少数据结构版本 ${LATEST_VERSION} 的升级测试数据库：请运行 node scripts/make-schema-fixtures.ts 并提交 tests/fixtures/db/v${LATEST_VERSION}.sql 和 .json`,
      );
      return 1;
    }
    console.log(`升级测试数据库齐全：${have.map((v) => `v${v}`).join('、')}（最新 v${LATEST_VERSION}）`);
    return 0;
  }
  const versions = at >= 0 ? [Number(argv[at + 1])] : Array.from({ length: LATEST_VERSION }, (_, i) => i + 1);
  if (versions.some((v) => !Number.isInteger(v) || v < 1 || v > LATEST_VERSION)) {
    console.error(`用法：node scripts/make-schema-fixtures.ts [--version 1…${LATEST_VERSION}] [--force] | --check`);
    return 2;
  }
  for (const v of versions) makeFixture(v, { force });
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
