// The statement cache: each SQL text compiled once per connection. Plumbing below the
// domains; every domain's queries go through it.
import type { Statement } from 'better-sqlite3';
import type { Db } from './connection.ts';

const cache = new WeakMap<Db, Map<string, Statement>>();
/** Most statements kept per connection; the least recently used one goes first. */
export const STATEMENT_CACHE_SIZE = 256;

/**
 * How rows come back: objects, the first column's values (`pluck`) or arrays (`raw`). Part of the
 * cache key and fixed at compile time: a shared statement switched to pluck by one caller once made
 * another caller's `.get().n` undefined (首页's change key never changed after a package import).
 */
export type RowMode = 'object' | 'pluck' | 'raw';

/** A cached statement: its row mode is the one it was asked for, and cannot be switched. */
export type CachedStatement = Omit<Statement, 'pluck' | 'raw' | 'expand'>;

/** A prepared statement, compiled once per connection (an LRU cache: memory stays bounded whatever the queries). */
export function prepared(db: Db, sql: string, mode: RowMode = 'object'): CachedStatement {
  let m = cache.get(db);
  if (!m) cache.set(db, (m = new Map()));
  const key = mode === 'object' ? sql : `${mode}\u0000${sql}`;
  let s = m.get(key);
  if (s) {
    // most recently used last
    m.delete(key);
    m.set(key, s);
    return s;
  }
  s = db.prepare(sql);
  if (mode === 'pluck') s.pluck();
  else if (mode === 'raw') s.raw();
  m.set(key, s);
  if (m.size > STATEMENT_CACHE_SIZE) m.delete(m.keys().next().value!);
  return s;
}

/** How many statements a connection keeps (tests). */
export const statementCacheSize = (db: Db) => cache.get(db)?.size ?? 0;

/**
 * A stamp that moves whenever the ledger does: total_changes() counts every row this connection
 * wrote, data_version moves when another connection (the CLI, a second window) commits. Caches and
 * previewed plans compare it to know they are still right.
 */
export function ledgerStamp(db: Db): string {
  const version = db.pragma('data_version', { simple: true }) as number;
  const changes = prepared(db, 'SELECT total_changes()', 'pluck').get() as number;
  return `${version}:${changes}`;
}
