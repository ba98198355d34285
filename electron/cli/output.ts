// How the CLI reports: results on stdout, Chinese errors on stderr, exit codes 0/1/2.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { ApiResult } from '../shared/contract/define.ts';

export function fail(message: string): number {
  console.error(`错误：${message}`);
  return 1;
}

/** The value of a call, or undefined after printing its error. */
export function unwrap<T>(result: ApiResult<T>): T | undefined {
  if (result.ok) return result.value;
  console.error(`错误：${result.error.message}`);
  for (const i of result.error.issues ?? []) console.error(`  - ${i.message}`);
  return undefined;
}

/** Writes a whole file under a temporary name, then renames it: never a half-written file. */
export function writeFileAtomic(out: string, data: Uint8Array | string): void {
  const tmp = `${out}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, out);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** A file's bytes, or null when it cannot be read (the caller names the file). */
export function readInput(file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch {
    return null;
  }
}
