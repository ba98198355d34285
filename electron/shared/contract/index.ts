// The one API contract: every method, by `domain.verb` name, with its zod input
// schema and its result type. IPC, the web bridge and the CLI all serve it.
import type { z } from 'zod';
import type { ApiResult, MethodSpec } from './define.ts';
import { appContract } from './app.ts';
import { registersContract } from './registers.ts';
import { yearsContract } from './years.ts';
import { exchangeContract } from './exchange.ts';
import { excelContract } from './excel.ts';
import { backupContract } from './backup.ts';
import { attachmentsContract } from './attachments.ts';
import { statsContract } from './stats.ts';
import { reportContract } from './report.ts';
import { opennessContract } from './openness.ts';
import { enforcementContract } from './enforcement.ts';
import { casesContract } from './cases.ts';
import { homeContract } from './home.ts';
import { demoContract } from './demo.ts';
import { enterpriseContract } from './enterprise.ts';
import { mediationStatsContract } from './mediationStats.ts';

/** One slice per domain (docs/architecture.md has the table). */
export const contractSlices = {
  app: appContract,
  registers: registersContract,
  years: yearsContract,
  exchange: exchangeContract,
  excel: excelContract,
  backup: backupContract,
  attachments: attachmentsContract,
  stats: statsContract,
  report: reportContract,
  openness: opennessContract,
  enforcement: enforcementContract,
  cases: casesContract,
  home: homeContract,
  demo: demoContract,
  enterprise: enterpriseContract,
  mediationStats: mediationStatsContract,
};
export type Domain = keyof typeof contractSlices;

export const contract = {
  ...appContract,
  ...registersContract,
  ...yearsContract,
  ...exchangeContract,
  ...excelContract,
  ...backupContract,
  ...attachmentsContract,
  ...statsContract,
  ...reportContract,
  ...opennessContract,
  ...enforcementContract,
  ...casesContract,
  ...homeContract,
  ...demoContract,
  ...enterpriseContract,
  ...mediationStatsContract,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract & string;
/** what a caller may send */
export type InputOf<K extends MethodName> = z.input<Contract[K]['input']>;
/** what a handler receives, after validation */
export type ParsedInputOf<K extends MethodName> = z.output<Contract[K]['input']>;
export type OutputOf<K extends MethodName> = Contract[K] extends MethodSpec<z.ZodType, infer O> ? O : never;

export type Handler<C, K extends keyof C, Ctx> = C[K] extends MethodSpec<infer I, infer O> ? (input: z.output<I>, ctx: Ctx) => O | Promise<O> : never;
/** handlers for one slice of the contract */
export type HandlersOf<C, Ctx> = { [K in keyof C]: Handler<C, K, Ctx> };

/** The transport-neutral call signature every client implements. */
export type Invoke = <K extends MethodName>(method: K, input: InputOf<K>) => Promise<ApiResult<OutputOf<K>>>;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];
export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}

export type { ApiError, ApiResult, ErrorCode } from './define.ts';
