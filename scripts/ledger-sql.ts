// A ledger as SQL text, and back. The upgrade fixtures (tests/fixtures/db/vN.sql) are kept
// as text, not as database files: reviewable in a diff, and no binary in the repository.
// The dump holds the schema exactly as the old code wrote it (sqlite_schema's own SQL) and
// every row (SQLite's quote(): integers, reals, text and blobs as written). A keyword index
// (FTS5) is not dumped: its shadow tables are rebuilt from the rows when the ledger is loaded.
//
//   node scripts/ledger-sql.ts dump LEDGER.db OUT.sql
//   node scripts/ledger-sql.ts load IN.sql LEDGER.db     (e.g. the Windows install-twice test)
import Database from 'better-sqlite3';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { registerKeywordFunctions } from '../electron/core/registers/keyword-index.ts';

interface SchemaEntry {
  type: 'table' | 'index' | 'view' | 'trigger';
  name: string;
  sql: string | null;
}

const quoteName = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The ledger at `file` as SQL statements that make the same ledger again. */
export function dumpLedger(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = (db.pragma('table_list') as { schema: string; name: string; type: string; wr: number }[]).filter((t) => t.schema === 'main');
    const kinds = new Map(tables.map((t) => [t.name, t.type]));
    const withoutRowid = new Set(tables.filter((t) => t.wr).map((t) => t.name));
    const entries = db
      .prepare("SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' AND sql IS NOT NULL ORDER BY rowid")
      .all() as SchemaEntry[];
    const out = [
      `-- 法治台账 ledger as SQL (scripts/ledger-sql.ts)`,
      `PRAGMA user_version = ${db.pragma('user_version', { simple: true }) as number};`,
      'BEGIN;',
    ];
    const plainTables = entries.filter((e) => e.type === 'table' && kinds.get(e.name) === 'table');
    const virtualTables = entries.filter((e) => e.type === 'table' && kinds.get(e.name) === 'virtual');
    for (const t of plainTables) {
      out.push(`${t.sql};`);
      const info = db.pragma(`table_info(${quoteName(t.name)})`) as { name: string; pk: number }[];
      const columns = info.map((c) => `quote(${quoteName(c.name)})`);
      const order = withoutRowid.has(t.name)
        ? info
            .filter((c) => c.pk)
            .map((c) => quoteName(c.name))
            .join(', ')
        : 'rowid';
      const rows = db
        .prepare(`SELECT ${columns.join(` || ',' || `)} AS v FROM ${quoteName(t.name)} ORDER BY ${order}`)
        .pluck()
        .all() as string[];
      for (const v of rows) out.push(`INSERT INTO ${quoteName(t.name)} VALUES(${v});`);
    }
    for (const type of ['index', 'view'] as const) for (const e of entries.filter((x) => x.type === type)) out.push(`${e.sql};`);
    for (const v of virtualTables) out.push(`${v.sql};`, `INSERT INTO ${quoteName(v.name)}(${quoteName(v.name)}) VALUES('rebuild');`);
    // triggers last: the rows above are the ledger as it was, not writes to index again
    for (const e of entries.filter((x) => x.type === 'trigger')) out.push(`${e.sql};`);
    out.push('COMMIT;', '');
    return out.join('\n');
  } finally {
    db.close();
  }
}

/**
 * Makes a ledger file at `file` from a dump; refuses to write over an existing file.
 * All or nothing: a dump cut short (no closing COMMIT, a statement broken off) leaves no
 * file behind, and the version is stamped last, in the same transaction as the rows —
 * never an empty ledger that says it is version 16.
 */
export function loadLedger(sql: string, file: string): void {
  if (existsSync(file)) throw new Error(`${file} 已存在，不覆盖`);
  const lines = sql.split('\n');
  if (
    lines
      .filter((l) => l.trim())
      .at(-1)
      ?.trim() !== 'COMMIT;'
  )
    throw new Error('转储文件不完整（没有以 COMMIT; 结尾），可能只复制了一部分；未建立台账');
  const version = /^PRAGMA user_version = (\d+);$/m.exec(sql)?.[1];
  // the dump's own BEGIN/COMMIT and version line are replaced by one transaction here
  const body = lines.filter((l) => !/^(BEGIN|COMMIT);$/.test(l.trim()) && !/^PRAGMA user_version = \d+;$/.test(l.trim())).join('\n');
  const db = new Database(file);
  let done = false;
  try {
    registerKeywordFunctions(db); // the keyword index's views call fazhi_grams()
    db.transaction(() => {
      db.exec(body);
      if (version !== undefined) db.pragma(`user_version = ${Number(version)}`);
    })();
    done = true;
  } finally {
    db.close();
    if (!done) for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) rmSync(f, { force: true });
  }
}

function main(argv: string[]): number {
  const [verb, from, to] = argv;
  if (verb === 'dump' && from && to) writeFileSync(to, dumpLedger(from));
  else if (verb === 'load' && from && to) loadLedger(readFileSync(from, 'utf8'), to);
  else {
    console.error('用法：node scripts/ledger-sql.ts dump 台账.db 输出.sql | load 输入.sql 台账.db');
    return 2;
  }
  return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2));
