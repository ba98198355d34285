// openness-report --year Y --out F.docx [--date YYYY-MM-DD]: the year's 政府信息公开工作年度报告
// as Word. The agreement checks with the 法治政府建设情况报告 and the data warnings go to stderr.
import type { ReviewItem } from '../../shared/contract/openness.ts';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Core } from '../../core/index.ts';
import { dateOption, intOption, UsageError, type ParsedArgs } from '../../shared/cli-args.ts';
import type { CommandTable } from '../command.ts';
import { fail, unwrap, writeFileAtomic } from '../output.ts';

export const OPENNESS_USAGE =
  'openness-report --year 年度 --out 文件.docx [--date 成文日期]   生成政府信息公开工作年度报告（Word），并核对与法治政府建设情况报告的一致性';

const SEVERITY: Record<ReviewItem['severity'], string> = { error: '不一致', warning: '请核对', info: '提示' };

export async function opennessCommand(core: Core, args: ParsedArgs): Promise<number> {
  const year = intOption(args.options, 'year', 2000, 2100);
  const out = args.options.out;
  let date: string | undefined;
  try {
    date = dateOption(args.options, 'date', '成文日期', `${(year ?? 2025) + 1}-01-20`);
  } catch (e) {
    // a wrong 成文日期 is an error of the value (exit 1), as report --date says it
    if (e instanceof UsageError) return fail(e.message);
    throw e;
  }
  if (year === undefined || typeof out !== 'string' || args.positionals.length) throw new UsageError(`用法：${OPENNESS_USAGE}`);
  if (!/\.docx$/i.test(out)) return fail(`输出文件应以 .docx 结尾：${out}`);
  const path = resolve(out);
  if (!existsSync(dirname(path))) return fail(`输出文件夹不存在：${dirname(path)}`);

  const file = unwrap(await core.call('openness.export', { year, ...(date ? { date } : {}) }));
  if (file === undefined) return 1;
  try {
    writeFileAtomic(path, Buffer.from(file.base64, 'base64'));
  } catch (e) {
    return fail(`无法写入 ${path}：${e instanceof Error ? e.message : String(e)}`);
  }
  console.log(`已生成 ${path}（${Math.ceil(file.bytes / 1024)} KB）`);
  const errors = file.checks.filter((c) => c.severity === 'error').length;
  console.error(
    file.checks.length
      ? `与法治政府建设情况报告的核对：${errors ? `${errors}处不一致` : '无不一致'}${file.checks.length - errors ? `，${file.checks.length - errors}条需核对或提示` : ''}`
      : '与法治政府建设情况报告的核对：一致',
  );
  for (const c of file.checks) console.error(`${SEVERITY[c.severity]}：${c.message}`);
  for (const w of file.warnings) console.error(`提示：${w.message}`);
  return 0;
}

export const opennessCommands: CommandTable = {
  'openness-report': { run: opennessCommand, usage: OPENNESS_USAGE, valued: ['year', 'out', 'date'], flags: [] },
};
