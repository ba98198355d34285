// stats --year Y [--json]: the year's figures as the report states them (exact values here).
import type { YearStats } from '../../shared/contract/stats.ts';
import { formatChange, formatMoney, formatRate } from '../../core/stats/number-style.ts';
import type { Core } from '../../core/index.ts';
import { intOption, UsageError, type ParsedArgs } from '../../shared/cli-args.ts';
import type { CommandTable } from '../command.ts';
import { unwrap } from '../output.ts';

const rate = (r: { numerator: number; denominator: number } | null) => (r ? (formatRate(r.numerator, r.denominator) ?? '—') : '—');
const change = (n: number, prev: number | null) => (prev === null ? '' : `（上年 ${prev}，${formatChange(n, prev) ?? '—'}）`);

export function formatStats(s: YearStats): string {
  const a = s.activities;
  const m = s.mediation;
  const i = s.inspections;
  const lines = [
    `${s.year}年台账统计`,
    '',
    `普法宣传活动 ${a.total} 场次${change(a.total, a.previousTotal)}`,
    ...a.byKind.map((k) => `  ${k.label} ${k.count} 场次`),
    `  受众 ${a.audience} 人次，资料 ${a.materials} 份，横幅 ${a.banners} 条，展板 ${a.boards} 块，咨询 ${a.consultations} 人次，线上 ${a.views} 次`,
    `  覆盖村（社区）${a.villages} 个，走进学校 ${a.schools} 所、企业 ${a.enterprises} 家${a.occasions.length ? `；时间节点：${a.occasions.join('、')}` : ''}`,
    '',
    `人民调解案件 ${m.total} 件${change(m.total, m.previousTotal)}`,
    `  调解成功 ${m.success} 件，不成功 ${m.failed} 件，中止 ${m.suspended} 件，调解中 ${m.inProgress} 件；成功率 ${rate(m.successRate)}`,
    `  书面协议 ${m.written} 份，口头协议 ${m.oral} 件`,
    ...m.byType.slice(0, 6).map((t) => `  ${t.label} ${t.count} 件`),
    '',
    `行政执法检查 ${i.total} 次${change(i.total, i.previousTotal)}`,
    `  发现问题 ${i.issuesFound} 处，已整改 ${i.issuesRectified} 处，整改率 ${rate(i.rectificationRate)}`,
    `  行政处罚 ${i.penalties} 件${change(i.penalties, i.previousPenalties)}，罚没 ${formatMoney(i.penaltyAmount)}；受委托执法 ${i.entrusted} 件`,
    '',
    '其他法治工作',
    ...Object.values(s.work)
      .filter((w) => w.items > 0)
      .map(
        (w) =>
          `  ${w.label} ${w.count}${w.participants ? `，${w.participants} 人次` : ''}${w.opinions ? `，意见建议 ${w.opinions} 条` : ''}${w.category === 'exam' && w.participants ? `，合格率 ${formatRate(w.passed, w.participants)}` : ''}`,
      ),
  ];
  return lines.join('\n');
}

export async function statsCommand(core: Core, args: ParsedArgs): Promise<number> {
  const year = intOption(args.options, 'year', 2000, 2100);
  if (year === undefined || args.positionals.length) throw new UsageError('用法：stats --year 年度 [--json]');
  const stats = unwrap(await core.call('stats.year', { year }));
  if (stats === undefined) return 1;
  console.log(args.options.json ? JSON.stringify(stats, null, 2) : formatStats(stats));
  return 0;
}

export const statsCommands: CommandTable = {
  stats: { run: statsCommand, usage: 'stats --year 年度 [--json]   年度统计数据', valued: ['year'], flags: ['json'] },
};
