// How the CLI reports: results on stdout, Chinese errors on stderr, exit codes 0/1/2.
import { closeSync, fstatSync, openSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { AppError } from '../core/util/errors.ts';
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

/** What the CLI reads at most from one input file (a data package, a workbook, a zip). */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

/**
 * A file's bytes, or null when it cannot be read (the caller names the file). Never more than
 * `max` bytes are read, whatever the file is (`import /dev/zero`, a pipe, a huge file): past
 * that the clerk is told in Chinese, quickly, with bounded memory.
 */
export function readInput(file: string, max = MAX_INPUT_BYTES): Buffer | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) return null;
    if (st.isFile() && st.size > max) throw new InputTooBig(file, max);
    const chunks: Buffer[] = [];
    let total = 0;
    if (st.isFile() && st.size > 0) {
      // a file of known size: read into one buffer of that size (a package of 180 MB not copied again)
      const whole = Buffer.allocUnsafe(st.size);
      while (total < st.size) {
        const n = readSync(fd, whole, total, st.size - total, null);
        if (n === 0) break;
        total += n;
      }
      if (total < st.size) return whole.subarray(0, total); // the file shrank meanwhile
      chunks.push(whole); // a file that grew meanwhile: the rest read below, still within max
    }
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(8 * 1024 * 1024, max + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      if (total > max) throw new InputTooBig(file, max);
    }
    return chunks.length === 1 && chunks[0].length === total ? chunks[0] : Buffer.concat(chunks, total);
  } catch (e) {
    if (e instanceof InputTooBig) throw e;
    return null;
  } finally {
    closeSync(fd);
  }
}

/** An input file beyond what the CLI reads: its message is the clerk's (the CLI prints it, exit 1). */
export class InputTooBig extends AppError {
  constructor(file: string, max: number) {
    super('invalid_input', `文件“${file}”超过 ${Math.round(max / 1024 / 1024)} MB（或没有尽头，如 /dev/zero），不是台账的数据包、表格或备份，未读取`);
  }
}
