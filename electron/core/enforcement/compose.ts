// Composes the 行政执法数据年度公开 from its counts, the year profile and the township settings.
// Pure: no database here.
import type { EnforcementModel, EnforcementPart, EnforcementTables } from '../../shared/contract/enforcement.ts';
import { PENALTY_COLUMNS } from '../../shared/contract/enforcement.ts';
import type { ReviewItem } from '../../shared/contract/openness.ts';
import { PENALTY_KINDS } from '../../shared/enums.ts';
import type { EnforcementDoc } from '../../shared/enforcement.ts';
import type { AppSettings } from '../../shared/records.ts';
import { formatChineseDate } from '../stats/number-style.ts';
import { AppError } from '../util/errors.ts';
import type { EnforcementCounts } from './figures.ts';

/**
 * 成文日期 of the publication: 1–31 January of the next year (before 1月31日). A date asked for before
 * that is refused (the year is not over); a date after it, or today outside it, leaves the line blank
 * (`2026年\u3000月\u3000日`) with a warning. (The integrator will unify this with electron/shared/document-date.ts.)
 */
export function enforcementDate(
  year: number,
  given: string | undefined,
  today: string,
): { date: string; source: EnforcementModel['dateSource']; warning: string | null } {
  const from = `${year + 1}-01-01`;
  const to = `${year + 1}-01-31`;
  const blank = `${year + 1}年\u3000月\u3000日`;
  if (given !== undefined) {
    if (given < from)
      throw new AppError(
        'invalid_input',
        `成文日期${formatChineseDate(given)}早于${year + 1}年1月1日：${year}年度行政执法数据应在年度结束后、${year + 1}年1月31日前公开。`,
      );
    if (given <= to) return { date: formatChineseDate(given), source: 'given', warning: null };
    return {
      date: blank,
      source: 'blank',
      warning: `成文日期${formatChineseDate(given)}晚于${year + 1}年1月31日（行政执法数据应在1月31日前公开），落款日期已留空，请印发时填写。`,
    };
  }
  if (today >= from && today <= to) return { date: formatChineseDate(today), source: 'today', warning: null };
  return {
    date: blank,
    source: 'blank',
    warning: `今天（${formatChineseDate(today)}）不在${year + 1}年1月1日至1月31日之间，落款日期留空“${blank}”，请在印发时填写（应在${year + 1}年1月31日前公开）。`,
  };
}

export interface EnforcementComposeInput {
  year: number;
  counts: EnforcementCounts;
  tables: EnforcementTables;
  doc: EnforcementDoc;
  settings: AppSettings;
  date?: string;
  today: string;
  checks: ReviewItem[];
  dataWarnings: ReviewItem[];
}

const SHORT_KIND: Record<string, string> = { ...PENALTY_KINDS, confiscation: '没收违法所得、没收非法财物', other: '其他行政处罚' };

