// Whole processes at scale (issue 24): `cli import` of a package of 100 000 records a
// register plus half as many the year before (600 000 records), and `cli report` of that
// year, each timed as the clerk runs them (node scripts/launch.mjs electron/cli/index.ts …),
// beside the floors measured in the same run: `cli --help` (the process itself), and the
// same import into a ledger without the keyword index. Also the ledger's bytes per record
// with and without the index. The same at 1 000 a register.
// Goals: import ≥ 30 000 records/s; report ≤ --help + 1.5 s (1 000 a register: + 300 ms);
// the index not larger than the tables it indexes.
// Run: node_modules/.bin/node bench/scale.ts   (or npm run bench -- scale)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { openDatabase } from '../electron/core/db/connection.ts';
import { dropKeywordIndex } from '../electron/core/registers/keyword-index.ts';
import { REGISTERS, REGISTER_NAMES } from '../electron/shared/registers.ts';
import { bigPackage, PACKAGE_YEAR } from './support/big-package.ts';
import { median, ms, verdict } from './stats-util.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = ['scripts/launch.mjs', 'electron/cli/index.ts'];

function run(args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [...CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  const t = performance.now() - t0;
  if (r.status !== 0) throw new Error(`cli ${args.join(' ')} → ${r.status}: ${r.stderr.slice(0, 500)}`);
  return t;
}

const times = (n: number, f: () => number) => Array.from({ length: n }, f);

/** Bytes of the ledger's tables and of its keyword index (dbstat), and the file. */
function sizes(file: string): { file: number; index: number; tables: number } {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db.prepare('SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name').all() as { name: string; bytes: number }[];
    const tables = new Set(REGISTER_NAMES.map((r) => REGISTERS[r].table));
    let index = 0;
    let own = 0;
    for (const r of rows) {
      if (/_fts(_|$)/.test(r.name)) index += r.bytes;
      else if (tables.has(r.name)) own += r.bytes;
    }
    return { file: statSync(file).size, index, tables: own };
  } finally {
    db.close();
  }
}

async function scale(perRegister: number, reportGoalOver: number, checkImport: boolean): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), 'fazhi-bench-scale-'));
  try {
    const pkgFile = join(dir, 'package.json');
    const { text, records } = bigPackage(perRegister);
    writeFileSync(pkgFile, text);
    console.log(
      `\n## 整进程：每类台账 ${perRegister.toLocaleString()} 条（${PACKAGE_YEAR}年）另有上年一半，共 ${records.toLocaleString()} 条，数据包 ${Math.round(text.length / 1e6)} MB`,
    );
    let ok = true;

    // the floor of the import: the same package into a ledger without the keyword index
    const bare = join(dir, 'bare.db');
    const db = openDatabase(bare);
    for (const r of REGISTER_NAMES) dropKeywordIndex(db, REGISTERS[r]);
    db.close();
    const load = loadavg()[0]; // the machine's load before the imports (others' processes; a 2-core machine shared is slower)
    const tBare = run(['import', pkgFile, '--db', bare]);
    const ledger = join(dir, 'ledger.db');
    const tImport = run(['import', pkgFile, '--db', ledger]);
    const rate = records / (tImport / 1000);
    if (checkImport) ok &&= rate >= 30_000;
    console.log(
      `cli import（整进程，含启动与读包）${ms(tImport)}，每秒 ${Math.round(rate).toLocaleString()} 条${checkImport ? `  目标 ≥ 30 000 条/秒  ${verdict(rate >= 30_000)}` : ''}（导入前机器负载 ${load.toFixed(2)}，${availableParallelism()} 核）`,
    );
    console.log(
      `  极限：同一数据包导入无关键词索引的台账 ${ms(tBare)}（每秒 ${Math.round(records / (tBare / 1000)).toLocaleString()} 条）；本实现为其 ${(tImport / tBare).toFixed(2)} 倍`,
    );

    const withIndex = sizes(ledger);
    const without = sizes(bare);
    const per = (b: number) => `${Math.round(b / records)} 字节/条`;
    const smallIndex = withIndex.index <= withIndex.tables;
    ok &&= smallIndex;
    console.log(
      `台账文件：含关键词索引 ${Math.round(withIndex.file / 1e6)} MB（${per(withIndex.file)}），不含 ${Math.round(without.file / 1e6)} MB（${per(without.file)}）；索引 ${Math.round(withIndex.index / 1e6)} MB，台账表 ${Math.round(withIndex.tables / 1e6)} MB  目标 索引 ≤ 表  ${verdict(smallIndex)}`,
    );

    // the report as the clerk runs it, beside the process that does nothing (--help)
    const out = join(dir, 'report.docx');
    run(['--help']);
    run(['report', '--year', String(PACKAGE_YEAR), '--out', out, '--db', ledger]); // warm
    // medians of 7: a 2-core machine shared with others moves a single run by ±100 ms
    const help = median(times(7, () => run(['--help'])));
    const report = median(times(7, () => run(['report', '--year', String(PACKAGE_YEAR), '--out', out, '--db', ledger])));
    const over = report - help;
    ok &&= over <= reportGoalOver;
    console.log(
      `cli report（整进程，7 次中位数）${ms(report)}；cli --help ${ms(help)}；多出 ${ms(over)}  目标 ≤ --help + ${reportGoalOver} ms  ${verdict(over <= reportGoalOver)}`,
    );
    return ok;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchScale(): Promise<boolean> {
  const small = await scale(1_000, 300, false);
  const large = await scale(100_000, 1500, true);
  return small && large;
}

if (import.meta.main) {
  const ok = await benchScale();
  process.exitCode = ok ? 0 : 1;
}
