// import, export, export-zip, import-zip: data packages from the command line.
import type { ImportReport } from '../../shared/contract/exchange.ts';
import { registerCountsText, REGISTERS, REGISTER_NAMES, type RegisterName } from '../../shared/registers.ts';
import type { Core } from '../../core/index.ts';
import { intOption, textOption, UsageError, type ParsedArgs } from '../../shared/cli-args.ts';
import type { CommandTable } from '../command.ts';
import { fail, readInput, unwrap, writeFileAtomic } from '../output.ts';

const LABEL = { ...Object.fromEntries(REGISTER_NAMES.map((r) => [r, REGISTERS[r].label])), years: '年度信息' } as Record<string, string>;

export function formatImportReport(r: ImportReport): string {
  const lines: string[] = [];
  if (r.department) lines.push(`来自：${r.department}`);
  if (r.townshipMismatch && r.township) lines.push(`注意：数据包属于“${r.township.authority}”，与本机设置的乡镇不同；本机设置保持不变。`);
  lines.push('类别              新增  更新  未变  保留本地  无效');
  for (const [k, c] of Object.entries(r.byRegister)) {
    if (c.new + c.updated + c.unchanged + c.keptLocal + c.invalid === 0) continue;
    lines.push(
      `${LABEL[k].padEnd(10, '　')}${[c.new, c.updated, c.unchanged, c.keptLocal, c.invalid].map((n, i) => String(n).padStart(i === 3 ? 8 : 6)).join('')}`,
    );
  }
  const t = r.totals;
  lines.push(`合计：新增 ${t.new}，更新 ${t.updated}，未变 ${t.unchanged}，保留本地较新 ${t.keptLocal}，无效 ${t.invalid}`);
  lines.push(r.hasPersonal ? '个人信息：数据包含当事人等个人信息' : '个人信息：数据包不含当事人等个人信息（本机已有的不会被清除）');
  const conflicts = r.changes.filter((c) => c.conflict);
  for (const c of conflicts.slice(0, 50)) {
    if (c.inBin) {
      lines.push(`  ⚠ 本机在回收站中：${c.record}，数据包中的版本没有导入（加 --restore-from-bin 则恢复并导入）`);
      continue;
    }
    lines.push(`  ⚠ 两边都改过：${c.record}，${c.note ?? (c.action === 'updated' ? '数据包中的较新，采用数据包' : '本机的较新，保留本机')}`);
  }
  for (const c of r.changes.filter((x) => !x.conflict && x.note).slice(0, 50)) lines.push(`  ⚠ ${c.record}：${c.note}`);
  for (const c of r.changes.filter((x) => x.action === 'updated' && x.fields?.length).slice(0, 50)) lines.push(`  更新 ${c.record}：${c.fields!.join('、')}`);
  for (const i of r.issues.slice(0, 50)) lines.push(`  ✗ ${i.record}：${i.message}`);
  if (r.issues.length > 50) lines.push(`  ……另有 ${r.issues.length - 50} 个问题`);
  return lines.join('\n');
}

export async function importCommand(core: Core, args: ParsedArgs): Promise<number> {
  const [file, extra] = args.positionals;
  if (!file || extra) throw new UsageError('用法：import 数据包.json [--dry-run] [--skip-invalid] [--restore-from-bin]');
  const bytes = readInput(file);
  if (!bytes) return fail(`无法读取文件：${file}`);
  const content = bytes.toString('utf8');
  const dryRun = args.options['dry-run'] === true;
  const report = unwrap(
    await core.call(dryRun ? 'exchange.preview' : 'exchange.import', {
      content,
      skipInvalid: args.options['skip-invalid'] === true,
      restoreFromBin: args.options['restore-from-bin'] === true,
    }),
  );
  if (report === undefined) return 1;
  console.log(formatImportReport(report));
  if (report.issues.length && !args.options['skip-invalid']) {
    console.error(
      dryRun
        ? `预检发现 ${report.issues.length} 个问题：导入时将整包拒绝（或加 --skip-invalid 跳过无效记录）。`
        : `数据包有 ${report.issues.length} 个问题，未导入任何记录。修正后重试，或加 --skip-invalid 只导入有效记录。`,
    );
    return 1;
  }
  console.log(dryRun ? '（预检，未写入任何数据）' : '导入完成。');
  return 0;
}

