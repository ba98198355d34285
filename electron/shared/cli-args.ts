// A small argument parser: positionals, --flag and --key value.
import { isValidDate } from './calendar-date.ts';
export interface ParsedArgs {
  positionals: string[];
  options: Record<string, string | true>;
}

export class UsageError extends Error {}

export function parseArgs(argv: string[], valued: readonly string[]): ParsedArgs {
  const positionals: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') continue;
    if (a.startsWith('--')) {
      const [key, inline] = a.slice(2).split(/=(.*)/s, 2);
      if (valued.includes(key)) {
        const value = inline ?? argv[++i];
        if (value === undefined || value.startsWith('--')) throw new UsageError(`--${key} 需要一个值`);
        options[key] = value;
      } else {
        if (inline !== undefined) throw new UsageError(`--${key} 不接受值`);
        options[key] = true;
      }
    } else {
      positionals.push(a);
    }
  }
  return { positionals, options };
}

export function intOption(opts: ParsedArgs['options'], key: string, min: number, max: number): number | undefined {
  const v = opts[key];
  if (v === undefined) return undefined;
  if (v === true || !/^\d+$/.test(v) || Number(v) < min || Number(v) > max) throw new UsageError(`--${key} 应为 ${min}—${max} 之间的整数`);
  return Number(v);
}

/** The value of --key, or undefined when it was not given. */
export function textOption(opts: ParsedArgs['options'], key: string): string | undefined {
  const v = opts[key];
  return typeof v === 'string' ? v : undefined;
}

/**
 * The value of --key as a real calendar date YYYY-MM-DD (2025-12-32, 2023-02-29, month 13
 * refused with a Chinese message naming the option and what it is), or undefined when not given.
 */
export function dateOption(opts: ParsedArgs['options'], key: string, what: string, example = '2026-01-15'): string | undefined {
  const v = opts[key];
  if (v === undefined) return undefined;
  if (v === true) throw new UsageError(`--${key} 需要一个日期（${what}），例如 --${key} ${example}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || !isValidDate(v))
    throw new UsageError(`--${key}（${what}）不是有效日期：“${v.slice(0, 20)}”。应为2000—2100年间真实存在的日期，写成 YYYY-MM-DD，例如 ${example}`);
  return v;
}
