// Every method of the contract, implemented once. TypeScript checks that none is missing.
// Only the registers' handlers load with the core; every other domain's handlers.ts (and
// what it imports: report, Excel, backup, package code) loads on its first call.
import type { Contract, HandlersOf } from '../../shared/contract/index.ts';
import { appContract } from '../../shared/contract/app.ts';
import { attachmentsContract } from '../../shared/contract/attachments.ts';
import { backupContract } from '../../shared/contract/backup.ts';
import { casesContract } from '../../shared/contract/cases.ts';
import { homeContract } from '../../shared/contract/home.ts';
import { demoContract } from '../../shared/contract/demo.ts';
import { enterpriseContract } from '../../shared/contract/enterprise.ts';
import { mediationStatsContract } from '../../shared/contract/mediationStats.ts';
import { excelContract } from '../../shared/contract/excel.ts';
import { exchangeContract } from '../../shared/contract/exchange.ts';
import { opennessContract } from '../../shared/contract/openness.ts';
import { enforcementContract } from '../../shared/contract/enforcement.ts';
import { reportContract } from '../../shared/contract/report.ts';
import { statsContract } from '../../shared/contract/stats.ts';
import { yearsContract } from '../../shared/contract/years.ts';
import type { CoreContext } from '../context.ts';
import { registersHandlers } from '../registers/handlers.ts';

export type Handlers = HandlersOf<Contract, CoreContext>;

type AnyHandler = (input: unknown, ctx: CoreContext) => unknown;

/** The handlers of one slice, its module imported when one of them is first called. */
export function loadOnUse<C extends object>(slice: C, load: () => Promise<HandlersOf<C, CoreContext>>): HandlersOf<C, CoreContext> {
  let loading: Promise<Record<string, AnyHandler>> | undefined;
  const loaded = () => {
    loading ??= (load() as Promise<Record<string, AnyHandler>>).catch((e: unknown) => {
      loading = undefined; // a failed load is tried again on the next call
      throw e;
    });
    return loading;
  };
  const out: Record<string, AnyHandler> = {};
  for (const name of Object.keys(slice)) out[name] = async (input, ctx) => (await loaded())[name](input, ctx);
  return out as HandlersOf<C, CoreContext>;
}

// One line per domain: its contract slice and its core folder's handlers.ts. Writes are
// wrapped there, where each method is registered: `'x.y': mutator(fn)` (mutator.ts).
export const handlers: Handlers = {
  ...loadOnUse(appContract, async () => (await import('../app/handlers.ts')).appHandlers),
  ...registersHandlers,
  ...loadOnUse(yearsContract, async () => (await import('../years/handlers.ts')).yearsHandlers),
  ...loadOnUse(exchangeContract, async () => (await import('../exchange/handlers.ts')).exchangeHandlers),
  ...loadOnUse(excelContract, async () => (await import('../excel/handlers.ts')).excelHandlers),
  ...loadOnUse(backupContract, async () => (await import('../backup/handlers.ts')).backupHandlers),
  ...loadOnUse(attachmentsContract, async () => (await import('../attachments/handlers.ts')).attachmentsHandlers),
  ...loadOnUse(statsContract, async () => (await import('../stats/handlers.ts')).statsHandlers),
  ...loadOnUse(reportContract, async () => (await import('../report/handlers.ts')).reportHandlers),
  ...loadOnUse(opennessContract, async () => (await import('../openness/handlers.ts')).opennessHandlers),
  ...loadOnUse(enforcementContract, async () => (await import('../enforcement/handlers.ts')).enforcementHandlers),
  ...loadOnUse(casesContract, async () => (await import('../cases/handlers.ts')).casesHandlers),
  ...loadOnUse(homeContract, async () => (await import('../home/handlers.ts')).homeHandlers),
  ...loadOnUse(demoContract, async () => (await import('../demo/handlers.ts')).demoHandlers),
  ...loadOnUse(enterpriseContract, async () => (await import('../enterprise/handlers.ts')).enterpriseHandlers),
  ...loadOnUse(mediationStatsContract, async () => (await import('../mediationStats/handlers.ts')).mediationStatsHandlers),
};
