// Release check for 信创 PCs: every native binary we ship for Linux (the
// Electron executable, its .so files, the better-sqlite3 addon) must load on
// the oldest glibc we promise in the README (统信UOS 20: glibc 2.28).
//
//   node scripts/check-glibc.ts DIR|FILE... [--max 2.28] [--objdump objdump]
//
// Reads the versioned symbols each ELF file needs (`objdump -T`), prints the
// highest GLIBC_ version per file and exits 1 when one needs more than --max.
// Exit 2: usage error, no ELF file found, or objdump missing.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, lstatSync, openSync, readdirSync, readSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** glibc of 统信UOS 20 (Debian 10 based), the oldest system the deb is for. */
export const DEFAULT_MAX_GLIBC = '2.28';

export type Version = number[];

export function parseVersion(text: string): Version {
  if (!/^\d+(\.\d+)*$/.test(text)) throw new Error(`不是版本号：${text}`);
  return text.split('.').map(Number);
}

export function compareVersions(a: Version, b: Version): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export interface GlibcNeeds {
  /** highest GLIBC_x.y the file needs, null when it needs no versioned glibc symbol */
  max: string | null;
  /** the symbols that need that highest version (a few, for the message) */
  symbols: string[];
}

/**
 * The highest GLIBC_ version among the *undefined* (imported) dynamic symbols
 * of `objdump -T` output. Symbols the file defines itself are not needs;
 * GLIBCXX_/GLIBC_PRIVATE are not glibc versions.
 */
export function maxGlibcFromObjdump(output: string): GlibcNeeds {
  let max: Version | null = null;
  let symbols: string[] = [];
  for (const line of output.split('\n')) {
    if (!line.includes('*UND*')) continue;
    const m = /\(?\bGLIBC_(\d+(?:\.\d+)+)\)?\s+(\S+)\s*$/.exec(line);
    if (!m) continue;
    const v = parseVersion(m[1]);
    const cmp = max ? compareVersions(v, max) : 1;
    if (cmp > 0) {
      max = v;
      symbols = [m[2]];
    } else if (cmp === 0 && !symbols.includes(m[2])) {
      symbols.push(m[2]);
    }
  }
  return { max: max ? max.join('.') : null, symbols: symbols.sort() };
}

function isElf(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(4);
    return readSync(fd, head, 0, 4, 0) === 4 && head.equals(Buffer.from([0x7f, 0x45, 0x4c, 0x46]));
  } finally {
    closeSync(fd);
  }
}

/** Every ELF file under the given files/folders (symlinks are not followed). */
export function findElfFiles(paths: string[]): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    const st = lstatSync(p);
    if (st.isSymbolicLink()) return;
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) walk(join(p, name));
    } else if (st.isFile() && st.size >= 4 && isElf(p)) {
      out.push(p);
    }
  };
  for (const p of paths) walk(resolve(p));
  return out;
}

export interface FileResult extends GlibcNeeds {
  file: string;
  ok: boolean;
}

export interface CheckResult {
  ok: boolean;
  files: FileResult[];
  report: string;
}

export function checkGlibc(paths: string[], options: { max?: string; objdump?: string; base?: string } = {}): CheckResult {
  const limit = options.max ?? DEFAULT_MAX_GLIBC;
  const limitV = parseVersion(limit);
  const objdump = options.objdump ?? 'objdump';
  const files = findElfFiles(paths);
  if (files.length === 0) throw new Error(`在 ${paths.join('、')} 中没有找到任何 ELF 可执行文件或库：路径有误？`);
  const results: FileResult[] = files.map((file) => {
    const r = spawnSync(objdump, ['-T', file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (r.error) throw new Error(`无法运行 ${objdump}（需要 binutils）：${r.error.message}`);
    // a static executable has no dynamic symbol table: it needs nothing from the system glibc
    if (r.status !== 0 && !/no dynamic symbol table|not a dynamic object/i.test(r.stderr)) {
      throw new Error(`${objdump} -T ${file} 失败：${r.stderr.trim()}`);
    }
    const needs = maxGlibcFromObjdump(r.stdout);
    return { file, ...needs, ok: needs.max === null || compareVersions(parseVersion(needs.max), limitV) <= 0 };
  });
  const base = options.base ?? process.cwd();
  const lines = results.map((r) => {
    const mark = r.ok ? 'ok  ' : '超出';
    const need = r.max ? `GLIBC_${r.max}` : '（不依赖带版本的 glibc 符号）';
    const why = r.ok || !r.symbols.length ? '' : `  ← ${r.symbols.slice(0, 5).join(', ')}`;
    return `${mark} ${need.padEnd(14)} ${relative(base, r.file) || r.file}${why}`;
  });
  const bad = results.filter((r) => !r.ok);
  const summary = bad.length
    ? `失败：${bad.length} 个文件需要高于 glibc ${limit} 的系统（目标：统信UOS 20 / 麒麟 V10 可运行）。这些文件需在旧 glibc 环境中重新编译。`
    : `通过：${results.length} 个文件都能在 glibc ${limit} 上加载。`;
  return { ok: bad.length === 0, files: results, report: [...lines, summary].join('\n') };
}

function main(argv: string[]): number {
  const paths: string[] = [];
  let max: string | undefined;
  let objdump: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--max') max = argv[++i];
    else if (a === '--objdump') objdump = argv[++i];
    else if (a.startsWith('--')) {
      console.error(`未知选项：${a}`);
      return 2;
    } else paths.push(a);
  }
  if (paths.length === 0 || (max !== undefined && !/^\d+(\.\d+)+$/.test(max)) || (objdump !== undefined && !objdump)) {
    console.error('用法：node scripts/check-glibc.ts 目录或文件… [--max 2.28] [--objdump objdump]');
    return 2;
  }
  const missing = paths.filter((p) => !existsSync(p));
  if (missing.length) {
    console.error(`找不到：${missing.join('、')}`);
    return 2;
  }
  try {
    const result = checkGlibc(paths, { max, objdump });
    console.log(result.report);
    return result.ok ? 0 : 1;
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    return 2;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