function lines(text: string | null | undefined): string[] {
  if (!text) return [];
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

/** 另受委托实施行政处罚N宗（以委托机关名义作出，由委托机关公开）。 */
export const entrustedNote = (n: number) => (n > 0 ? `另受委托实施行政处罚${n}宗（以委托机关名义作出，由委托机关公开）。` : null);

export function enforcementFileName(name: string, year: number, ext: 'docx' | 'xlsx'): string {
  return `${name}${year}年度行政执法数据${ext === 'xlsx' ? '统计表' : ''}.${ext}`;
}

export function composeEnforcement(input: EnforcementComposeInput): EnforcementModel {
  const { year, counts: c, tables: t, doc, settings } = input;
  const township = settings.township;
  const name = township?.name?.trim() || '';
  const authority = township?.authority?.trim() || '';
  const organ = authority || '本机关';
  const unitText = doc.amountUnit === 'yuan' ? '元' : '万元';

  // ---- 一、执法主体和职责 -----------------------------------------------------
  const { required, certified, rate } = t.certification;
  const people =
    required && certified !== null
      ? `本机关应持证执法人员${required}名，其中${certified > 0 ? `持有行政执法证件${certified}名，持证率${rate}` : '尚无人员持有行政执法证件'}。`
      : certified
        ? `本机关持有行政执法证件的执法人员${certified}名。`
        : '';
  const dutiesDraft = [
    `${organ}是依法设立的行政执法主体，依据法律、法规、规章和依法赋予乡镇的行政执法事项清单，以本机关名义实施行政处罚、行政检查、行政强制等行政执法行为；${name || '本镇'}综合行政执法队以${organ}名义开展执法工作。受上级部门委托实施的执法事项，以委托机关名义作出，由委托机关公开。${people}`,
  ];

  // ---- 二、执法数据情况 (no zero stated as work) ------------------------------
  const figures: string[] = [];
  const p = t.penalty;
  if (p.total > 0) {
    const kinds = PENALTY_COLUMNS.map((k, i) => (p.byKind[i] > 0 ? `${SHORT_KIND[k]}${p.byKind[i]}宗` : null)).filter(Boolean);
    const amount = p.amountYuan > 0 ? `，罚没金额${p.amountText}${unitText}` : '';
    figures.push(
      `${year}年，${organ}以本机关名义作出行政处罚决定${p.total}宗${kinds.length > 1 ? `，其中${kinds.join('、')}` : kinds.length ? `，均为${SHORT_KIND[PENALTY_COLUMNS[p.byKind.findIndex((n) => n > 0)]]}` : ''}${amount}。`,
    );
  } else {
    figures.push(`${year}年，${organ}未以本机关名义作出行政处罚决定。`);
  }
  // the entrusted ones are noted once, under 表一
  const note = entrustedNote(c.entrustedPenalties);
  const [applied, accepted, granted, refused, revoked] = t.licensing;
  if (applied + accepted + granted + refused + revoked > 0) {
    const bits = [
      applied ? `收到申请${applied}件` : null,
      accepted ? `受理${accepted}件` : null,
      granted ? `准予许可${granted}宗` : null,
      refused ? `不予许可${refused}宗` : null,
      revoked ? `撤销许可${revoked}宗` : null,
    ].filter(Boolean);
    figures.push(`行政许可方面，${bits.join('，')}。`);
  }
  const measures = t.coercion.slice(0, 5).reduce((a, b) => a + b, 0);
  const executions = t.coercion[5] + t.coercion[6];
  if (measures + executions > 0) {
    const bits = [measures ? `实施行政强制措施${measures}宗` : null, executions ? `行政强制执行${executions}宗` : null].filter(Boolean);
    figures.push(`行政强制方面，${bits.join('，')}。`);
  }
  const otherLabels = ['行政征收', '行政征用', '行政确认', '行政给付', '行政裁决', '行政奖励', '行政检查', '其他行政执法行为'];
  const others = t.other.map((n, i) => (n > 0 ? `${otherLabels[i]}${n}次` : null)).filter(Boolean);
  if (others.length) figures.push(`其他行政执法行为方面，实施${others.join('、')}。`);

  // ---- 三、三项制度 -------------------------------------------------------------
  const three = [
    `严格落实行政执法公示制度，通过政府网站公开行政执法主体、人员、职责、权限、依据、程序和监督方式等信息，行政处罚决定依法公示，本年度行政执法数据按时公开。`,
    `严格落实执法全过程记录制度，行政检查和行政处罚的启动、调查取证、审核决定、送达执行等环节以文字、音像等方式记录，执法案卷归档保存。`,
    `严格落实重大执法决定法制审核制度，${c.legalReviews > 0 ? `本年度${c.legalReviews}宗行政处罚决定经法制审核后作出` : '重大执法决定作出前均须经法制审核'}。`,
  ];

  const problemsDraft = [
    `存在的问题：一是执法人员数量和专业能力与执法任务还不完全适应；二是执法信息化水平有待提高，执法数据的记录和统计还需规范。`,
    `下一步计划：一是加强执法人员培训，提高持证率和执法能力；二是规范行政检查，坚持“无事不扰”，减少重复检查；三是严格落实行政执法“三项制度”，做到执法数据及时、准确公开。`,
  ];

  const own = (key: 'duties' | 'problems', heading: string, draft: string[]): EnforcementPart => {
    const text = doc[key];
    const l = lines(text);
    return { key, heading, paragraphs: l.length ? l : draft, text, draftText: draft.join('\n'), draft: l.length === 0 };
  };
  const parts: EnforcementPart[] = [
    own('duties', '一、执法主体和职责', dutiesDraft),
    { key: 'figures', heading: '二、执法数据情况', paragraphs: figures, text: null, draftText: null, draft: false },
    { key: 'threeSystems', heading: '三、落实行政执法“三项制度”情况', paragraphs: three, text: null, draftText: null, draft: false },
    own('problems', '四、存在问题及下一步计划', problemsDraft),
  ];

  const warnings: ReviewItem[] = [];
  if (!authority)
    warnings.push({
      id: 'enforcement.no_authority',
      severity: 'warning',
      message: '尚未设置发文机关全称，标题和落款将空缺。请在“设置”中填写乡镇信息。',
      link: { label: '去设置', path: '/settings', query: {} },
    });
  const date = enforcementDate(year, input.date, input.today);
  if (date.warning) warnings.push({ id: 'enforcement.date', severity: 'warning', message: date.warning });
  warnings.push(...input.dataWarnings);
  for (const part of parts)
    if (part.draft)
      warnings.push({
        id: `enforcement.draft.${part.key}`,
        severity: 'warning',
        message: `“${part.heading}”仍是系统生成的草稿，请修改确认后再公开。`,
      });

  return {
    year,
    authority,
    title: `${authority}${year}年度行政执法数据`,
    tables: t,
    amountUnit: doc.amountUnit,
    excludePenalizedInspections: doc.excludePenalizedInspections,
    entrustedPenalties: c.entrustedPenalties,
    entrustedNote: note,
    legalReviews: c.legalReviews,
    parts,
    signature: authority,
    date: date.date,
    dateSource: date.source,
    warnings,
    checks: input.checks,
    fileName: enforcementFileName(name, year, 'docx'),
    xlsxFileName: enforcementFileName(name, year, 'xlsx'),
  };
}
