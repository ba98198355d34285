// The statement cache: each SQL text compiled once per connection. Plumbing below the
// domains; every domain's queries go through it.
import type { Statement } from 'better-sqlite3';
import type { Db } from './connection.ts';

const cache = new WeakMap<Db, Map<string, Statement>>();
/** Most statements kept per connection; the least recently used one goes first. */
export const STATEMENT_CACHE_SIZE = 256;

/** A prepared statement, compiled once per connection (an LRU cache: memory stays bounded whatever the queries). */
export function prepared(db: Db, sql: string): Statement {
  let m = cache.get(db);
  if (!m) cache.set(db, (m = new Map()));
  let s = m.get(sql);
  if (s) {
    // most recently used last
    m.delete(sql);
    m.set(sql, s);
    return s;
  }
  s = db.prepare(sql);
  m.set(sql, s);
  if (m.size > STATEMENT_CACHE_SIZE) m.delete(m.keys().next().value!);
  return s;
}

/** How many statements a connection keeps (tests). */
export const statementCacheSize = (db: Db) => cache.get(db)?.size ?? 0;
