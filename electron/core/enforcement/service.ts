// Loads what the 行政执法数据 needs, composes it, checks it against the two other reports, renders it.
import type { EnforcementFile, EnforcementModel } from '../../shared/contract/enforcement.ts';
import type { ReviewItem } from '../../shared/contract/openness.ts';
import { coercionDecisions, licenseDecisions } from '../../shared/enforcement.ts';
import type { CoreContext } from '../context.ts';
import type { Db } from '../db/connection.ts';
import { exportedReport } from '../openness/checks.ts';
import { computeOpennessFigures } from '../openness/figures.ts';
import { computeYearStats } from '../stats/year-stats.ts';
import { localDate } from '../util/local-date.ts';
import { getSettings } from '../settings/settings.ts';
import { getProfile } from '../years/year-profiles.ts';
import { agreementChecks, dataWarnings, otherReports } from './checks.ts';
import { composeEnforcement } from './compose.ts';
import { countEnforcement, enforcementTables, loadEnforcementRows, type EnforcementCounts } from './figures.ts';
import type { YearProfile } from '../../shared/records.ts';
import type { EnforcementTables } from '../../shared/contract/enforcement.ts';

interface Loaded {
  profile: YearProfile;
  counts: EnforcementCounts;
  tables: EnforcementTables;
  checks: ReviewItem[];
}

function load(db: Db, year: number): Loaded {
  const profile = getProfile(db, year);
  const doc = profile.enforcementDoc;
  const counts = countEnforcement(loadEnforcementRows(db, year), { excludePenalizedInspections: doc.excludePenalizedInspections });
  const tables = enforcementTables(
    counts,
    profile.enforcementActs,
    { required: profile.enforcersRequired, certified: profile.certifiedEnforcers },
    doc.amountUnit,
  );
  const o = computeOpennessFigures(db, year, profile.openness);
  const exported = exportedReport(db, year);
  const other = otherReports(
    computeYearStats(db, year),
    { penalties: o.tables.two.penalties, licenses: o.tables.two.licenses, coercions: o.tables.two.coercions },
    exported ? { exportedAt: exported.exportedAt, penalties: exported.stated.penalties } : null,
  );
  const checks = agreementChecks(year, counts, profile.enforcementActs, profile.openness, other, {
    licenses: licenseDecisions(profile.enforcementActs),
    coercions: coercionDecisions(profile.enforcementActs),
  });
  return { profile, counts, tables, checks };
}

export function buildEnforcementModel(ctx: CoreContext, year: number, date?: string): EnforcementModel {
  const { profile, counts, tables, checks } = load(ctx.db, year);
  return composeEnforcement({
    year,
    counts,
    tables,
    doc: profile.enforcementDoc,
    settings: getSettings(ctx.db),
    date,
    today: localDate(ctx.now()),
    checks,
    dataWarnings: dataWarnings(ctx.db, year, counts, profile.enforcementActs, { required: profile.enforcersRequired, certified: profile.certifiedEnforcers }),
  });
}

export function enforcementChecks(ctx: CoreContext, year: number): ReviewItem[] {
  return load(ctx.db, year).checks;
}

export async function exportEnforcement(ctx: CoreContext, year: number, date?: string): Promise<EnforcementFile> {
  const model = buildEnforcementModel(ctx, year, date);
  const { renderEnforcementDocx } = await import('./render-docx.ts');
  const buf = await renderEnforcementDocx(model);
  return { fileName: model.fileName, base64: buf.toString('base64'), bytes: buf.length, checks: model.checks, warnings: model.warnings };
}

export async function exportEnforcementXlsx(ctx: CoreContext, year: number): Promise<EnforcementFile> {
  // the tables do not depend on the 成文日期: a date outside the window must not stop the Excel file
  const model = buildEnforcementModel(ctx, year, undefined);
  const { renderEnforcementXlsx } = await import('./render-xlsx.ts');
  const buf = await renderEnforcementXlsx(model);
  return { fileName: model.xlsxFileName, base64: buf.toString('base64'), bytes: buf.length, checks: model.checks, warnings: model.warnings };
}
