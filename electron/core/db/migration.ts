// One schema migration: a version (the issue that brought it; gaps allowed) and the
// SQL of its time. Each lives in its own frozen file under migrations/.
import type { Database } from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  up: (db: Database) => void;
}
