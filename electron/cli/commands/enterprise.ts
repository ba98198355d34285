// 涉企行政检查 from the command line: visits per enterprise and the rules broken, the 检查文书 of one
// inspection, the year's 检查计划 as .docx.
import type { EnterpriseVisits } from '../../shared/contract/enterprise.ts';
import { INSPECTION_DOC_KINDS, type InspectionDocKind } from '../../shared/enterprise.ts';
import type { Core } from '../../core/index.ts';
import { intOption, textOption, UsageError, type ParsedArgs } from '../../shared/cli-args.ts';
import type { CommandTable } from '../command.ts';
import { unwrap, writeFileAtomic } from '../output.ts';

export const ENTERPRISE_VISITS_USAGE =
  'enterprise-visits --year Y [--date YYYY-MM-DD] [--json]   涉企行政检查：每家企业当年被检查次数与上限，以及不符合规范的检查';
export const INSPECTION_DOC_USAGE =
  'inspection-doc --id 记录ID --kind approval|record|result --out 文件.docx   生成检查文书（行政检查审批表、现场检查笔录、检查结果告知书）';
export const INSPECTION_PLAN_USAGE = 'inspection-plan --year Y --out 文件.docx   生成年度涉企行政检查计划';

function year(args: ParsedArgs): number {
  const y = intOption(args.options, 'year', 2000, 2100);
  if (y === undefined) throw new UsageError('需要 --year');
  return y;
}

export function formatVisits(y: number, v: EnterpriseVisits): string {
  const lines = [`${y}年涉企行政检查：${v.enterprises.length}家企业`];
  for (const e of v.enterprises)
    lines.push(`  ${e.over ? '【超上限】' : ''}${e.name}${e.creditCode ? `（${e.creditCode}）` : ''} ${e.count}次${e.cap !== null ? `，上限${e.cap}次` : ''}`);
  lines.push('', v.problems.length ? `不符合规范 ${v.problems.length} 处：` : '没有发现不符合规范的检查。');
  for (const p of v.problems) lines.push(`  ${p.message}`);
  return lines.join('\n');
}

export async function enterpriseVisitsCommand(core: Core, args: ParsedArgs): Promise<number> {
  if (args.positionals.length) throw new UsageError('多余的参数');
  const y = year(args);
  const date = textOption(args.options, 'date');
  if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError('--date 应为 YYYY-MM-DD');
  const v = unwrap(await core.call('enterprise.visits', { year: y, ...(date ? { date } : {}) }));
  if (v === undefined) return 1;
  console.log(args.options.json ? JSON.stringify({ enterprises: v.enterprises, problems: v.problems }, null, 2) : formatVisits(y, v));
  return 0;
}

export async function inspectionDocCommand(core: Core, args: ParsedArgs): Promise<number> {
  const id = textOption(args.options, 'id');
  const kind = textOption(args.options, 'kind');
  const out = textOption(args.options, 'out');
  if (!id || !kind || !out || args.positionals.length) throw new UsageError('需要 --id、--kind 和 --out');
  if (!Object.hasOwn(INSPECTION_DOC_KINDS, kind)) throw new UsageError(`--kind 应为 ${Object.keys(INSPECTION_DOC_KINDS).join('、')} 之一`);
  const r = unwrap(await core.call('enterprise.document', { id, kind: kind as InspectionDocKind }));
  if (r === undefined) return 1;
  writeFileAtomic(out, Buffer.from(r.base64, 'base64'));
  console.log(`已生成${INSPECTION_DOC_KINDS[kind as InspectionDocKind]}：${out}`);
  return 0;
}

export async function inspectionPlanCommand(core: Core, args: ParsedArgs): Promise<number> {
  const out = textOption(args.options, 'out');
  if (!out || args.positionals.length) throw new UsageError('需要 --year 和 --out');
  const y = year(args);
  const r = unwrap(await core.call('enterprise.planDocument', { year: y }));
  if (r === undefined) return 1;
  writeFileAtomic(out, Buffer.from(r.base64, 'base64'));
  console.log(`已生成${y}年度涉企行政检查计划：${out}`);
  return 0;
}

export const enterpriseCommands: CommandTable = {
  'enterprise-visits': { run: enterpriseVisitsCommand, usage: ENTERPRISE_VISITS_USAGE, valued: ['year', 'date'], flags: ['json'] },
  'inspection-doc': { run: inspectionDocCommand, usage: INSPECTION_DOC_USAGE, valued: ['id', 'kind', 'out'], flags: [] },
  'inspection-plan': { run: inspectionPlanCommand, usage: INSPECTION_PLAN_USAGE, valued: ['year', 'out'], flags: [] },
};
