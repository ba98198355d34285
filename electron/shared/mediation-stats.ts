// The 调解统计's row splits, apart from the contract so the CLI's argument check loads no zod
// (cli --help stays light: tests/unit/load-on-use.test.ts).

/** How the rows are split: by 纠纷类型, by 村（社区）, by 调委会. */
export const MEDIATION_STATS_BY = ['type', 'village', 'committee'] as const;
export type MediationStatsBy = (typeof MEDIATION_STATS_BY)[number];
