// case-doc and reminders: the 司法所 clerk's documents and deadlines from the command line.
import { CASE_DOC_KINDS, type CaseDocKind } from '../../shared/case-doc-model.ts';
import type { Reminders } from '../../shared/contract/cases.ts';
import type { Core } from '../../core/index.ts';
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { dateOption, textOption, UsageError, type ParsedArgs } from '../../shared/cli-args.ts';
import type { CommandTable } from '../command.ts';
import { fail, unwrap, writeFileAtomic } from '../output.ts';

export const CASE_DOC_USAGE =
  'case-doc --case 案件ID或案号 --kind register|agreement|followup|cover --out 文件.docx   生成人民调解文书（受理登记表、协议书、回访记录、卷宗封面和卷内目录）';
export const REMINDERS_USAGE = 'reminders [--date YYYY-MM-DD] [--json]   到期提醒：超过30天未调结、待回访、法定报送公开日期';

export async function caseDocCommand(core: Core, args: ParsedArgs): Promise<number> {
  const ref = textOption(args.options, 'case');
  const kind = textOption(args.options, 'kind');
  const out = textOption(args.options, 'out');
  if (!ref || !kind || !out || args.positionals.length) throw new UsageError('需要 --case、--kind 和 --out');
  if (!Object.hasOwn(CASE_DOC_KINDS, kind)) throw new UsageError(`--kind 应为 ${Object.keys(CASE_DOC_KINDS).join('、')} 之一`);
  const path = resolve(out);
  const isDir = existsSync(path) && statSync(path).isDirectory();
  if (!isDir && !/\.docx$/i.test(out)) return fail(`输出文件应以 .docx 结尾：${out}`);
  if (!isDir && !existsSync(dirname(path))) return fail(`输出文件夹不存在：${dirname(path)}`);
  const r = unwrap(await core.call('cases.document', { id: ref, kind: kind as CaseDocKind }));
  if (r === undefined) return 1;
  // --out at a folder: the file is named as the page would name it, in that folder
  if (isDir) return fail(`--out 应为文件，“${out}”是一个文件夹。请写出文件名，例如 --out ${join(out, r.fileName)}`);
  try {
    writeFileAtomic(path, Buffer.from(r.base64, 'base64'));
  } catch (e) {
    return fail(`无法写入 ${path}：${e instanceof Error ? e.message : String(e)}`);
  }
  // the document holds the parties' details: only the file name is printed
  console.log(`已生成${CASE_DOC_KINDS[kind as CaseDocKind]}：${out}`);
  return 0;
}

export function formatReminders(r: Reminders): string {
  if (r.items.length === 0) return `${r.today}：没有到期提醒。`;
  const lines = [`${r.today} 的提醒：`];
  for (const i of r.items) lines.push(`  ${i.level === 'overdue' ? '【已逾期】' : '【将到期】'}${i.title}——${i.detail}`);
  const c = r.counts;
  const inspections = r.items.filter((i) => i.kind === 'inspection').length;
  lines.push(
    `共：法定日期 ${c.deadline} 项，超过30天未调结 ${c.caseOverdue} 件，待回访 ${c.followUpDue} 件，依申请公开待答复 ${c.disclosureDue} 件${inspections ? `，涉企行政检查 ${inspections} 项` : ''}`,
  );
  return lines.join('\n');
}

export async function remindersCommand(core: Core, args: ParsedArgs): Promise<number> {
  if (args.positionals.length) throw new UsageError('多余的参数');
  const date = dateOption(args.options, 'date', '以哪一天为今天');
  const r = unwrap(await core.call('reminders.list', date ? { date } : {}));
  if (r === undefined) return 1;
  // 涉企行政检查 (检查计划 by 3月31日, caps, rules broken) come from enterprise.reminders
  const more = unwrap(await core.call('enterprise.reminders', date ? { date } : {}));
  if (more === undefined) return 1;
  r.items.push(...more);
  console.log(args.options.json ? JSON.stringify(r, null, 2) : formatReminders(r));
  return 0;
}

export const casesCommands: CommandTable = {
  'case-doc': { run: caseDocCommand, usage: CASE_DOC_USAGE, valued: ['case', 'kind', 'out'], flags: [] },
  reminders: { run: remindersCommand, usage: REMINDERS_USAGE, valued: ['date'], flags: ['json'] },
};
