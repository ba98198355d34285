// Runs every e2e test alone (one vitest process per test, `-t` on its full name) to prove
// that no test leans on state an earlier one left, then prints a table.
//   npm run test:e2e:each                       every test of every file
//   npm run test:e2e:each -- tests/e2e/x.test.ts  the tests of some files
// The list of tests comes from one run of the files with the JSON reporter (also a normal run).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const files = process.argv.slice(2);
const dir = mkdtempSync(join(tmpdir(), 'fazhi-e2e-each-'));
const vitest = (args, out) => {
  const r = spawnSync('npx', ['vitest', 'run', '--project', 'e2e', '--reporter=json', `--outputFile=${out}`, ...args], { encoding: 'utf8' });
  try {
    return JSON.parse(readFileSync(out, 'utf8'));
  } catch {
    throw new Error(`vitest wrote no report (exit ${r.status}):\n${r.stderr}`);
  }
};
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

try {
  spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  const all = vitest(files, join(dir, 'all.json'));
  const tests = all.testResults.flatMap((f) =>
    // -t matches the names of the suites and the test joined by ' > '
    f.assertionResults.map((t) => ({ file: relative(process.cwd(), f.name), name: [...t.ancestorTitles, t.title].join(' > '), together: t.status })),
  );
  const rows = [];
  for (const [i, t] of tests.entries()) {
    const started = Date.now();
    const r = vitest([t.file, '-t', `^${escape(t.name)}$`], join(dir, `${i}.json`));
    // alone means exactly this one test ran, and passed
    const alone = r.numPassedTests === 1 && r.numFailedTests === 0 ? 'passed' : `FAILED (${r.numPassedTests} passed, ${r.numFailedTests} failed)`;
    rows.push({ ...t, alone, seconds: ((Date.now() - started) / 1000).toFixed(1) });
    console.log(`${alone === 'passed' ? '✓' : '✗'} ${t.file} > ${t.name} (${rows.at(-1).seconds} s)`);
  }
  console.log('\n| file | test | in its file | alone | seconds alone |\n| --- | --- | --- | --- | --- |');
  for (const r of rows) console.log(`| ${r.file.replace('tests/e2e/', '')} | ${r.name} | ${r.together} | ${r.alone} | ${r.seconds} |`);
  const bad = rows.filter((r) => r.alone !== 'passed' || r.together !== 'passed');
  console.log(`\n${rows.length} tests; ${rows.length - bad.length} passed both in their file and alone; ${bad.length} did not.`);
  process.exitCode = bad.length ? 1 : 0;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
