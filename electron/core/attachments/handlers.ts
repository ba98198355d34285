// attachments.*: photos and scans of a record, stored by content hash.
import type { attachmentsContract } from '../../shared/contract/attachments.ts';
import type { HandlersOf } from '../../shared/contract/index.ts';
import type { CoreContext } from '../context.ts';
import { mutator } from '../mutator.ts';
import { addAttachment, attachmentCounts, listAttachments, readAttachment, removeAttachment } from './store.ts';

export const attachmentsHandlers: HandlersOf<typeof attachmentsContract, CoreContext> = {
  'attachments.list': ({ register, recordId }, ctx) => listAttachments(ctx.db, register, recordId),
  'attachments.counts': ({ register, recordIds }, ctx) => attachmentCounts(ctx.db, register, recordIds),
  'attachments.add': mutator(({ register, recordId, fileName, base64 }, ctx) =>
    addAttachment(ctx, register, recordId, fileName, Buffer.from(base64, 'base64')),
  ),
  'attachments.get': ({ id }, ctx) => {
    const { info, bytes } = readAttachment(ctx, id);
    return { ...info, base64: bytes.toString('base64') };
  },
  'attachments.remove': mutator(({ id }, ctx) => removeAttachment(ctx, id)),
};
