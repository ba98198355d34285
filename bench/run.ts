// npm run bench [startup|registers|report|scale|excel-backup|home]: the benchmarks, each goal beside its figure.
// Each runs in a process of its own, so one's peak memory never counts against another's.
// Not part of npm test.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BENCHES: [name: string, label: string][] = [
  ['startup', '进程启动'],
  ['registers', '台账列表与导入'],
  ['report', '年度报告'],
  ['scale', '整进程：十万级导入与报告'],
  ['excel-backup', 'Excel 与备份'],
  ['home', '首页（图表与提醒）'],
];

const only = process.argv[2];
if (only && !BENCHES.some(([n]) => n === only)) {
  console.error(`未知的基准：${only}（可选：${BENCHES.map(([n]) => n).join('、')}）`);
  process.exit(2);
}

console.log(`法治台账 基准测试 — Node ${process.versions.node}，${new Date().toISOString()}`);
const results: [string, boolean][] = [];
for (const [name, label] of BENCHES) {
  if (only && only !== name) continue;
  const file = fileURLToPath(new URL(`./${name}.ts`, import.meta.url));
  const r = spawnSync(process.execPath, [file], { stdio: 'inherit' });
  results.push([label, r.status === 0]);
}
console.log('\n## 汇总');
for (const [label, ok] of results) console.log(`${ok ? '✓' : '✗'} ${label}`);
process.exitCode = results.every(([, ok]) => ok) ? 0 : 1;
