// One partition, the domain's: each domain has its contract slice, its core folder with
// the handlers.ts that implements exactly that slice, and its tests folder; writes are
// wrapped by mutator() where they are registered, and a mutator is one BEGIN IMMEDIATE
// transaction that leaves nothing behind when it fails.
import Database from 'better-sqlite3';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contract, contractSlices, type Domain } from '../../electron/shared/contract/index.ts';
import { createCore } from '../../electron/core/index.ts';
import { isMutator, mutator } from '../../electron/core/mutator.ts';
import { AppError } from '../../electron/core/util/errors.ts';
import { tempDir } from '../helpers/core.ts';
import { REGISTER_NAMES } from '../../electron/shared/registers.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DOMAINS = Object.keys(contractSlices) as Domain[];

/** each domain's handlers, imported from its own folder (not through the lazy registry) */
async function domainHandlers(d: Domain): Promise<Record<string, unknown>> {
  const mod = (await import(`../../electron/core/${d}/handlers.ts`)) as Record<string, Record<string, unknown>>;
  return mod[`${d}Handlers`];
}

/** Writes that manage their own transactions, and why (the comment at each handler says the same). */
const OWN_TRANSACTIONS: Record<string, string> = {
  'exchange.import': 'backs up first (async), then writes the package in one BEGIN IMMEDIATE',
  'exchange.importZip': 'reads the zip and backs up (async), then one BEGIN IMMEDIATE',
  'excel.import': 'reads the workbook and backs up (async), then one BEGIN IMMEDIATE',
  'backup.create': "SQLite's online backup: no transaction of ours",
  'backup.restore': 'checks, backs up, rebuilds and swaps the database file',
  'demoData.clear': 'backs up first (async), then moves the demo records into the 回收站 in one BEGIN IMMEDIATE',
  'enterprise.importItems': 'reads the workbook (async), then one BEGIN IMMEDIATE',
};

describe('the domain partition', () => {
  it('every domain has its contract slice, its core folder with handlers.ts, and a tests folder', () => {
    expect(DOMAINS).toEqual([
      'app',
      'registers',
      'years',
      'exchange',
      'excel',
      'backup',
      'attachments',
      'stats',
      'report',
      'openness',
      'enforcement',
      'cases',
      'home',
      'demo',
      'enterprise',
      'mediationStats',
    ]);
    for (const d of DOMAINS) {
      expect(existsSync(join(ROOT, 'electron/shared/contract', `${d}.ts`)), `contract/${d}.ts`).toBe(true);
      expect(existsSync(join(ROOT, 'electron/core', d, 'handlers.ts')), `core/${d}/handlers.ts`).toBe(true);
      expect(existsSync(join(ROOT, 'tests/unit', d)), `tests/unit/${d}/`).toBe(true);
    }
    // the contract folder holds the slices and its two helpers, nothing else
    expect(readdirSync(join(ROOT, 'electron/shared/contract')).sort()).toEqual([...DOMAINS.map((d) => `${d}.ts`), 'define.ts', 'index.ts'].sort());
    // core/api keeps the registry and the dispatch only
    expect(readdirSync(join(ROOT, 'electron/core/api')).sort()).toEqual(['dispatch.ts', 'handlers.ts']);
  });

  it("each domain's handlers.ts implements exactly its slice, and every method is in one slice only", async () => {
    const seen = new Map<string, Domain>();
    for (const d of DOMAINS) {
      const handlers = await domainHandlers(d);
      expect(Object.keys(handlers).sort(), d).toEqual(Object.keys(contractSlices[d]).sort());
      for (const name of Object.keys(contractSlices[d])) {
        expect(seen.get(name), `${name} in ${d} and ${seen.get(name)}`).toBeUndefined();
        seen.set(name, d);
      }
    }
    expect([...seen.keys()].sort()).toEqual(Object.keys(contract).sort());
  });

  it('the writes are mutators, registered as such; the others say why they are not', async () => {
    const mutators: string[] = [];
    for (const d of DOMAINS) {
      for (const [name, fn] of Object.entries(await domainHandlers(d))) if (isMutator(fn)) mutators.push(name);
    }
    const registerWrites = REGISTER_NAMES.flatMap((r) => ['create', 'update', 'delete', 'restore', 'purge'].map((v) => `${r}.${v}`));
    expect(mutators.sort()).toEqual(
      [
        ...registerWrites,
        'settings.update',
        'years.saveProfile',
        'attachments.add',
        'attachments.remove',
        'demo.generate',
        'report.useLedgerNumber',
        'enterprise.saveOfficers',
        'enterprise.saveItems',
        'enterprise.savePlan',
      ].sort(),
    );
    for (const name of Object.keys(OWN_TRANSACTIONS)) expect(mutators, name).not.toContain(name);
  });
});

describe('mutator()', () => {
  it('runs the handler in BEGIN IMMEDIATE: another connection cannot start a write meanwhile', () => {
    const t = tempDir('fazhi-mutator-');
    const file = join(t.dir, 'ledger.db');
    const core = createCore({ dbPath: file });
    try {
      const other = new Database(file, { timeout: 0 });
      const seen: { inTransaction: boolean; otherCouldWrite: boolean }[] = [];
      const save = mutator((_input: object, ctx) => {
        let otherCouldWrite = true;
        try {
          other.exec('BEGIN IMMEDIATE');
          other.exec('ROLLBACK');
        } catch {
          otherCouldWrite = false;
        }
        seen.push({ inTransaction: ctx.db.inTransaction, otherCouldWrite });
        return 'saved';
      });
      expect(save({}, core.ctx)).toBe('saved');
      expect(seen).toEqual([{ inTransaction: true, otherCouldWrite: false }]);
      expect(core.ctx.db.inTransaction).toBe(false);
      other.close();
    } finally {
      core.close();
      t.cleanup();
    }
  });

  it('writes nothing when the handler throws half-way', async () => {
    const core = createCore({ dbPath: ':memory:' });
    try {
      const half = mutator(({ name }: { name: string }, ctx) => {
        ctx.db.prepare("INSERT INTO settings (key, value) VALUES ('township', ?)").run(JSON.stringify({ name, authority: name }));
        throw new AppError('invalid_input', '第二步出错');
      });
      expect(() => half({ name: '清河镇' }, core.ctx)).toThrow('第二步出错');
      const settings = await core.call('settings.get', {});
      expect(settings).toEqual({ ok: true, value: expect.objectContaining({ township: null }) });
    } finally {
      core.close();
    }
  });
});
