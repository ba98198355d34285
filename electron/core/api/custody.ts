// excel.*, backup.*, attachments.* handlers.
import type { custodyContract } from '../../shared/contract/custody.ts';
import type { HandlersOf } from '../../shared/contract/index.ts';
import type { CoreContext } from '../context.ts';

export const custodyHandlers: HandlersOf<typeof custodyContract, CoreContext> = {};
