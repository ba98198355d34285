// 检查文书 and the 年度检查计划: printed through the platform, or saved as .docx (as the 人民调解文书 are).
import type { CaseDoc } from '@shared/case-doc-model.ts';
import type { InspectionDocKind } from '@shared/enterprise.ts';
import type { InspectionDocResult } from '@shared/contract/enterprise.ts';
import { call } from '@/api/client.ts';
import { FILE_KINDS, saveFile } from '@/api/platform.ts';
import { caseDocHtml } from '@/print/case-doc-html.ts';
import { printHtml } from '@/print/print.ts';

// the blocks are the 文书 model of shared/case-doc-model.ts; only the kind differs
const print = (r: InspectionDocResult) => printHtml(caseDocHtml(r.doc as unknown as CaseDoc), { title: r.fileName.replace(/\.docx$/, '') });

export const printInspectionDoc = async (id: string, kind: InspectionDocKind) => print(await call('enterprise.document', { id, kind }));
export async function saveInspectionDoc(id: string, kind: InspectionDocKind): Promise<boolean> {
  const r = await call('enterprise.document', { id, kind });
  return saveFile(r.fileName, r.base64, FILE_KINDS.docx);
}
export const printPlan = async (year: number) => print(await call('enterprise.planDocument', { year }));
export async function savePlan(year: number): Promise<boolean> {
  const r = await call('enterprise.planDocument', { year });
  return saveFile(r.fileName, r.base64, FILE_KINDS.docx);
}
