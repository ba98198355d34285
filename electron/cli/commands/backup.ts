// backup, restore, backups, import-xlsx, export-xlsx, template-xlsx, export-zip, import-zip:
// data custody from the command line. Exit 0 done, 1 bad input (Chinese message
// on stderr, nothing written); usage errors throw UsageError.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ExcelImportReport } from '../../shared/contract/excel.ts';
import { REGISTERS, REGISTER_NAMES, type RegisterName } from '../../shared/registers.ts';
import type { Core } from '../../core/index.ts';
import { intOption, textOption, UsageError, type ParsedArgs } from '../args.ts';
import { fail, unwrap, writeFileAtomic } from '../output.ts';
import { formatImportReport } from './exchange.ts';

const ALIASES: Record<string, RegisterName> = {
  activity: 'activities', activities: 'activities', 普法: 'activities', 普法活动: 'activities', 普法宣传活动: 'activities',
  mediation: 'mediationCases', mediations: 'mediationCases', mediationcases: 'mediationCases', 调解: 'mediationCases', 调解案件: 'mediationCases', 人民调解案件: 'mediationCases',
  inspection: 'inspections', inspections: 'inspections', 执法: 'inspections', 执法检查: 'inspections', 行政执法检查: 'inspections',
  work: 'workItems', workitems: 'workItems', 其他: 'workItems', 其他工作: 'workItems', 其他法治工作: 'workItems',
  disclosure: 'disclosureRequests', disclosurerequests: 'disclosureRequests', 依申请公开: 'disclosureRequests', 政府信息公开申请: 'disclosureRequests',
};

export function registerArg(value: string | undefined, usage: string): RegisterName {
  if (!value) throw new UsageError(usage);
  const r = ALIASES[value.toLowerCase()] ?? ALIASES[value];
  if (!r) throw new UsageError(`未知台账“${value}”，应为：${REGISTER_NAMES.map((n) => `${n}（${REGISTERS[n].label}）`).join('、')}`);
  return r;
}

function readInput(file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch {
    return null;
  }
}

const mb = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

export function formatExcelReport(r: ExcelImportReport): string {
  const lines: string[] = [];
  lines.push(`工作表“${r.sheet}”，表头在第${r.headerRow}行`);
  const matched = r.columns.filter((c) => c.field);
  lines.push(`已对应的列：${matched.map((c) => `${c.letter}“${c.header}”→${c.fieldLabel}`).join('，')}`);
  if (r.unmatched.length) lines.push(`未对应、将忽略的列：${r.unmatched.map((u) => `${u.letter}“${u.header}”`).join('，')}`);
  const skipped = [r.skipped.blank && `空行 ${r.skipped.blank}`, r.skipped.totals && `合计行 ${r.skipped.totals}`, r.skipped.example && `示例行 ${r.skipped.example}`].filter(Boolean);
  lines.push(`数据 ${r.rows} 行：有效 ${r.valid}（新增 ${r.new}，更新 ${r.updated}），有问题 ${r.invalid}${skipped.length ? `；已跳过${skipped.join('、')}` : ''}`);
  for (const i of r.issues.slice(0, 100)) lines.push(`  ✗ 第${i.row}行${i.column ? ` ${i.column}列` : ''}${i.header ? `「${i.header}」` : ''}：${i.message}`);
  if (r.issueCount > 100) lines.push(`  ……另有 ${r.issueCount - 100} 个问题`);
  return lines.join('\n');
}

/** backup [--out FILE]: 立即备份 into the backups folder, or 备份到 a chosen file. */
export async function backupCommand(core: Core, args: ParsedArgs): Promise<number> {
  if (args.positionals.length) throw new UsageError('用法：backup [--out 备份文件.zip]');
  const out = args.options.out;
  if (out === true) throw new UsageError('--out 需要一个文件名');
  // a path is the CLI's alone: the API (IPC, web bridge) takes none
  const { createBackup } = await import('../../core/backup/backup.ts');
  const info = await createBackup(core.ctx, 'manual', { to: typeof out === 'string' ? resolve(out) : undefined });
  console.log(`已备份（数据库和附件，已通过完整性检查）：${info.path}（${mb(info.size)}）`);
  return 0;
}

/** backups: where the data lives and the backups, newest first. */
export async function backupsCommand(core: Core, args: ParsedArgs): Promise<number> {
  if (args.positionals.length) throw new UsageError('用法：backups');
  const list = unwrap(await core.call('backup.list', {}));
  if (!list) return 1;
  console.log(`数据库：${list.dbPath}（${mb(list.dbSize)}）\n附件：${list.attachmentsDir}\n备份：${list.backupsDir}`);
  if (list.backups.length === 0) console.log('（还没有备份）');
  for (const b of list.backups) console.log(`  ${b.createdAt}  ${b.kindLabel.padEnd(8, '　')}  ${mb(b.size).padStart(8)}  ${b.name}`);
  return 0;
}

