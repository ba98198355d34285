// backup, backups, restore: backups from the command line. Exit 0 done, 1 bad input
// (Chinese message on stderr, nothing written); usage errors throw UsageError.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Core } from '../../core/index.ts';
import { UsageError, type ParsedArgs } from '../../shared/cli-args.ts';
import { registerCountsText } from '../../shared/registers.ts';
import type { CommandTable } from '../command.ts';
import { fail, readInput, unwrap } from '../output.ts';

const mb = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

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
  // a backup holds the attachments too: read up to 2 GB
  const bytes = readInput(byName ? backupPathByName(core.ctx.dataDir, file) : resolve(file), 2047 * 1024 * 1024);
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
  console.log(
    `已从备份恢复${result.check.township ? `（${result.check.township}）` : ''}：${registerCountsText(c ?? {})}，附件 ${result.check.attachments} 个。`,
  );
  if (result.check.issueCount) console.log(`已跳过 ${result.check.issueCount} 条不符合要求的记录。`);
  console.log(`恢复前的数据已备份到：${result.safetyBackup.path}`);
  return 0;
}

export const backupCommands: CommandTable = {
  backup: { run: backupCommand, usage: 'backup [--out 文件.zip]   立即备份（数据库和附件）；--out 备份到指定文件', valued: ['out'], flags: [] },
  backups: { run: backupsCommand, usage: 'backups   数据存放位置和备份列表', valued: [], flags: [] },
  restore: {
    run: restoreCommand,
    usage: 'restore 备份文件.zip [--skip-invalid]   从备份恢复（先检查备份，并先备份现有数据）',
    valued: [],
    flags: ['skip-invalid'],
    creates: true,
  },
};
