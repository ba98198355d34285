// Township names and app preferences, one JSON value per key.
import { DEFAULT_CASE_NO_PATTERN, type AppSettings, type Township } from '../../shared/records.ts';
import type { Db } from '../db/connection.ts';
import { prepared } from '../db/statements.ts';

function read<T>(db: Db, key: string): T | undefined {
  const row = prepared(db, 'SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as T) : undefined;
}

function write(db: Db, key: string, value: unknown): void {
  prepared(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value));
}

export function getSettings(db: Db): AppSettings {
  return {
    township: read<Township>(db, 'township') ?? null,
    approximateNumbers: read<boolean>(db, 'approximateNumbers') ?? true,
    opennessContact: read<string>(db, 'opennessContact') ?? null,
    addressee: read<string>(db, 'addressee') || null,
    caseNoPattern: read<string>(db, 'caseNoPattern') ?? DEFAULT_CASE_NO_PATTERN,
    villages: read<string[]>(db, 'villages') ?? [],
  };
}

export function updateSettings(
  db: Db,
  patch: {
    township?: { name: string; authority: string; superior?: string | null };
    approximateNumbers?: boolean;
    opennessContact?: string | null;
    addressee?: string | null;
    caseNoPattern?: string;
    villages?: string[];
  },
): AppSettings {
  db.transaction(() => {
    if (patch.township) {
      write(db, 'township', {
        name: patch.township.name.trim(),
        authority: patch.township.authority.trim(),
        superior: patch.township.superior?.trim() || null,
      });
    }
    if (patch.approximateNumbers !== undefined) write(db, 'approximateNumbers', patch.approximateNumbers);
    if (patch.caseNoPattern !== undefined) write(db, 'caseNoPattern', patch.caseNoPattern.trim());
    if (patch.opennessContact !== undefined) write(db, 'opennessContact', patch.opennessContact?.trim() || null);
    if (patch.addressee !== undefined) write(db, 'addressee', patch.addressee?.trim() || '');
    // one name once, in the clerk's order
    if (patch.villages !== undefined) write(db, 'villages', [...new Set(patch.villages.map((v) => v.trim()).filter(Boolean))]);
  }).immediate();
  return getSettings(db);
}