/** restore FILE [--skip-invalid]: checks the backup, backs up the current data, then replaces it. */
export async function restoreCommand(core: Core, args: ParsedArgs): Promise<number> {
  const [file, extra] = args.positionals;
  if (!file || extra) throw new UsageError('用法：restore 备份文件.zip（或备份文件夹中的备份名） [--skip-invalid]');
  const skipInvalid = args.options['skip-invalid'] === true;
  const { backupPathByName, openBackup, restoreBackup } = await import('../../core/backup/backup.ts');
  const byName = !existsSync(file) && /^ledger-.*\.(zip|db)$/.test(file);
  if (!byName && !existsSync(file)) return fail(`找不到文件：${file}`);
  const bytes = readInput(byName ? backupPathByName(core.ctx.dataDir, file) : resolve(file));
  if (!bytes) return fail(`无法读取文件：${file}`);
  const opened = await openBackup(core.ctx.dataDir, bytes, core.ctx.now());
  opened.cleanup();
  const check = opened.check;
  if (!check.ok && !(skipInvalid && check.issueCount > 0 && check.counts)) {
    for (const i of check.issues.slice(0, 20)) console.error(`  ✗ ${i}`);
    return fail(`未恢复，现有数据未改动：${check.message}${check.issueCount ? '（加 --skip-invalid 可只恢复有效的记录）' : ''}`);
  }
  const result = await restoreBackup(core.ctx, bytes, { skipInvalid });
  const c = result.check.counts;
  console.log(`已从备份恢复${result.check.township ? `（${result.check.township}）` : ''}：普法活动 ${c?.activities ?? 0} 场、调解案件 ${c?.mediationCases ?? 0} 件、执法检查 ${c?.inspections ?? 0} 次、其他工作 ${c?.workItems ?? 0} 项、依申请公开 ${c?.disclosureRequests ?? 0} 件，附件 ${result.check.attachments} 个。`);
  if (result.check.issueCount) console.log(`已跳过 ${result.check.issueCount} 条不符合要求的记录。`);
  console.log(`恢复前的数据已备份到：${result.safetyBackup.path}`);
  return 0;
}

/** import-xlsx REGISTER FILE [--dry-run] [--skip-invalid]: all valid rows or none. */
export async function importXlsxCommand(core: Core, args: ParsedArgs): Promise<number> {
  const usage = '用法：import-xlsx 台账 文件.xlsx [--dry-run] [--skip-invalid]';
  const [reg, file, extra] = args.positionals;
  const register = registerArg(reg, usage);
  if (!file || extra) throw new UsageError(usage);
  const bytes = readInput(file);
  if (!bytes) return fail(`无法读取文件：${file}`);
  const dryRun = args.options['dry-run'] === true;
  const skipInvalid = args.options['skip-invalid'] === true;
  const report = unwrap(await core.call(dryRun ? 'excel.preview' : 'excel.import', { register, base64: bytes.toString('base64'), skipInvalid }));
  if (!report) return 1;
  console.log(formatExcelReport(report));
  if (report.issueCount > 0 && (!skipInvalid || report.missingRequired.length)) {
    console.error(dryRun
      ? `预检发现 ${report.issueCount} 个问题：导入时将整表拒绝（或加 --skip-invalid 只导入有效行）。`
      : `表格有 ${report.issueCount} 个问题，未导入任何记录。修正后重试，或加 --skip-invalid 只导入有效行。`);
    return 1;
  }
  if (dryRun) console.log('（预检，未写入任何数据）');
  else if (report.applied) console.log(`导入完成：写入${REGISTERS[register].label} ${report.written} 条（新增 ${report.new}，更新 ${report.updated}）。导入前已自动备份。`);
  else console.log('没有可导入的记录。');
  return 0;
}

/** export-xlsx REGISTER [--year Y] [--keyword K] --out FILE */
export async function exportXlsxCommand(core: Core, args: ParsedArgs): Promise<number> {
  const usage = '用法：export-xlsx 台账 [--year 年度] [--keyword 关键词] --out 文件.xlsx';
  const [reg, extra] = args.positionals;
  const register = registerArg(reg, usage);
  const out = args.options.out;
  if (typeof out !== 'string' || extra) throw new UsageError(usage);
  const year = intOption(args.options, 'year', 2000, 2100);
  const keyword = textOption(args.options, 'keyword');
  const r = unwrap(await core.call('excel.export', { register, query: { year, keyword } }));
  if (!r) return 1;
  writeFileAtomic(out, Buffer.from(r.base64, 'base64'));
  console.log(`已导出${REGISTERS[register].label} ${r.count} 条到 ${out}`);
  return 0;
}

