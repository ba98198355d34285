// stats.* and report.* handlers.
import type { reportContract } from '../../shared/contract/report.ts';
import type { HandlersOf } from '../../shared/contract/index.ts';
import type { CoreContext } from '../context.ts';

export const reportHandlers: HandlersOf<typeof reportContract, CoreContext> = {};