/** The options of export and export-zip: where to, which year, which department, with personal data or not. */
function exportOptions(args: ParsedArgs, usage: string) {
  const out = args.options.out;
  if (typeof out !== 'string' || args.positionals.length) throw new UsageError(usage);
  return {
    out,
    input: {
      year: intOption(args.options, 'year', 2000, 2100),
      department: textOption(args.options, 'department'),
      withPersonal: args.options['with-personal'] === true,
    },
  };
}

const countsLine = (c: Record<RegisterName, number>) => registerCountsText(c);

export async function exportCommand(core: Core, args: ParsedArgs): Promise<number> {
  const { out, input } = exportOptions(args, '用法：export [--year 年度] [--department 部门] [--with-personal] --out 文件.json');
  const result = unwrap(await core.call('exchange.export', input));
  if (result === undefined) return 1;
  writeFileAtomic(out, result.content);
  console.log(`已导出到 ${out}：${countsLine(result.counts)}`);
  console.log(input.withPersonal ? '（含当事人等个人信息，请妥善保管）' : '（未包含当事人等个人信息；需要时加 --with-personal）');
  return 0;
}

/** export-zip [--year Y] [--department D] --out FILE.zip: a data package with attachments (含附件). */
export async function exportZipCommand(core: Core, args: ParsedArgs): Promise<number> {
  const { out, input } = exportOptions(args, '用法：export-zip [--year 年度] [--department 部门] [--with-personal] --out 文件.zip');
  const r = unwrap(await core.call('exchange.exportZip', input));
  if (!r) return 1;
  writeFileAtomic(out, Buffer.from(r.base64, 'base64'));
  console.log(`已导出到 ${out}：${countsLine(r.counts)}，附件 ${r.attachments} 个`);
  return 0;
}

/** import-zip FILE.zip [--dry-run] [--skip-invalid] [--restore-from-bin]: merge a department's package with attachments. */
export async function importZipCommand(core: Core, args: ParsedArgs): Promise<number> {
  const [file, extra] = args.positionals;
  if (!file || extra) throw new UsageError('用法：import-zip 数据包.zip [--dry-run] [--skip-invalid] [--restore-from-bin]');
  const bytes = readInput(file);
  if (!bytes) return fail(`无法读取文件：${file}`);
  const dryRun = args.options['dry-run'] === true;
  const skipInvalid = args.options['skip-invalid'] === true;
  const r = unwrap(
    await core.call(dryRun ? 'exchange.previewZip' : 'exchange.importZip', {
      base64: bytes.toString('base64'),
      skipInvalid,
      restoreFromBin: args.options['restore-from-bin'] === true,
    }),
  );
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

export const exchangeCommands: CommandTable = {
  import: {
    run: importCommand,
    usage: 'import 文件.json [--dry-run] [--skip-invalid] [--restore-from-bin]   导入数据包（全部成功或全部不写入）',
    valued: [],
    flags: ['dry-run', 'skip-invalid', 'restore-from-bin'],
    creates: true,
  },
  export: {
    run: exportCommand,
    usage: 'export [--year 年度] [--department 部门] [--with-personal] --out 文件.json   导出数据包（加 --with-personal 才含当事人等个人信息）',
    valued: ['year', 'out', 'department'],
    flags: ['with-personal'],
  },
  'export-zip': {
    run: exportZipCommand,
    usage: 'export-zip [--year 年度] [--department 部门] [--with-personal] --out 文件.zip   导出含附件的数据包（加 --with-personal 才含当事人等个人信息）',
    valued: ['year', 'department', 'out'],
    flags: ['with-personal'],
  },
  'import-zip': {
    run: importZipCommand,
    usage: 'import-zip 文件.zip [--dry-run] [--skip-invalid] [--restore-from-bin]   导入含附件的数据包（先预览新增、更新和冲突）',
    valued: [],
    flags: ['dry-run', 'skip-invalid', 'restore-from-bin'],
    creates: true,
  },
};
