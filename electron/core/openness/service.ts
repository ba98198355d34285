// Loads what the 政务公开年报 needs and composes it; renders and records an export.
import type { OpennessExportStatus, OpennessModel, ReviewItem } from '../../shared/contract/openness.ts';
import { isoNow, type CoreContext } from '../context.ts';
import { getSettings } from '../settings/settings.ts';
import { getProfile } from '../years/year-profiles.ts';
import { prepared } from '../db/statements.ts';
import { localDate } from '../util/local-date.ts';
import { AppError } from '../util/errors.ts';
import { loadPartyNames, screenTexts, type ScreenedText } from '../privacy/screen.ts';
import type { Db } from '../db/connection.ts';
import { agreementChecks, exportedReport, lawReportFigures, requestWarnings } from './checks.ts';
import { composeOpenness } from './compose.ts';
import { computeOpennessFigures } from './figures.ts';
import { renderOpennessDocx } from './render-docx.ts';

export function buildOpennessModel(ctx: CoreContext, year: number, date?: string): OpennessModel {
  const today = localDate(ctx.now());
  const profile = getProfile(ctx.db, year).openness;
  const figures = computeOpennessFigures(ctx.db, year, profile);
  const model = composeOpenness({
    figures,
    profile,
    settings: getSettings(ctx.db),
    // --date / the page's date for this document; else the one kept for the year
    date: date ?? profile.opennessReportDate ?? undefined,
    today,
    checks: agreementChecks(figures, profile, lawReportFigures(ctx.db, year), exportedReport(ctx.db, year)),
    dataWarnings: requestWarnings(figures, today),
  });
  model.warnings.unshift(...screenOpenness(ctx.db, model));
  return model;
}

/** Every text the 政务公开年报 prints, named as the clerk finds it. */
function* printedTexts(m: OpennessModel): Generator<ScreenedText> {
  const doc = `${m.year}年政务公开年报`;
  yield { record: doc, field: '标题', text: m.title };
  yield { record: doc, field: '发文机关', text: m.authority };
  for (const p of m.opening) yield { record: doc, field: '开头', text: `${p.lead ?? ''}${p.text}` };
  for (const part of m.parts) {
    for (const p of part.paragraphs) yield { record: doc, field: `${part.heading}的文字`, text: `${p.lead ?? ''}${p.text}` };
  }
  yield { record: doc, field: '署名', text: m.signature };
}

/** The personal-data screen of the public document: an 'error' per text holding a name, ID number or phone. */
export function screenOpenness(db: Db, model: OpennessModel): ReviewItem[] {
  return screenTexts(printedTexts(model), loadPartyNames(db)).map((f) => ({
    id: 'openness.personal_data',
    severity: 'error',
    message: `${f.where}，政务公开年报是公开文件，不能导出。请删去后再导出。`,
  }));
}

export async function exportOpenness(
  ctx: CoreContext,
  year: number,
  date?: string,
): Promise<{ fileName: string; base64: string; bytes: number; checks: ReviewItem[]; warnings: ReviewItem[] }> {
  const model = buildOpennessModel(ctx, year, date);
  if (model.dateRefused) throw new AppError('invalid_input', model.dateRefused, [{ field: 'date', message: model.dateRefused }]);
  const personal = model.warnings.filter((w) => w.id === 'openness.personal_data');
  if (personal.length) {
    throw new AppError(
      'invalid_input',
      `政务公开年报中会出现个人信息，已停止导出：${personal
        .slice(0, 3)
        .map((w) => w.message.replace(/，政务公开年报是公开文件.*$/, ''))
        .join('；')}${personal.length > 3 ? `等${personal.length}处` : ''}。`,
      personal.map((w) => ({ field: 'openness', message: w.message })),
    );
  }
  const buf = await renderOpennessDocx(model);
  prepared(
    ctx.db,
    `INSERT INTO report_exports (report, year, exported_at, file_name, figures) VALUES ('openness', ?, ?, ?, ?)
    ON CONFLICT(report, year) DO UPDATE SET exported_at = excluded.exported_at, file_name = excluded.file_name, figures = excluded.figures`,
  ).run(year, isoNow(ctx), model.fileName, JSON.stringify(model.stated));
  return { fileName: model.fileName, base64: buf.toString('base64'), bytes: buf.length, checks: model.checks, warnings: model.warnings };
}

export function opennessStatus(ctx: CoreContext, year: number): OpennessExportStatus {
  const row = prepared(ctx.db, "SELECT exported_at AS exportedAt, file_name AS fileName FROM report_exports WHERE report = 'openness' AND year = ?").get(
    year,
  ) as { exportedAt: string; fileName: string } | undefined;
  return { year, exportedAt: row?.exportedAt ?? null, fileName: row?.fileName ?? null, stated: exportedReport(ctx.db, year)?.stated ?? null };
}
