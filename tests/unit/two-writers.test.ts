// Two writers at once: a CLI import (another process) writing while the clerk
// saves. Every write transaction is BEGIN IMMEDIATE, so a save waits for the
// other writer (busy_timeout) and never fails (issue 8, attack 4).
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/index.ts';
import { ok, SAMPLES, tempDir } from '../helpers/core.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

// the other process: commits a batch every few milliseconds, holding the write lock a while each time
const WRITER = `
import Database from 'better-sqlite3';
import { registerKeywordFunctions } from './electron/core/registers/keyword-index.ts';
const [file, ms] = process.argv.slice(1);
const db = new Database(file);
// the keyword index's triggers call fazhi_grams(): every connection of the app has it (migrate() registers it)
registerKeywordFunctions(db);
db.pragma('busy_timeout = 5000');
const insert = db.prepare("INSERT INTO work_items (id, date, category, title, updated_at) VALUES (?, '2024-06-01', 'study', '集体学法', ?)");
let n = 0;
const end = Date.now() + Number(ms);
// sleeps (not spins): the machine's CPU stays with the process under test
const sleep = (t) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, t);
console.log('started');
while (Date.now() < end) {
  db.transaction(() => {
    for (let i = 0; i < 20; i++) insert.run('cli-' + n++, new Date().toISOString());
    sleep(10); // holds the write lock a while, as a long import does
  }).immediate();
  sleep(4); // lets others in
}
console.log('done ' + n);
db.close();
`;

function startWriter(dbPath: string, ms: number): Promise<{ started: Promise<void>; done: Promise<number> }> {
  const child = spawn(process.execPath, ['--input-type=module', '-e', WRITER, dbPath, String(ms)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  let onStart!: () => void;
  const started = new Promise<void>((r) => {
    onStart = r;
  });
  const done = new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('started')) onStart();
    });
    child.on('exit', (code) => (code === 0 ? resolve(Number(/done (\d+)/.exec(out)?.[1] ?? 0)) : reject(new Error(`writer exited ${code}`))));
  });
  return Promise.resolve({ started, done });
}

describe('two writers at once', () => {
  it('saves made while another process writes all succeed (they wait, never fail)', async () => {
    const { dir, cleanup } = tempDir('fazhi-2w-');
    const dbPath = join(dir, 'ledger.db');
    const core = createCore({ dbPath });
    cleanups.push(() => {
      core.close();
      cleanup();
    });
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) ids.push(ok(await core.call('activities.create', { record: { ...SAMPLES.activities, title: `活动${i}` } })).id);

    const writer = await startWriter(dbPath, 2500);
    await writer.started;
    const failures: string[] = [];
    let saves = 0;
    const end = Date.now() + 1800;
    while (Date.now() < end) {
      // update reads the record and then writes it: the pattern a deferred transaction loses
      const id = ids[saves % ids.length];
      const r = await core.call('activities.update', { id, record: { ...SAMPLES.activities, title: `改${saves}` } });
      if (!r.ok) failures.push(r.error.message);
      const c = await core.call('workItems.create', { record: SAMPLES.workItems });
      if (!c.ok) failures.push(c.error.message);
      saves += 2;
      await new Promise((r) => setImmediate(r));
    }
    const written = await writer.done;
    expect(written).toBeGreaterThan(100);
    expect(saves).toBeGreaterThan(20);
    expect(failures, failures.slice(0, 3).join('\n')).toEqual([]);
    expect(core.ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
  }, 30_000);

  it('every write transaction in the core is BEGIN IMMEDIATE', () => {
    const files: string[] = [];
    const walk = (d: string) => {
      for (const n of readdirSync(d)) {
        const p = join(d, n);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith('.ts')) files.push(p);
      }
    };
    walk(join(ROOT, 'electron'));
    const deferred: string[] = [];
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      // a transaction called plainly — `transaction(…)()` — is deferred
      for (const m of text.matchAll(/\.transaction\(/g)) {
        let depth = 0;
        let i = m.index! + '.transaction'.length;
        for (; i < text.length; i++) {
          if (text[i] === '(') depth++;
          else if (text[i] === ')' && --depth === 0) break;
        }
        if (!/^\s*\.immediate\(/.test(text.slice(i + 1))) deferred.push(`${f.slice(ROOT.length)}:${text.slice(0, m.index).split('\n').length}`);
      }
    }
    expect(deferred).toEqual([]);
  });
});
