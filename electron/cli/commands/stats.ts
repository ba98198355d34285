// stats --year Y [--json]: the year's figures as the report states them.
import type { Core } from '../../core/index.ts';
import { REGISTERS, REGISTER_NAMES } from '../../shared/registers.ts';
import { intOption, UsageError, type ParsedArgs } from '../args.ts';
import { unwrap } from '../output.ts';

export async function statsCommand(core: Core, args: ParsedArgs): Promise<number> {
  const year = intOption(args.options, 'year', 2000, 2100);
  if (year === undefined || args.positionals.length) throw new UsageError('用法：stats --year 年度 [--json]');
  const counts = unwrap(await core.call('years.counts', { year }));
  if (counts === undefined) return 1;
  if (args.options.json) {
    console.log(JSON.stringify({ year, counts: counts.counts }, null, 2));
    return 0;
  }
  console.log(`${year}年台账统计`);
  for (const r of REGISTER_NAMES) console.log(`  ${REGISTERS[r].label}：${counts.counts[r]}`);
  return 0;
}
