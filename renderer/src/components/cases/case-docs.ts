// A case's 人民调解文书: printed through the platform, or saved as .docx.
import type { CaseDocKind } from '@shared/case-doc-model.ts';
import { call } from '@/api/client.ts';
import { FILE_KINDS, saveFile } from '@/api/platform.ts';
import { caseDocHtml } from '@/print/case-doc-html.ts';
import { printHtml } from '@/print/print.ts';

export async function printCaseDoc(id: string, kind: CaseDocKind): Promise<void> {
  const r = await call('cases.document', { id, kind });
  await printHtml(caseDocHtml(r.doc), { title: r.fileName.replace(/\.docx$/, '') });
}

export async function saveCaseDoc(id: string, kind: CaseDocKind): Promise<boolean> {
  const r = await call('cases.document', { id, kind });
  return saveFile(r.fileName, r.base64, FILE_KINDS.docx);
}

export function todayLocal(): string {
  const d = new Date();
  const p = (x: number) => String(x).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
