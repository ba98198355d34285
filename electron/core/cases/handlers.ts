// cases.*: 人民调解卷宗 (案号, 文书, data warnings). 首页's reminders and figures: home/.
import type { casesContract } from '../../shared/contract/cases.ts';
import type { HandlersOf } from '../../shared/contract/index.ts';
import type { CoreContext } from '../context.ts';
import { CaseNumbers, describeCase, nextCaseNo, normalizeCaseNo } from '../registers/case-number.ts';
import { REGISTERS } from '../../shared/registers.ts';
import type { MediationCase } from '../../shared/records.ts';
import { AppError } from '../util/errors.ts';
import { caseDataWarnings } from './checks.ts';
import { getSettings } from '../settings/settings.ts';
import { getRecord } from '../registers/repository.ts';
import { prepared } from '../db/statements.ts';
import { requireRecord } from '../registers/service.ts';

/** A case by its id, else by its 案号 (the CLI takes either). */
function findCase(ctx: CoreContext, ref: string): MediationCase {
  const byId = getRecord<MediationCase & { deletedAt: string | null }>(ctx.db, REGISTERS.mediationCases, ref);
  if (byId) {
    // a case in the 回收站 gets no documents: restore it first
    if (byId.deletedAt) throw new AppError('not_found', `这件案件（${describeCase(byId)}）在回收站中，不能生成文书。请先在回收站中恢复。`);
    return requireRecord(ctx, 'mediationCases', ref);
  }
  const want = normalizeCaseNo(ref);
  const rows = (
    prepared(
      ctx.db,
      `SELECT id, case_no AS caseNo, accepted_on AS acceptedOn, type FROM mediation_cases
    WHERE deleted_at IS NULL AND case_no IS NOT NULL`,
    ).all() as { id: string; caseNo: string; acceptedOn: string; type: string }[]
  ).filter((r) => normalizeCaseNo(r.caseNo) === want);
  if (rows.length === 1) return requireRecord(ctx, 'mediationCases', rows[0].id);
  if (rows.length > 1) throw new AppError('conflict', `案号“${ref}”对应多件案件：${rows.map((r) => describeCase(r)).join('；')}。请用案件ID指定。`);
  throw new AppError('not_found', `找不到案件“${ref}”（既不是案件ID，也不是现有案号）`);
}

export const casesHandlers: HandlersOf<typeof casesContract, CoreContext> = {
  'cases.nextCaseNo': ({ year }, ctx) => nextCaseNo(ctx.db, year),
  'cases.checkCaseNo': ({ caseNo, acceptedOn, id }, ctx) => {
    // the same rules as the save (write.ts → CaseNumbers): the form only hears them earlier
    const numbers = new CaseNumbers(ctx.db);
    const typed = caseNo.trim();
    const other = typed ? numbers.holder(typed, acceptedOn, id ?? null) : null;
    return other ? { free: false, message: numbers.refusal(typed, acceptedOn, other).replace('。请改用 ', '。可改用 ') } : { free: true, message: null };
  },
  'cases.document': async ({ id, kind }, ctx) => {
    // the 文书 (and docx) load with the first document, not with 首页's figures
    const { buildCaseDoc, renderCaseDocDocx } = await import('./documents.ts');
    const c = findCase(ctx, id);
    const settings = getSettings(ctx.db);
    const township = settings.township?.name ?? '';
    const attachments = (
      prepared(
        ctx.db,
        `SELECT COUNT(*) AS n FROM attachments
      WHERE register = 'mediationCases' AND record_id = ? AND deleted_at IS NULL`,
      ).get(c.id) as { n: number }
    ).n;
    const doc = buildCaseDoc(c, kind, township, attachments);
    const buf = await renderCaseDocDocx(doc, settings.township?.authority ?? '法治台账');
    return { doc, fileName: doc.fileName, base64: buf.toString('base64') };
  },
  'cases.warnings': ({ year }, ctx) => caseDataWarnings(ctx.db, year),
};
