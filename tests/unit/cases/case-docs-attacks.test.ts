// Case documents by 案号 or id: the 卷内目录 counts the attachments either way, and a
// case in the 回收站 gets no documents.
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/index.ts';
import { err, memoryCore, ok, SAMPLES, tempDir } from '../../helpers/core.ts';

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

const text = (doc: { blocks: unknown[] }) => JSON.stringify(doc.blocks);

describe('case documents', () => {
  it('the 卷内目录 by 案号 includes the attachment count, like by id', async () => {
    const tmp = tempDir();
    const core = createCore({ dbPath: ':memory:', dataDir: tmp.dir });
    const c = ok(await core.call('mediationCases.create', { record: SAMPLES.mediationCases }));
    for (const n of [1, 2])
      ok(await core.call('attachments.add', { register: 'mediationCases', recordId: c.id, fileName: `照片${n}.png`, base64: PNG.toString('base64') }));
    const byId = ok(await core.call('cases.document', { id: c.id, kind: 'cover' }));
    const byNo = ok(await core.call('cases.document', { id: SAMPLES.mediationCases.caseNo, kind: 'cover' }));
    expect(text(byId.doc)).toContain('扫描件2份');
    expect(text(byNo.doc)).toContain('扫描件2份');
    core.close();
    tmp.cleanup();
  });

  it('a case in the 回收站 gets no documents, by id or by 案号', async () => {
    const core = memoryCore();
    const c = ok(await core.call('mediationCases.create', { record: SAMPLES.mediationCases }));
    ok(await core.call('mediationCases.delete', { id: c.id }));
    const e = err(await core.call('cases.document', { id: c.id, kind: 'agreement' }));
    expect(e.message).toContain('在回收站中，不能生成文书');
    expect(err(await core.call('cases.document', { id: SAMPLES.mediationCases.caseNo, kind: 'agreement' })).code).toBe('not_found');
    core.close();
  });
});
