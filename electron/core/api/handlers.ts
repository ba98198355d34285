// Every method of the contract, implemented once. TypeScript checks that none is missing.
import type { Contract, HandlersOf } from '../../shared/contract/index.ts';
import type { CoreContext } from '../context.ts';
import { casesHandlers } from './cases.ts';
import { custodyHandlers } from './custody.ts';
import { ledgerHandlers } from './ledger.ts';
import { opennessHandlers } from './openness.ts';
import { registersHandlers } from './registers.ts';
import { reportHandlers } from './report.ts';

export type Handlers = HandlersOf<Contract, CoreContext>;

export const handlers: Handlers = {
  ...ledgerHandlers,
  ...registersHandlers,
  ...reportHandlers,
  ...custodyHandlers,
  ...opennessHandlers,
  ...casesHandlers,
};
