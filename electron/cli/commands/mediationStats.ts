// mediation-stats --year Y [--month M | --quarter Q] [--by type|village|committee] [--json] [--out F.xlsx]:
// the 人民调解 statistics of a period (the 司法所's monthly report), as text, JSON or the report form.
import type { MediationStats, MediationStatsBy } from '../../shared/contract/mediationStats.ts';
import { MEDIATION_STATS_BY } from '../../shared/mediation-stats.ts';
import type { Core } from '../../core/index.ts';
import { intOption, textOption, UsageError, type ParsedArgs } from '../../shared/cli-args.ts';
import type { CommandTable } from '../command.ts';
import { unwrap, writeFileAtomic } from '../output.ts';

const USAGE = '用法：mediation-stats --year 年度 [--month 月 | --quarter 季度] [--by type|village|committee] [--json] [--out 文件.xlsx]';

const ROW_KEY = { type: 'type', village: 'village', committee: 'committee' } as const;
const LIST_KEY = { type: 'byType', village: 'byVillage', committee: 'byCommittee' } as const;

/** The JSON the issue asks for: total, the rows (byType / byVillage / byCommittee: code and label), screenings. */
export function statsJson(s: MediationStats): Record<string, unknown> {
  const { source, ...screenings } = s.screenings;
  return {
    year: s.year,
    period: s.period,
    township: s.township,
    total: s.total,
    [LIST_KEY[s.by]]: s.rows.map(({ key, label, ...counts }) => ({ [ROW_KEY[s.by]]: key, label, ...counts })),
    screenings: { ...screenings, source },
  };
}

export function formatMediationStats(s: MediationStats): string {
  const t = s.total;
  const line = (label: string, c: MediationStats['total']) =>
    `  ${label}：受理 ${c.accepted} 件，调解成功 ${c.success}，不成功 ${c.failed}，调解中 ${c.inProgress}，中止 ${c.suspended}；书面协议 ${c.written}，口头协议 ${c.oral}；协议金额 ${c.amount} 元；司法确认 ${c.judicialConfirmations} 件`;
  const sc = s.screenings;
  return [
    `${s.township}人民调解统计（${s.period.label}，${s.period.from} 至 ${s.period.to} 前）`,
    line('合计', t),
    ...s.rows.filter((r) => r.accepted > 0).map((r) => line(r.label, r)),
    `  矛盾纠纷排查 ${sc.count} 次${sc.source === 'workItems' ? '（据其他法治工作）' : ''}，发现纠纷 ${sc.found} 件，预防纠纷 ${sc.prevented} 件；防止民转刑 ${sc.criminal} 件、防止自杀 ${sc.suicide} 件、防止群体性上访 ${sc.petition} 件、防止群体性械斗 ${sc.fight} 件`,
  ].join('\n');
}

export async function mediationStatsCommand(core: Core, args: ParsedArgs): Promise<number> {
  const year = intOption(args.options, 'year', 2000, 2100);
  const month = intOption(args.options, 'month', 1, 12);
  const quarter = intOption(args.options, 'quarter', 1, 4);
  const by = textOption(args.options, 'by') ?? 'type';
  const out = textOption(args.options, 'out');
  if (year === undefined || args.positionals.length) throw new UsageError(USAGE);
  if (month !== undefined && quarter !== undefined) throw new UsageError('--month 和 --quarter 只能选一个');
  if (!(MEDIATION_STATS_BY as readonly string[]).includes(by)) throw new UsageError('--by 应为 type（纠纷类型）、village（村）或 committee（调委会）');
  const q = { year, month, quarter, by: by as MediationStatsBy };
  if (out !== undefined) {
    const f = unwrap(await core.call('mediationStats.exportXlsx', q));
    if (!f) return 1;
    writeFileAtomic(out, Buffer.from(f.base64, 'base64'));
    if (!args.options.json) {
      console.log(`已导出人民调解统计表：${out}`);
      return 0;
    }
  }
  const s = unwrap(await core.call('mediationStats.compute', q));
  if (!s) return 1;
  console.log(args.options.json ? JSON.stringify(statsJson(s), null, 2) : formatMediationStats(s));
  return 0;
}

export const mediationStatsCommands: CommandTable = {
  'mediation-stats': {
    run: mediationStatsCommand,
    usage: 'mediation-stats --year 年度 [--month 月 | --quarter 季度] [--by type|village|committee] [--json] [--out 文件.xlsx]   人民调解统计（月、季、年）',
    valued: ['year', 'month', 'quarter', 'by', 'out'],
    flags: ['json'],
  },
};
