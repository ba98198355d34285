// report --year Y --out FILE.docx [--appendix] [--date YYYY-MM-DD]: the year's
// 法治政府建设情况报告 as Word. The 审稿 list goes to stderr; personal data in
// the report stops the export (exit 1, the same list).
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Core } from '../../core/index.ts';
import { isValidDate } from '../../shared/calendar-date.ts';
import { intOption, textOption, UsageError, type ParsedArgs } from '../../shared/cli-args.ts';
import type { CommandTable } from '../command.ts';
import { fail, unwrap, writeFileAtomic } from '../output.ts';

/** How report.export's refusal begins (service.ts); its issues are the blocking 审稿 items. */
const PERSONAL_DATA_REFUSAL = '报告中会出现个人信息';

export const REPORT_USAGE = 'report --year 年度 --out 文件.docx [--appendix] [--date 成文日期YYYY-MM-DD]   生成年度法治政府建设情况报告（Word）';

export async function reportCommand(core: Core, args: ParsedArgs): Promise<number> {
  const year = intOption(args.options, 'year', 2000, 2100);
  const out = args.options.out;
  if (year === undefined || typeof out !== 'string' || args.positionals.length) throw new UsageError(`用法：${REPORT_USAGE}`);
  if (args.options.date === true) throw new UsageError(`--date 需要一个日期，例如 --date ${year + 1}-01-15`);
  const date = textOption(args.options, 'date');
  if (!/\.docx$/i.test(out)) return fail(`输出文件应以 .docx 结尾：${out}`);
  const path = resolve(out);
  if (!existsSync(dirname(path))) return fail(`输出文件夹不存在：${dirname(path)}`);
  if (date !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !isValidDate(date)))
    return fail(`成文日期应为有效日期 YYYY-MM-DD，例如 ${year + 1}-01-15，现为“${date.slice(0, 20)}”`);
  const appendix = args.options.appendix === true;

  // --date is for this document only: the stored 成文日期 stays as it is; one call builds the model once
  const result = await core.call('report.export', { year, appendix, ...(date ? { date } : {}) });
  if (!result.ok && result.error.message.startsWith(PERSONAL_DATA_REFUSAL) && result.error.issues?.length) {
    console.error(`错误：报告中会出现个人信息，未生成文件（共${result.error.issues.length}处）：`);
    for (const r of result.error.issues) console.error(`  - ${r.message}`);
    return 1;
  }
  const file = unwrap(result);
  if (file === undefined) return 1;
  try {
    writeFileAtomic(path, Buffer.from(file.base64, 'base64'));
  } catch (e) {
    return fail(`无法写入 ${path}：${e instanceof Error ? e.message : String(e)}`);
  }
  console.log(`已生成 ${path}（${Math.ceil(file.bytes / 1024)} KB）`);
  if (file.review.length) {
    console.error(`审稿（${file.review.length}项）：`);
    // the report's review code loads with the report, not with every CLI start
    const { reviewLine } = await import('../../core/report/review.ts');
    for (const r of file.review) console.error(`  ${reviewLine(r)}`);
  }
  return 0;
}

export const reportCommands: CommandTable = {
  report: { run: reportCommand, usage: REPORT_USAGE, valued: ['year', 'out', 'date'], flags: ['appendix'] },
};
