// attachments.*: photos and scans of a record, stored by content hash.
import { z } from 'zod';
import type { RegisterName } from '../registers.ts';
import { attachmentRegisterSchema as attachmentRegister, method, prefixed } from './define.ts';

/** A register whose definition says `attachments: true` (checked at the API's door). */
export type AttachmentRegister = RegisterName;

export interface AttachmentInfo {
  id: string;
  register: AttachmentRegister;
  recordId: string;
  fileName: string;
  mime: string;
  size: number;
  sha256: string;
  createdAt: string;
  /** image/*: shown as a thumbnail (the page scales the image itself) */
  isImage: boolean;
}

export const attachmentsContract = {
  ...prefixed('attachments', {
    list: method<AttachmentInfo[]>()(z.object({ register: attachmentRegister, recordId: z.string().min(1).max(64) })),
    /** attachment counts per record, for list badges */
    counts: method<Record<string, number>>()(z.object({ register: attachmentRegister, recordIds: z.array(z.string().max(64)).max(1000) })),
    add: method<AttachmentInfo>()(
      z.object({
        register: attachmentRegister,
        recordId: z.string().min(1).max(64),
        fileName: z.string().min(1).max(255),
        base64: z.string().min(1, '文件内容为空').max(28_000_000, '附件不能超过 20 MB'),
      }),
    ),
    /** the file itself (also the thumbnail: the page scales the image) */
    get: method<AttachmentInfo & { base64: string }>()(z.object({ id: z.string().min(1).max(64) })),
    remove: method<{ id: string }>()(z.object({ id: z.string().min(1).max(64) })),
  }),
};