/** template-xlsx REGISTER --out FILE: the blank import template. */
export async function templateXlsxCommand(core: Core, args: ParsedArgs): Promise<number> {
  const usage = '用法：template-xlsx 台账 --out 模板.xlsx';
  const [reg, extra] = args.positionals;
  const register = registerArg(reg, usage);
  const out = args.options.out;
  if (typeof out !== 'string' || extra) throw new UsageError(usage);
  const r = unwrap(await core.call('excel.template', { register }));
  if (!r) return 1;
  writeFileAtomic(out, Buffer.from(r.base64, 'base64'));
  console.log(`已生成${REGISTERS[register].label}导入模板：${out}`);
  return 0;
}

/** export-zip [--year Y] [--department D] --out FILE.zip: a data package with attachments (含附件). */
export async function exportZipCommand(core: Core, args: ParsedArgs): Promise<number> {
  const out = args.options.out;
  if (typeof out !== 'string' || args.positionals.length) throw new UsageError('用法：export-zip [--year 年度] [--department 部门] [--with-personal] --out 文件.zip');
  const year = intOption(args.options, 'year', 2000, 2100);
  const department = textOption(args.options, 'department');
  const withPersonal = args.options['with-personal'] === true;
  const r = unwrap(await core.call('exchange.exportZip', { year, department, withPersonal }));
  if (!r) return 1;
  writeFileAtomic(out, Buffer.from(r.base64, 'base64'));
  const c = r.counts;
  console.log(`已导出到 ${out}：普法活动 ${c.activities} 条、调解案件 ${c.mediationCases} 件、执法检查 ${c.inspections} 次、其他工作 ${c.workItems} 项、依申请公开 ${c.disclosureRequests} 件，附件 ${r.attachments} 个`);
  return 0;
}

/** import-zip FILE.zip [--dry-run] [--skip-invalid]: merge a department's package with attachments. */
export async function importZipCommand(core: Core, args: ParsedArgs): Promise<number> {
  const [file, extra] = args.positionals;
  if (!file || extra) throw new UsageError('用法：import-zip 数据包.zip [--dry-run] [--skip-invalid]');
  const bytes = readInput(file);
  if (!bytes) return fail(`无法读取文件：${file}`);
  const dryRun = args.options['dry-run'] === true;
  const skipInvalid = args.options['skip-invalid'] === true;
  const r = unwrap(await core.call(dryRun ? 'exchange.previewZip' : 'exchange.importZip', { base64: bytes.toString('base64'), skipInvalid }));
  if (!r) return 1;
  console.log(formatImportReport(r));
  const a = r.attachments;
  console.log(`附件：新增 ${a.new}，已有 ${a.existing}，无效 ${a.invalid}`);
  for (const i of a.issues.slice(0, 20)) console.log(`  ✗ 附件“${i.attachment}”：${i.message}`);
  if ((r.issues.length || a.invalid) && !skipInvalid) {
    console.error(dryRun ? '预检发现问题：导入时将整包拒绝（或加 --skip-invalid 跳过无效记录）。' : '数据包有问题，未导入任何记录。');
    return 1;
  }
  console.log(dryRun ? '（预检，未写入任何数据）' : '导入完成。导入前已自动备份。');
  return 0;
}

/** The command table for electron/cli/index.ts: `...CUSTODY_COMMANDS`. */
export const CUSTODY_COMMANDS = {
  backup: { run: backupCommand, usage: 'backup [--out 文件.zip]   立即备份（数据库和附件）；--out 备份到指定文件', valued: ['out'], flags: [] },
  backups: { run: backupsCommand, usage: 'backups   数据存放位置和备份列表', valued: [], flags: [] },
  restore: { run: restoreCommand, usage: 'restore 备份文件.zip [--skip-invalid]   从备份恢复（先检查备份，并先备份现有数据）', valued: [], flags: ['skip-invalid'], creates: true },
  'import-xlsx': { run: importXlsxCommand, usage: 'import-xlsx 台账 文件.xlsx [--dry-run] [--skip-invalid]   从 Excel 导入（台账：activities、mediationCases、inspections、workItems）', valued: [], flags: ['dry-run', 'skip-invalid'], creates: true },
  'export-xlsx': { run: exportXlsxCommand, usage: 'export-xlsx 台账 [--year 年度] [--keyword 关键词] --out 文件.xlsx   导出为 Excel', valued: ['year', 'keyword', 'out'], flags: [] },
  'template-xlsx': { run: templateXlsxCommand, usage: 'template-xlsx 台账 --out 模板.xlsx   Excel 导入模板', valued: ['out'], flags: [] },
  'export-zip': { run: exportZipCommand, usage: 'export-zip [--year 年度] [--department 部门] [--with-personal] --out 文件.zip   导出含附件的数据包（加 --with-personal 才含当事人等个人信息）', valued: ['year', 'department', 'out'], flags: ['with-personal'] },
  'import-zip': { run: importZipCommand, usage: 'import-zip 文件.zip [--dry-run] [--skip-invalid]   导入含附件的数据包（先预览新增、更新和冲突）', valued: [], flags: ['dry-run', 'skip-invalid'], creates: true },
};
