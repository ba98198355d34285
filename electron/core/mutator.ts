// Writes are wrapped where a handler is registered, the same way for every domain
// (as actualbudget/actual's `app.method('x', mutator(fn))`): `'years.saveProfile':
// mutator((patch, ctx) => …)`. The handler's body then writes without opening a
// transaction of its own.
import type { CoreContext } from './context.ts';

/** Marks the handlers that run in a transaction (tests list them). */
export const MUTATOR = Symbol('mutator');

export type Mutator<I, O> = ((input: I, ctx: CoreContext) => O) & { [MUTATOR]: true };

/**
 * Runs a synchronous write handler in one `BEGIN IMMEDIATE` transaction: the write
 * lock is taken up front, so a second writer (a CLI import) makes a save wait
 * (busy_timeout), never fail half-way; on any error nothing is written.
 * Only for synchronous handlers: a transaction cannot span an `await` (better-sqlite3
 * throws when the function returns a promise).
 */
export function mutator<I, O>(fn: (input: I, ctx: CoreContext) => O): Mutator<I, O> {
  const run = (input: I, ctx: CoreContext): O => ctx.db.transaction(() => fn(input, ctx)).immediate() as O;
  return Object.assign(run, { [MUTATOR]: true as const });
}

export const isMutator = (fn: unknown): boolean => typeof fn === 'function' && (fn as Partial<Record<typeof MUTATOR, true>>)[MUTATOR] === true;
