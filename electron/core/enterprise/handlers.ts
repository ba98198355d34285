// enterprise.*: 涉企行政检查 — 设置's 执法人员 and 检查事项清单, the 年度检查计划, visits, 文书, reminders.
import type { enterpriseContract } from '../../shared/contract/enterprise.ts';
import type { HandlersOf } from '../../shared/contract/index.ts';
import type { CoreContext } from '../context.ts';
import { mutator } from '../mutator.ts';
import { requireRecord } from '../registers/service.ts';
import { localDate } from '../util/local-date.ts';
import { getSettings } from '../settings/settings.ts';
import { enterpriseReminders } from './reminders.ts';
import { getItems, getOfficers, getPlan, saveItems, saveOfficers, savePlan } from './store.ts';
import { enterpriseVisits, visitCheck } from './visits.ts';

function docContext(ctx: CoreContext) {
  const township = getSettings(ctx.db).township;
  return { authority: township?.authority || township?.name || '', items: getItems(ctx.db), officers: getOfficers(ctx.db) };
}

export const enterpriseHandlers: HandlersOf<typeof enterpriseContract, CoreContext> = {
  'enterprise.officers': (_input, ctx) => getOfficers(ctx.db),
  'enterprise.saveOfficers': mutator(({ officers }, ctx) => saveOfficers(ctx.db, officers)),
  'enterprise.items': (_input, ctx) => getItems(ctx.db),
  'enterprise.saveItems': mutator(({ items }, ctx) => saveItems(ctx.db, items)),
  'enterprise.importItems': async ({ base64 }, ctx) => {
    // the workbook is read (async, exceljs) before the one write: no transaction is held open meanwhile
    const { readItemsSheet } = await import('./items-excel.ts');
    const items = await readItemsSheet(Buffer.from(base64, 'base64'));
    return ctx.db.transaction(() => saveItems(ctx.db, items)).immediate();
  },
  'enterprise.plan': ({ year }, ctx) => getPlan(ctx.db, year),
  'enterprise.savePlan': mutator(({ year, rows }, ctx) => savePlan(ctx.db, year, rows)),
  'enterprise.planDocument': async ({ year }, ctx) => {
    const { buildPlanDoc } = await import('./documents.ts');
    const { renderCaseDocDocx } = await import('../cases/documents.ts');
    const dc = docContext(ctx);
    const doc = buildPlanDoc(year, getPlan(ctx.db, year), dc);
    return { doc, fileName: doc.fileName, base64: (await renderCaseDocDocx(doc, dc.authority || '法治台账')).toString('base64') };
  },
  'enterprise.visits': ({ year, date }, ctx) => enterpriseVisits(ctx.db, year, date ?? localDate(ctx.now())),
  'enterprise.visitCheck': (input, ctx) => visitCheck(ctx.db, input),
  'enterprise.document': async ({ id, kind }, ctx) => {
    const { buildInspectionDoc } = await import('./documents.ts');
    const { renderCaseDocDocx } = await import('../cases/documents.ts');
    const dc = docContext(ctx);
    const doc = buildInspectionDoc(requireRecord(ctx, 'inspections', id), kind, dc);
    return { doc, fileName: doc.fileName, base64: (await renderCaseDocDocx(doc, dc.authority || '法治台账')).toString('base64') };
  },
  'enterprise.reminders': ({ date }, ctx) => enterpriseReminders(ctx.db, date ?? localDate(ctx.now())),
};
