// report --year Y --out FILE.docx [--appendix]: the year's 法治政府建设情况报告 as Word.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Core } from '../../core/index.ts';
import { intOption, UsageError, type ParsedArgs } from '../args.ts';
import { fail, unwrap, writeFileAtomic } from '../output.ts';

export const REPORT_USAGE = 'report --year 年度 --out 文件.docx [--appendix]   生成年度法治政府建设情况报告（Word）';

export async function reportCommand(core: Core, args: ParsedArgs): Promise<number> {
  const year = intOption(args.options, 'year', 2000, 2100);
  const out = args.options.out;
  if (year === undefined || typeof out !== 'string' || args.positionals.length) throw new UsageError(`用法：${REPORT_USAGE}`);
  if (!/\.docx$/i.test(out)) return fail(`输出文件应以 .docx 结尾：${out}`);
  const path = resolve(out);
  if (!existsSync(dirname(path))) return fail(`输出文件夹不存在：${dirname(path)}`);
  const appendix = args.options.appendix === true;

  const model = unwrap(await core.call('report.model', { year, appendix }));
  if (model === undefined) return 1;
  const file = unwrap(await core.call('report.export', { year, appendix }));
  if (file === undefined) return 1;
  try {
    writeFileAtomic(path, Buffer.from(file.base64, 'base64'));
  } catch (e) {
    return fail(`无法写入 ${path}：${e instanceof Error ? e.message : String(e)}`);
  }
  console.log(`已生成 ${path}（${Math.ceil(file.bytes / 1024)} KB）`);
  for (const w of model.warnings) console.error(`提示：${w.message}`);
  return 0;
}
