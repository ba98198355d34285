// A small argument parser: positionals, --flag and --key value.
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
