// Every method of the contract, implemented once. TypeScript checks that none is missing.
// Only the registers' handlers load with the core; every other slice's module (and
// what it imports: report, Excel, backup, package code) loads on its first call.
import type { Contract, HandlersOf } from '../../shared/contract/index.ts';
import { casesContract } from '../../shared/contract/cases.ts';
import { custodyContract } from '../../shared/contract/custody.ts';
import { ledgerContract } from '../../shared/contract/ledger.ts';
import { opennessContract } from '../../shared/contract/openness.ts';
import { reportContract } from '../../shared/contract/report.ts';
import type { CoreContext } from '../context.ts';
import { registersHandlers } from './registers.ts';

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

export const handlers: Handlers = {
  ...loadOnUse(ledgerContract, async () => (await import('./ledger.ts')).ledgerHandlers),
  ...registersHandlers,
  ...loadOnUse(reportContract, async () => (await import('./report.ts')).reportHandlers),
  ...loadOnUse(custodyContract, async () => (await import('./custody.ts')).custodyHandlers),
  ...loadOnUse(opennessContract, async () => (await import('./openness.ts')).opennessHandlers),
  ...loadOnUse(casesContract, async () => (await import('./cases.ts')).casesHandlers),
};
