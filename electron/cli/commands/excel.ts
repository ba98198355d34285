// import-xlsx, export-xlsx, template-xlsx: Excel from the command line.
import type { ExcelImportReport } from '../../shared/contract/excel.ts';
import { REGISTERS, REGISTER_NAMES, type RegisterName } from '../../shared/registers.ts';
import type { Core } from '../../core/index.ts';
import { intOption, textOption, UsageError, type ParsedArgs } from '../../shared/cli-args.ts';
import type { CommandTable } from '../command.ts';
import { fail, readInput, unwrap, writeFileAtomic } from '../output.ts';

// Every register answers to its name, its table and its label (a new register with no edit here);
// the shorter words a clerk types are extra.
const SHORT_NAMES: Partial<Record<RegisterName, readonly string[]>> = {
  activities: ['activity', '普法', '普法活动'],
  mediationCases: ['mediation', 'mediations', '调解', '调解案件'],
  inspections: ['inspection', '执法', '执法检查'],
  workItems: ['work', '其他', '其他工作'],
  disclosureRequests: ['disclosure', '政府信息公开申请'],
  screenings: ['screening', '排查'],
};
const ALIASES: Record<string, RegisterName> = Object.fromEntries(
  REGISTER_NAMES.flatMap((n) => [n, n.toLowerCase(), REGISTERS[n].table, REGISTERS[n].label, ...(SHORT_NAMES[n] ?? [])].map((alias) => [alias, n])),
);

export function registerArg(value: string | undefined, usage: string): RegisterName {
  if (!value) throw new UsageError(usage);
  const r = ALIASES[value.toLowerCase()] ?? ALIASES[value];
  if (!r) throw new UsageError(`未知台账“${value}”，应为：${REGISTER_NAMES.map((n) => `${n}（${REGISTERS[n].label}）`).join('、')}`);
  return r;
}

export function formatExcelReport(r: ExcelImportReport): string {
  const lines: string[] = [];
  lines.push(`工作表“${r.sheet}”，表头在第${r.headerRow}行`);
  const matched = r.columns.filter((c) => c.field);
  lines.push(`已对应的列：${matched.map((c) => `${c.letter}“${c.header}”→${c.fieldLabel}`).join('，')}`);
  if (r.unmatched.length) lines.push(`未对应、将忽略的列：${r.unmatched.map((u) => `${u.letter}“${u.header}”`).join('，')}`);
  const skipped = [
    r.skipped.blank && `空行 ${r.skipped.blank}`,
    r.skipped.totals && `合计行 ${r.skipped.totals}`,
    r.skipped.example && `示例行 ${r.skipped.example}`,
  ].filter(Boolean);
  lines.push(
    `数据 ${r.rows} 行：有效 ${r.valid}（新增 ${r.new}，更新 ${r.updated}，未变 ${r.unchanged}），重复已跳过 ${r.duplicates}，有问题 ${r.invalid}${skipped.length ? `；已跳过${skipped.join('、')}` : ''}`,
  );
  for (const c of r.changes.slice(0, 100)) {
    if (c.action === 'updated')
      lines.push(
        `  更新 第${c.row}行 ${c.record}：${c.fields.map((f) => (f.personal ? `${f.label}${f.emptied ? '（个人信息，将清空）' : '（个人信息）'}` : `${f.label} ${f.before} → ${f.after}`)).join('；')}`,
      );
    else if (c.action === 'duplicate') lines.push(`  重复 第${c.row}行 ${c.record}：${c.note ?? '重复，已跳过'}`);
    else if (c.note) lines.push(`  ⚠ 第${c.row}行 ${c.record}：${c.note}`);
  }
  for (const i of r.issues.slice(0, 100)) lines.push(`  ✗ 第${i.row}行${i.column ? ` ${i.column}列` : ''}${i.header ? `「${i.header}」` : ''}：${i.message}`);
  if (r.issueCount > 100) lines.push(`  ……另有 ${r.issueCount - 100} 个问题`);
  return lines.join('\n');
}

