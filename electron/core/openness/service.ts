// Loads what the 政务公开年报 needs and composes it; renders and records an export.
import type { OpennessExportStatus, OpennessModel, ReviewItem } from '../../shared/contract/openness.ts';
import { isoNow, type CoreContext } from '../context.ts';
import { getSettings } from '../years/settings.ts';
import { getProfile } from '../years/year-profiles.ts';
import { prepared } from '../registers/repository.ts';
import { localDate } from '../util/local-date.ts';
import { AppError } from '../util/errors.ts';
import { agreementChecks, exportedReport, lawReportFigures, requestWarnings } from './checks.ts';
import { composeOpenness } from './compose.ts';
import { computeOpennessFigures } from './figures.ts';
import { renderOpennessDocx } from './render-docx.ts';

export function buildOpennessModel(ctx: CoreContext, year: number, date?: string): OpennessModel {
  const today = localDate(ctx.now());
  const profile = getProfile(ctx.db, year).openness;
  const figures = computeOpennessFigures(ctx.db, year, profile);
  return composeOpenness({
    figures,
    profile,
    settings: getSettings(ctx.db),
    // --date / the page's date for this document; else the one kept for the year
    date: date ?? profile.opennessReportDate ?? undefined,
    today,
    checks: agreementChecks(figures, profile, lawReportFigures(ctx.db, year), exportedReport(ctx.db, year)),
    dataWarnings: requestWarnings(figures, today),
  });
}

export async function exportOpenness(
  ctx: CoreContext,
  year: number,
  date?: string,
): Promise<{ fileName: string; base64: string; bytes: number; checks: ReviewItem[]; warnings: ReviewItem[] }> {
  const model = buildOpennessModel(ctx, year, date);
  if (model.dateRefused) throw new AppError('invalid_input', model.dateRefused, [{ field: 'date', message: model.dateRefused }]);
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
