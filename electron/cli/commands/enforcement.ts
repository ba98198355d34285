// enforcement-report --year Y --out F.docx [--xlsx F.xlsx] [--date YYYY-MM-DD]: the year's 行政执法数据
// (the five tables and the 总体情况) as Word, the tables also as Excel. The agreement checks with the
// 法治政府建设情况报告 and the 政务公开年报, and the data warnings, go to stderr.
import type { ReviewItem } from '../../shared/contract/openness.ts';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Core } from '../../core/index.ts';
import { intOption, textOption, UsageError, type ParsedArgs } from '../../shared/cli-args.ts';
import type { CommandTable } from '../command.ts';
import { fail, unwrap, writeFileAtomic } from '../output.ts';

export const ENFORCEMENT_USAGE =
  'enforcement-report --year 年度 --out 文件.docx [--xlsx 文件.xlsx] [--date 成文日期]   生成行政执法数据年度公开（Word，统计表另存Excel），并核对与另两份报告的一致性';

const SEVERITY: Record<ReviewItem['severity'], string> = { error: '不一致', warning: '请核对', info: '提示' };

function outPath(file: string, ext: string): string | number {
  if (!new RegExp(`\\.${ext}$`, 'i').test(file)) return fail(`输出文件应以 .${ext} 结尾：${file}`);
  const path = resolve(file);
  if (!existsSync(dirname(path))) return fail(`输出文件夹不存在：${dirname(path)}`);
  return path;
}

function write(path: string, base64: string, bytes: number): number {
  try {
    writeFileAtomic(path, Buffer.from(base64, 'base64'));
  } catch (e) {
    return fail(`无法写入 ${path}：${e instanceof Error ? e.message : String(e)}`);
  }
  console.log(`已生成 ${path}（${Math.ceil(bytes / 1024)} KB）`);
  return 0;
}

export async function enforcementCommand(core: Core, args: ParsedArgs): Promise<number> {
  const year = intOption(args.options, 'year', 2000, 2100);
  const out = args.options.out;
  const xlsx = textOption(args.options, 'xlsx');
  const date = textOption(args.options, 'date');
  if (year === undefined || typeof out !== 'string' || args.positionals.length) throw new UsageError(`用法：${ENFORCEMENT_USAGE}`);
  if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) return fail(`成文日期应写成 YYYY-MM-DD：${date}`);
  const docxPath = outPath(out, 'docx');
  if (typeof docxPath === 'number') return docxPath;
  const xlsxPath = xlsx === undefined ? undefined : outPath(xlsx, 'xlsx');
  if (typeof xlsxPath === 'number') return xlsxPath;

  const file = unwrap(await core.call('enforcement.export', { year, ...(date ? { date } : {}) }));
  if (file === undefined) return 1;
  if (write(docxPath, file.base64, file.bytes)) return 1;
  if (xlsxPath) {
    const sheet = unwrap(await core.call('enforcement.exportXlsx', { year }));
    if (sheet === undefined || write(xlsxPath, sheet.base64, sheet.bytes)) return 1;
  }
  const errors = file.checks.filter((c) => c.severity === 'error').length;
  console.error(
    file.checks.length
      ? `与法治政府建设情况报告、政务公开年报的核对：${errors ? `${errors}处不一致` : '无不一致'}${file.checks.length - errors ? `，${file.checks.length - errors}条需核对或提示` : ''}`
      : '与法治政府建设情况报告、政务公开年报的核对：一致',
  );
  for (const c of file.checks) console.error(`${SEVERITY[c.severity]}：${c.message}`);
  for (const w of file.warnings) console.error(`${w.severity === 'info' ? '提示' : '请核对'}：${w.message}`);
  return 0;
}

export const enforcementCommands: CommandTable = {
  'enforcement-report': { run: enforcementCommand, usage: ENFORCEMENT_USAGE, valued: ['year', 'out', 'xlsx', 'date'], flags: [] },
};
