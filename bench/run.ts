// npm run bench [registers|report|custody]: the benchmarks, each goal beside its figure. Not part of npm test.
import { benchCustody } from './custody.ts';
import { benchRegisters } from './registers.ts';
import { benchReport } from './report.ts';
import { mb } from './stats-util.ts';

const only = process.argv[2];
const results: [string, boolean][] = [];

console.log(`法治台账 基准测试 — Node ${process.versions.node}，${new Date().toISOString()}`);
if (!only || only === 'registers') results.push(['台账列表与导入', await benchRegisters()]);
if (!only || only === 'report') results.push(['年度报告', await benchReport()]);
if (!only || only === 'custody') results.push(['Excel 与备份', await benchCustody()]);
console.log(`\n## 汇总（进程峰值内存 ${mb(process.resourceUsage().maxRSS * 1024)}）`);
for (const [name, ok] of results) console.log(`${ok ? '✓' : '✗'} ${name}`);
process.exitCode = results.every(([, ok]) => ok) ? 0 : 1;