/** import-xlsx REGISTER FILE [--dry-run] [--skip-invalid]: all valid rows or none. */
export async function importXlsxCommand(core: Core, args: ParsedArgs): Promise<number> {
  const usage = '用法：import-xlsx 台账 文件.xlsx [--dry-run] [--skip-invalid] [--allow-empty-personal]';
  const [reg, file, extra] = args.positionals;
  const register = registerArg(reg, usage);
  if (!file || extra) throw new UsageError(usage);
  const bytes = readInput(file);
  if (!bytes) return fail(`无法读取文件：${file}`);
  const dryRun = args.options['dry-run'] === true;
  const skipInvalid = args.options['skip-invalid'] === true;
  const report = unwrap(
    await core.call(dryRun ? 'excel.preview' : 'excel.import', {
      register,
      base64: bytes.toString('base64'),
      skipInvalid,
      allowEmptyPersonal: args.options['allow-empty-personal'] === true,
    }),
  );
  if (!report) return 1;
  console.log(formatExcelReport(report));
  if (report.personalEmptied > 0 && !args.options['allow-empty-personal']) {
    console.error(`有 ${report.personalEmptied} 行会清空本机已有的当事人等个人信息，未导入这些行；确要清空请加 --allow-empty-personal。`);
  }
  if (report.issueCount > 0 && (!skipInvalid || report.missingRequired.length)) {
    console.error(
      dryRun
        ? `预检发现 ${report.issueCount} 个问题：导入时将整表拒绝（或加 --skip-invalid 只导入有效行）。`
        : `表格有 ${report.issueCount} 个问题，未导入任何记录。修正后重试，或加 --skip-invalid 只导入有效行。`,
    );
    return 1;
  }
  if (dryRun) console.log('（预检，未写入任何数据）');
  else if (report.applied)
    console.log(
      `导入完成：写入${REGISTERS[register].label} ${report.written} 条（新增 ${report.new}，更新 ${report.updated}）${report.unchanged + report.duplicates ? `；未变 ${report.unchanged} 条、重复已跳过 ${report.duplicates} 条，没有写入` : ''}。导入前已自动备份。`,
    );
  else console.log('没有可导入的记录。');
  return 0;
}

/** The register named first and the --out file, as export-xlsx and template-xlsx take them. */
function registerAndOut(args: ParsedArgs, usage: string): { register: RegisterName; out: string } {
  const [reg, extra] = args.positionals;
  const register = registerArg(reg, usage);
  const out = args.options.out;
  if (typeof out !== 'string' || extra) throw new UsageError(usage);
  return { register, out };
}

/** export-xlsx REGISTER [--year Y] [--keyword K] [--with-personal] --out FILE */
export async function exportXlsxCommand(core: Core, args: ParsedArgs): Promise<number> {
  const usage = '用法：export-xlsx 台账 [--year 年度] [--keyword 关键词] [--with-personal] --out 文件.xlsx';
  const { register, out } = registerAndOut(args, usage);
  const year = intOption(args.options, 'year', 2000, 2100);
  const keyword = textOption(args.options, 'keyword');
  const withPersonal = args.options['with-personal'] === true;
  const r = unwrap(await core.call('excel.export', { register, query: { year, keyword }, withPersonal }));
  if (!r) return 1;
  writeFileAtomic(out, Buffer.from(r.base64, 'base64'));
  console.log(`已导出${REGISTERS[register].label} ${r.count} 条到 ${out}`);
  if (REGISTERS[register].fields.some((f) => f.personal && f.type !== 'list'))
    console.log(withPersonal ? '（含当事人等个人信息，请妥善保管）' : '（未包含当事人等个人信息；需要时加 --with-personal）');
  return 0;
}

/** template-xlsx REGISTER --out FILE: the blank import template. */
export async function templateXlsxCommand(core: Core, args: ParsedArgs): Promise<number> {
  const usage = '用法：template-xlsx 台账 --out 模板.xlsx';
  const { register, out } = registerAndOut(args, usage);
  const r = unwrap(await core.call('excel.template', { register }));
  if (!r) return 1;
  writeFileAtomic(out, Buffer.from(r.base64, 'base64'));
  console.log(`已生成${REGISTERS[register].label}导入模板：${out}`);
  return 0;
}

export const excelCommands: CommandTable = {
  'import-xlsx': {
    run: importXlsxCommand,
    usage: `import-xlsx 台账 文件.xlsx [--dry-run] [--skip-invalid] [--allow-empty-personal]   从 Excel 导入（台账：${REGISTER_NAMES.join('、')}）`,
    valued: [],
    flags: ['dry-run', 'skip-invalid', 'allow-empty-personal'],
    creates: true,
  },
  'export-xlsx': {
    run: exportXlsxCommand,
    usage: 'export-xlsx 台账 [--year 年度] [--keyword 关键词] [--with-personal] --out 文件.xlsx   导出为 Excel（加 --with-personal 才含当事人等个人信息）',
    valued: ['year', 'keyword', 'out'],
    flags: ['with-personal'],
  },
  'template-xlsx': { run: templateXlsxCommand, usage: 'template-xlsx 台账 --out 模板.xlsx   Excel 导入模板', valued: ['out'], flags: [] },
};
