// import, export, demo: the data package and the demo year from the command line.
import { readFileSync } from 'node:fs';
import type { ImportReport } from '../../shared/contract/exchange.ts';
import { REGISTERS, REGISTER_NAMES } from '../../shared/registers.ts';
import type { Core } from '../../core/index.ts';
import { intOption, textOption, UsageError, type ParsedArgs } from '../args.ts';
import { fail, unwrap, writeFileAtomic } from '../output.ts';

const LABEL = { ...Object.fromEntries(REGISTER_NAMES.map((r) => [r, REGISTERS[r].label])), years: '年度信息' } as Record<string, string>;

export function formatImportReport(r: ImportReport): string {
  const lines: string[] = [];
  if (r.department) lines.push(`来自：${r.department}`);
  if (r.townshipMismatch && r.township) lines.push(`注意：数据包属于“${r.township.authority}”，与本机设置的乡镇不同；本机设置保持不变。`);
  lines.push('类别              新增  更新  未变  保留本地  无效');
  for (const [k, c] of Object.entries(r.byRegister)) {
    if (c.new + c.updated + c.unchanged + c.keptLocal + c.invalid === 0) continue;
    lines.push(`${LABEL[k].padEnd(10, '　')}${[c.new, c.updated, c.unchanged, c.keptLocal, c.invalid].map((n, i) => String(n).padStart(i === 3 ? 8 : 6)).join('')}`);
  }
  const t = r.totals;
  lines.push(`合计：新增 ${t.new}，更新 ${t.updated}，未变 ${t.unchanged}，保留本地较新 ${t.keptLocal}，无效 ${t.invalid}`);
  lines.push(r.hasPersonal ? '个人信息：数据包含当事人等个人信息' : '个人信息：数据包不含当事人等个人信息（本机已有的不会被清除）');
  const conflicts = r.changes.filter((c) => c.conflict);
  for (const c of conflicts.slice(0, 50)) {
    lines.push(`  ⚠ 两边都改过：${c.record}，${c.note ?? (c.action === 'updated' ? '数据包中的较新，采用数据包' : '本机的较新，保留本机')}`);
  }
  for (const c of r.changes.filter((x) => !x.conflict && x.note).slice(0, 50)) lines.push(`  ⚠ ${c.record}：${c.note}`);
  for (const i of r.issues.slice(0, 50)) lines.push(`  ✗ ${i.record}：${i.message}`);
  if (r.issues.length > 50) lines.push(`  ……另有 ${r.issues.length - 50} 个问题`);
  return lines.join('\n');
}

export async function importCommand(core: Core, args: ParsedArgs): Promise<number> {
  const [file, extra] = args.positionals;
  if (!file || extra) throw new UsageError('用法：import 数据包.json [--dry-run] [--skip-invalid]');
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch {
    return fail(`无法读取文件：${file}`);
  }
  const dryRun = args.options['dry-run'] === true;
  const report = unwrap(await core.call(dryRun ? 'exchange.preview' : 'exchange.import', { content, skipInvalid: args.options['skip-invalid'] === true }));
  if (report === undefined) return 1;
  console.log(formatImportReport(report));
  if (report.issues.length && !args.options['skip-invalid']) {
    console.error(dryRun
      ? `预检发现 ${report.issues.length} 个问题：导入时将整包拒绝（或加 --skip-invalid 跳过无效记录）。`
      : `数据包有 ${report.issues.length} 个问题，未导入任何记录。修正后重试，或加 --skip-invalid 只导入有效记录。`);
    return 1;
  }
  console.log(dryRun ? '（预检，未写入任何数据）' : '导入完成。');
  return 0;
}

export async function exportCommand(core: Core, args: ParsedArgs): Promise<number> {
  const out = args.options.out;
  if (typeof out !== 'string' || args.positionals.length) throw new UsageError('用法：export [--year 年度] [--department 部门] [--with-personal] --out 文件.json');
  const year = intOption(args.options, 'year', 2000, 2100);
  const department = textOption(args.options, 'department');
  const withPersonal = args.options['with-personal'] === true;
  const result = unwrap(await core.call('exchange.export', { year, department, withPersonal }));
  if (result === undefined) return 1;
  writeFileAtomic(out, result.content);
  const c = result.counts;
  console.log(`已导出到 ${out}：普法活动 ${c.activities} 条、调解案件 ${c.mediationCases} 件、执法检查 ${c.inspections} 次、其他工作 ${c.workItems} 项、依申请公开 ${c.disclosureRequests} 件`);
  console.log(withPersonal ? '（含当事人等个人信息，请妥善保管）' : '（未包含当事人等个人信息；需要时加 --with-personal）');
  return 0;
}

export async function demoCommand(core: Core, args: ParsedArgs): Promise<number> {
  if (args.positionals.length) throw new UsageError('用法：demo [--year 年度]');
  const year = intOption(args.options, 'year', 2000, 2100) ?? new Date().getFullYear() - 1;
  const r = unwrap(await core.call('demo.generate', { year }));
  if (r === undefined) return 1;
  console.log(`已生成${year}年示例台账：普法活动 ${r.activities} 场、调解案件 ${r.mediationCases} 件、执法检查 ${r.inspections} 次、其他工作 ${r.workItems} 项`);
  return 0;
}
