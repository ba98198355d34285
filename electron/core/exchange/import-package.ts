// Import of a data package: validate everything first, then write all or nothing.
// A dry run reports what would happen (new / updated / unchanged / kept / invalid).
import type { ImportCounts, ImportRecordIssue, ImportReport } from '../../shared/contract/exchange.ts';
import { REGISTERS, REGISTER_NAMES, type RegisterName } from '../../shared/registers.ts';
import {
  MEASURE_KEYS,
  orderedMeasureKeys,
  SECTION_ORDERS,
  MEASURE_LABELS,
  MEASURE_TITLE_MAX,
  NARRATIVE_KEYS,
  NARRATIVE_LABELS,
  PROFILE_FIGURE_KEYS,
  PROFILE_FIGURE_LABELS,
  type YearProfile,
} from '../../shared/records.ts';
import { isValidDate } from '../../shared/calendar-date.ts';
import { describeRecord, validateRecord } from '../../shared/validation.ts';
import { parseOpenness } from '../../shared/openness.ts';
import { parseEnforcementActs, parseEnforcementDoc } from '../../shared/enforcement.ts';
import { isoNow, type CoreContext } from '../context.ts';
import { getSettings, updateSettings } from '../settings/settings.ts';
import { planEnterpriseData, writeEnterpriseData } from '../enterprise/package.ts';
import { emptyProfile, getProfile, profileExists, writeProfile } from '../years/year-profiles.ts';
import { getRecord } from '../registers/repository.ts';
import { ledgerStamp, prepared } from '../db/statements.ts';
import { RECORD_ID_RE, RecordWriter, type PlannedWrite } from '../registers/write.ts';
import { bulkIndexWorthIt, withBulkKeywordIndex } from '../registers/keyword-index.ts';
import { AppError } from '../util/errors.ts';
import { fromPackageRecord, PACKAGE_FORMAT, PACKAGE_KEYS, PACKAGE_VERSION, personalKeys } from './package-format.ts';
import { yearProfileInput } from '../../shared/contract/years.ts';

type Obj = Record<string, unknown>;
export const ID_RE = RECORD_ID_RE;
const MAX_CHANGES_LISTED = 500;

const zeroCounts = (): ImportCounts => ({ new: 0, updated: 0, unchanged: 0, keptLocal: 0, invalid: 0 });
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const NOT_A_PACKAGE = '这个文件不是法治台账数据包，无法读取（可能选错了文件，或文件已损坏）。请选择法治台账“导出数据包”得到的 .json 或 .zip 文件。';

/** Parses the text and checks the envelope; throws AppError for a file that is not a package at all. */
export function parsePackage(text: string): Obj {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    // the parser's English (「Unexpected token … is not valid JSON」) means nothing to a clerk
    throw new AppError('invalid_input', NOT_A_PACKAGE);
  }
  if (!isObj(data) || data.format !== PACKAGE_FORMAT) throw new AppError('invalid_input', NOT_A_PACKAGE);
  if (data.version !== PACKAGE_VERSION) {
    throw new AppError(
      'invalid_input',
      `数据包版本为 ${String(data.version ?? '（缺失）').slice(0, 10)}，本程序只支持版本 ${PACKAGE_VERSION}。请升级法治台账。`,
    );
  }
  return data;
}

export function normalizeTime(v: unknown): string | null | undefined {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(v)) return undefined;
  // the form every export writes (toISOString) is its own normal form once its numbers are a real
  // time: checked by hand, not by Date (two Date parses a record were 0.6 s of a 600 000-record package)
  if (CANONICAL_TIME.test(v) && isValidDate(v.slice(0, 10), 1900)) return v;
  if (Number.isNaN(Date.parse(v))) return undefined;
  return new Date(v).toISOString();
}

// YYYY-MM-DDTHH:MM:SS.mmmZ with a real day (1900–2100) and time; anything else goes through Date
const CANONICAL_TIME = /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;

interface PlannedRecord {
  register: RegisterName;
  id: string;
  fields: Obj;
  updatedAt: string | null;
  action: 'new' | 'updated' | 'unchanged' | 'keptLocal';
  label: string;
  localUpdatedAt: string | null;
  /** changed on both sides since this database last received it from a package */
  conflict: boolean;
  note?: string;
  /** the local record is in the 回收站 (the package's copy is not written) */
  inBin?: boolean;
  /** what the write pipeline will write (new / updated) */
  plan?: PlannedWrite;
}

/** An updatedAt this far ahead of the clock says nothing about which side is newer. */
const FUTURE_MS = 24 * 60 * 60 * 1000;
const futureNote = (t: string) => `数据包中的修改时间在未来（${t.slice(0, 10)}），不能据此判断哪边较新`;

interface PlannedProfile {
  profile: YearProfile;
  action: 'new' | 'updated' | 'unchanged' | 'keptLocal';
}

/** The updatedAt of a record as last received from a package (none before schema 2 or never received). */
function lastReceived(ctx: CoreContext, register: RegisterName, id: string): string | null {
  const row = prepared(ctx.db, 'SELECT updated_at AS u FROM exchange_seen WHERE register = ? AND record_id = ?').get(register, id) as { u: string } | undefined;
  return row?.u ?? null;
}

/** A received mark replaces the one before it: the last updatedAt this database received. */
const REPLACE_MARK = 'ON CONFLICT(register, record_id) DO UPDATE SET updated_at = excluded.updated_at';

/** Records that this database received a record's updatedAt from a package (register, record id, updatedAt). */
const MARK_RECEIVED_SQL = `INSERT INTO exchange_seen (register, record_id, updated_at) VALUES (?, ?, ?) ${REPLACE_MARK}`;

const largestRowid = (ctx: CoreContext, register: RegisterName) =>
  prepared(ctx.db, `SELECT COALESCE(MAX(rowid), 0) FROM ${REGISTERS[register].table}`, 'pluck').get() as number;

/**
 * Marks as received the records this write inserted into a register: the rows after the
 * largest rowid before it (a new row's rowid is one more than the largest), each with the
 * updatedAt written to it — the package's, or the import's time. One statement, in id order
 * (the table's primary key index), so exchange_seen's b-tree grows at its end: 600 000
 * single inserts, in the package's order, landed all over it (1.3 s of a large import).
 */
function markNewRecords(ctx: CoreContext, register: RegisterName, after: number): void {
  prepared(
    ctx.db,
    `INSERT INTO exchange_seen (register, record_id, updated_at)
      SELECT @register, id, updated_at FROM ${REGISTERS[register].table} WHERE rowid > @after ORDER BY id ${REPLACE_MARK}`,
  ).run({ register, after });
}

const sameFields = (register: RegisterName, a: Obj, b: Obj) =>
  REGISTERS[register].fields.every((f) => JSON.stringify(a[f.key] ?? null) === JSON.stringify(b[f.key] ?? null));

function planRecords(
  ctx: CoreContext,
  writer: RecordWriter,
  data: Obj,
  issues: ImportRecordIssue[],
  report: ImportReport,
  years: Set<number>,
  restoreFromBin: boolean,
): PlannedRecord[] {
  const planned: PlannedRecord[] = [];
  // an updatedAt after this is in the future (the clock read once for the package, not once a record)
  // (normalised times are ISO strings in UTC: compared as strings, as the dates they are)
  const futureFrom = new Date(ctx.now().getTime() + FUTURE_MS).toISOString();
  for (const register of REGISTER_NAMES) {
    const def = REGISTERS[register];
    const list = data[PACKAGE_KEYS[register]];
    if (list === undefined || list === null) continue;
    if (!Array.isArray(list)) {
      issues.push({ register, record: def.label, message: `“${PACKAGE_KEYS[register]}”应为数组` });
      report.byRegister[register].invalid++;
      continue;
    }
    const seen = new Set<string>();
    const personal = personalKeys(register);
    // the fields a record carries: every field but the personal ones it leaves out — one set for
    // each combination of personal fields present, not one a record
    const carriedSets = new Map<number, ReadonlySet<string>>();
    const carriedKeys = (raw: Obj): ReadonlySet<string> => {
      let mask = 0;
      for (let i = 0; i < personal.length; i++) if (Object.hasOwn(raw, personal[i])) mask |= 1 << i;
      let set = carriedSets.get(mask);
      if (!set) carriedSets.set(mask, (set = new Set(def.fields.filter((f) => !f.personal || Object.hasOwn(raw, f.key)).map((f) => f.key))));
      return set;
    };
    // each record as the flat payload, made once for the 案号 announcement and the plan
    const inputs = list.map((raw: unknown) => (isObj(raw) ? fromPackageRecord(register, raw) : null));
    for (const input of inputs) if (input) writer.announce(register, input);
    // a large list: the register's ids read at once, so a new record needs no look-up of its own
    if (list.length >= 1000) writer.readIds(register);
    list.forEach((raw: unknown, index: number) => {
      const label = describeRecord(def, isObj(raw) ? raw : {}, index);
      const bad = (message: string, field?: string) => {
        issues.push({ register, index, id: isObj(raw) && typeof raw.id === 'string' ? raw.id : undefined, record: label, field, message });
      };
      if (!isObj(raw)) {
        bad('记录应为对象');
        report.byRegister[register].invalid++;
        return;
      }
      const before = issues.length;
      const id = raw.id;
      if (typeof id !== 'string' || !ID_RE.test(id)) bad('「id」缺失或无效（应为1—64位字母、数字或 - _ . :）', 'id');
      else if (seen.has(id)) bad(`「id」与本数据包中另一条${def.label}重复：${id}`, 'id');
      else seen.add(id);
      const updatedAt = normalizeTime(raw.updatedAt);
      if (updatedAt === undefined) bad(`「updatedAt」不是有效的时间：“${String(raw.updatedAt).slice(0, 30)}”`, 'updatedAt');
      if (issues.length > before) {
        report.byRegister[register].invalid++;
        return;
      }
      const input = inputs[index]!;
      // a package without personal fields (exported without 「包含当事人等个人信息」) never erases the local ones
      const carried = carriedKeys(raw);
      const plan = writer.plan({ register, mode: 'upsert', id: id as string, input, carried, updatedAt, restoreFromBin, label: `本数据包中的${label}` });
      // the plan read the local record already (a refused one did not say: read it again)
      const local = plan.ok ? plan.before : getRecord<Obj>(ctx.db, def, id as string);
      if (!plan.ok && plan.inBin && local) {
        // the local record is in the 回收站: the package's copy is a conflict, not an update behind the clerk's back
        const v = validateRecord(def, { ...input, ...Object.fromEntries(personal.filter((k) => !carried.has(k)).map((k) => [k, local[k]])) });
        if (!v.ok) for (const i of v.issues) bad(i.message, i.field);
        if (!v.ok) {
          report.byRegister[register].invalid++;
          return;
        }
        years.add(Number(String(v.value[def.dateKey as keyof typeof v.value]).slice(0, 4)));
        const unchanged = sameFields(register, local, v.value);
        const action = unchanged ? 'unchanged' : 'keptLocal';
        report.byRegister[register][action]++;
        planned.push({
          register,
          id: id as string,
          fields: v.value,
          updatedAt: updatedAt ?? null,
          action,
          label,
          localUpdatedAt: String(local.updatedAt),
          conflict: !unchanged,
          inBin: true,
          note: unchanged ? undefined : '本机的这条记录在回收站中，数据包中的版本没有导入；要导入它，请勾选“恢复回收站中的记录并导入”，或先在回收站中恢复',
        });
        return;
      }
      if (!plan.ok) {
        for (const i of plan.issues) bad(i.message, i.field);
        report.byRegister[register].invalid++;
        return;
      }
      const fields: Obj = plan.fields;
      years.add(Number(String(fields[def.dateKey]).slice(0, 4)));
      let incoming = updatedAt ?? null;
      let note: string | undefined;
      const future = incoming !== null && incoming > futureFrom;
      let action: PlannedRecord['action'] = plan.action;
      let conflict = false;
      if (local && plan.restoresFromBin) {
        note = '将从回收站恢复，并用数据包中的版本';
      } else if (local && action === 'updated') {
        if (future) {
          // a date in the future is not a win: the local copy stays, and the clerk sees it as a conflict
          action = 'keptLocal';
          conflict = true;
          note = `${futureNote(incoming!)}，已保留本机的`;
        } else if (!((incoming ?? '') > String(local.updatedAt ?? ''))) action = 'keptLocal';
        if (!future) {
          // both sides differ from what was last exchanged: a conflict, the newer one wins
          const seen = lastReceived(ctx, register, id as string);
          conflict = seen === null || (seen !== String(local.updatedAt) && seen !== incoming);
        }
        // the local copy stays: its 案号 is the ledger's again for the records after it
        if (action === 'keptLocal') writer.release(register, id as string);
      } else if (!local && future) {
        note = `${futureNote(incoming!)}，已按导入时间记录`;
        incoming = null;
      }
      report.byRegister[register][action]++;
      planned.push({
        register,
        id: id as string,
        fields,
        updatedAt: incoming,
        action,
        label,
        localUpdatedAt: local ? String(local.updatedAt) : null,
        conflict,
        note,
        inBin: plan.restoresFromBin,
        plan: Object.assign(plan, { updatedAt: incoming }),
      });
    });
  }
  return planned;
}

export function parseProfile(raw: Obj, bad: (m: string, f?: string) => void): YearProfile | null {
  const before = { n: 0 };
  const fail = (m: string, f?: string) => {
    before.n++;
    bad(m, f);
  };
  const year = raw.year;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 2000 || year > 2100) {
    fail('「year」应为2000—2100之间的年份', 'year');
    return null;
  }
  const p = emptyProfile(year);
  for (const k of PROFILE_FIGURE_KEYS) {
    const v = raw[k];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) fail(`「${PROFILE_FIGURE_LABELS[k]}」应为不小于0的整数，现为“${String(v).slice(0, 20)}”`, k);
    else p[k] = v;
  }
  if (raw.reportDate !== undefined && raw.reportDate !== null) {
    if (typeof raw.reportDate !== 'string' || !isValidDate(raw.reportDate))
      fail(`「成文日期」不是有效日期：“${String(raw.reportDate).slice(0, 20)}”`, 'reportDate');
    else p.reportDate = raw.reportDate;
  }
  if (raw.narrative !== undefined && raw.narrative !== null) {
    if (!isObj(raw.narrative)) fail('「narrative」应为对象', 'narrative');
    else
      for (const k of NARRATIVE_KEYS) {
        const v = raw.narrative[k];
        if (v === undefined || v === null) continue;
        if (typeof v !== 'string') fail(`「narrative.${k}」应为文字`, `narrative.${k}`);
        else p.narrative[k] = v.trim() === '' ? null : v.replace(/\r\n?/g, '\n');
      }
    if (isObj(raw.narrative)) {
      for (const [part, label] of [
        ['measures', '举措文字'],
        ['measureTitles', '举措小标题'],
      ] as const) {
        const obj = raw.narrative[part];
        if (obj === undefined || obj === null) continue;
        if (!isObj(obj)) {
          fail(`「narrative.${part}」（${label}）应为对象`, `narrative.${part}`);
          continue;
        }
        for (const k of MEASURE_KEYS) {
          const v = Object.hasOwn(obj, k) ? obj[k] : undefined;
          if (v === undefined || v === null) continue;
          const where = `「narrative.${part}.${k}」（${MEASURE_LABELS[k]}的${label}）`;
          if (typeof v !== 'string') {
            fail(`${where}应为文字`, `narrative.${part}.${k}`);
            continue;
          }
          if (v.trim() === '') continue;
          if (part === 'measureTitles') {
            if (/[\r\n]/.test(v.trim())) fail(`${where}应为一行，不能换行`, `narrative.${part}.${k}`);
            else if (v.trim().length > MEASURE_TITLE_MAX)
              fail(`${where}不能超过${MEASURE_TITLE_MAX}个字，现为${v.trim().length}个字`, `narrative.${part}.${k}`);
            else p.measureTitles[k] = v.trim();
          } else if (v.length > 20000) fail(`${where}不能超过20000字`, `narrative.${part}.${k}`);
          else p.measures[k] = v.replace(/\r\n?/g, '\n');
        }
      }
    }
  }
  if (raw.noReviewOrLitigation !== undefined && raw.noReviewOrLitigation !== null) {
    if (typeof raw.noReviewOrLitigation !== 'boolean')
      fail(
        `「noReviewOrLitigation」（未发生行政复议、行政诉讼的确认）应为 true 或 false，现为“${String(raw.noReviewOrLitigation).slice(0, 20)}”`,
        'noReviewOrLitigation',
      );
    else p.noReviewOrLitigation = raw.noReviewOrLitigation;
  }
  if (raw.measureOrder !== undefined && raw.measureOrder !== null) {
    const bad = !Array.isArray(raw.measureOrder) ? raw.measureOrder : raw.measureOrder.find((k) => !(MEASURE_KEYS as readonly unknown[]).includes(k));
    if (bad !== undefined) fail(`「measureOrder」（举措小节的顺序）含有未知的举措“${String(bad).slice(0, 20)}”`, 'measureOrder');
    else p.measureOrder = orderedMeasureKeys(raw.measureOrder as string[]);
  }
  if (raw.sectionOrder !== undefined && raw.sectionOrder !== null) {
    if (!(SECTION_ORDERS as readonly unknown[]).includes(raw.sectionOrder))
      fail(`「sectionOrder」（第二、三部分的顺序）应为 regulation 或 leaderDutiesSecond，现为“${String(raw.sectionOrder).slice(0, 20)}”`, 'sectionOrder');
    else p.sectionOrder = raw.sectionOrder as YearProfile['sectionOrder'];
  }
  p.openness = parseOpenness(raw, p.openness, fail);
  if (raw.enforcersRequired !== undefined && raw.enforcersRequired !== null) {
    const v = raw.enforcersRequired;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
      fail(`「应持证执法人员（名）」应为不小于0的整数，现为“${String(v).slice(0, 20)}”`, 'enforcersRequired');
    else p.enforcersRequired = v;
  }
  p.enforcementActs = parseEnforcementActs(raw.enforcementActs, p.enforcementActs, fail);
  p.enforcementDoc = parseEnforcementDoc(raw.enforcementDoc, p.enforcementDoc, fail);
  // then the same schema and limits as the API's 年度信息 save (counts, text lengths …)
  const api = yearProfileInput.safeParse(raw);
  if (!before.n && !api.success) {
    for (const i of api.error.issues.slice(0, 5)) {
      const field = i.path.join('.');
      const last = String(i.path[i.path.length - 1] ?? '');
      const label =
        (PROFILE_FIGURE_LABELS as Record<string, string>)[field] ??
        (i.path[0] === 'narrative' ? (NARRATIVE_LABELS as Record<string, string>)[last] : undefined) ??
        field;
      const big = i.code === 'too_big' ? (i as { maximum: number | bigint; origin?: string }) : null;
      const message = big ? (big.origin === 'string' ? `不能超过${big.maximum}个字` : `不能大于${big.maximum}`) : i.message;
      fail(`「${label}」${message}`, field);
    }
  }
  const updatedAt = normalizeTime(raw.updatedAt);
  if (updatedAt === undefined) fail('「updatedAt」不是有效的时间', 'updatedAt');
  p.updatedAt = updatedAt ?? null;
  return before.n ? null : p;
}

const profileContent = (p: YearProfile) =>
  JSON.stringify([
    PROFILE_FIGURE_KEYS.map((k) => p[k]),
    p.reportDate,
    NARRATIVE_KEYS.map((k) => p.narrative[k]),
    MEASURE_KEYS.map((k) => p.measures[k]),
    MEASURE_KEYS.map((k) => p.measureTitles[k]),
    p.noReviewOrLitigation,
    p.measureOrder,
    p.sectionOrder,
    p.openness,
    p.enforcersRequired,
    p.enforcementActs,
    p.enforcementDoc,
  ]);
const isEmptyProfile = (p: YearProfile) => profileContent(p) === profileContent(emptyProfile(p.year));

function planProfiles(ctx: CoreContext, data: Obj, issues: ImportRecordIssue[], report: ImportReport): PlannedProfile[] {
  const list = data.years;
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) {
    issues.push({ register: 'years', record: '年度信息', message: '“years”应为数组' });
    report.byRegister.years.invalid++;
    return [];
  }
  const planned: PlannedProfile[] = [];
  const seen = new Set<number>();
  list.forEach((raw: unknown, index: number) => {
    const record = `年度信息（第${index + 1}条${isObj(raw) && typeof raw.year === 'number' ? `，${raw.year}年` : ''}）`;
    let failed = false;
    const bad = (message: string, field?: string) => {
      failed = true;
      issues.push({ register: 'years', index, record, field, message });
    };
    if (!isObj(raw)) bad('应为对象');
    const p = isObj(raw) ? parseProfile(raw, bad) : null;
    if (p && seen.has(p.year)) bad(`「year」${p.year} 在数据包中重复`, 'year');
    if (failed || !p) {
      report.byRegister.years.invalid++;
      return;
    }
    seen.add(p.year);
    let action: PlannedProfile['action'] = 'new';
    // an updatedAt in the future decides nothing: it is recorded as the import's time
    const future = p.updatedAt !== null && Date.parse(p.updatedAt) > ctx.now().getTime() + FUTURE_MS;
    if (profileExists(ctx.db, p.year)) {
      const local = getProfile(ctx.db, p.year);
      if (profileContent(local) === profileContent(p)) action = 'unchanged';
      else if (isEmptyProfile(local) || (!future && (p.updatedAt ?? '') > (local.updatedAt ?? ''))) action = 'updated';
      else action = 'keptLocal';
    }
    if (future) p.updatedAt = null;
    report.byRegister.years[action]++;
    planned.push({ profile: p, action });
  });
  return planned;
}

/** Whether any record of the package carries a personal field (registers.ts `personal: true`). */
export function hasPersonalData(data: Obj): boolean {
  return REGISTER_NAMES.some((r) => {
    const keys = personalKeys(r);
    const list = data[PACKAGE_KEYS[r]];
    return (
      keys.length > 0 &&
      Array.isArray(list) &&
      list.some(
        (rec) =>
          isObj(rec) &&
          keys.some((k) => {
            const v = rec[k];
            return v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);
          }),
      )
    );
  });
}

/** The registers whose writes in this import are large beside what they hold (bulkIndexWorthIt). */
function bulkIndexedTables(ctx: CoreContext, records: { register: RegisterName; action: string; skip?: boolean }[]): string[] {
  const writes = new Map<RegisterName, number>();
  for (const r of records) if (!r.skip && (r.action === 'new' || r.action === 'updated')) writes.set(r.register, (writes.get(r.register) ?? 0) + 1);
  return [...writes]
    .filter(([name, n]) => {
      if (!bulkIndexWorthIt(n, 0)) return false; // too few writes whatever the table holds
      const rows = (prepared(ctx.db, `SELECT COUNT(*) AS n FROM ${REGISTERS[name].table}`).get() as { n: number }).n;
      return bulkIndexWorthIt(n, rows);
    })
    .map(([name]) => REGISTERS[name].table);
}

export interface ImportPackageOptions {
  dryRun: boolean;
  skipInvalid?: boolean;
  /** records in the 回收站 that the package carries a changed copy of are restored and updated (the clerk's word) */
  restoreFromBin?: boolean;
  /** runs inside the import's transaction after the records are written (attachments of a .zip package) */
  afterWrite?: () => void;
}

export function importPackage(ctx: CoreContext, text: string, opts: ImportPackageOptions): ImportReport {
  const planned = PackageImport.plan(ctx, text, opts);
  return opts.dryRun ? planned.report : planned.write();
}

/**
 * A package parsed and planned once (the dry run): its report, and the write that may follow
 * the before-import backup. The write plans again only when the ledger changed meanwhile (a
 * 案号 taken, a record edited): the package's 600 000 records are then not validated twice.
 */
export class PackageImport {
  private readonly ctx: CoreContext;
  /** the package's text, parsed again only for a new plan (the parsed records are not kept beside the plan: half the memory) */
  private readonly text: string;
  private readonly opts: ImportPackageOptions;
  private planned: ReturnType<typeof planPackage>;
  private stamp: string;

  private constructor(ctx: CoreContext, text: string, opts: ImportPackageOptions, planned: ReturnType<typeof planPackage>, stamp: string) {
    this.ctx = ctx;
    this.text = text;
    this.opts = opts;
    this.planned = planned;
    this.stamp = stamp;
  }

  static plan(ctx: CoreContext, text: string, opts: ImportPackageOptions): PackageImport {
    const stamp = ledgerStamp(ctx.db);
    return new PackageImport(ctx, text, opts, planPackage(ctx, parsePackage(text), { ...opts, dryRun: true }), stamp);
  }

  /** The dry run's report (nothing written). */
  get report(): ImportReport {
    return this.planned.report;
  }

  /** Writes the package, all or nothing, in one BEGIN IMMEDIATE transaction (at most once). */
  write(): ImportReport {
    const { ctx, opts } = this;
    return ctx.db
      .transaction(() => {
        // the write lock is held: a plan made before it is still the ledger's only if nothing changed since
        if (ledgerStamp(ctx.db) !== this.stamp) this.planned = planPackage(ctx, parsePackage(this.text), { ...opts, dryRun: true });
        this.stamp = '';
        const { report, profiles, records, writer, pkgTownship, local, enterpriseData } = this.planned;
        report.dryRun = false;
        if (report.issues.length > 0 && !opts.skipInvalid) return report;
        const now = isoNow(ctx);
        if (!local && pkgTownship) updateSettings(ctx.db, { township: pkgTownship });
        writeEnterpriseData(ctx.db, enterpriseData);
        for (const p of profiles) {
          if (p.action === 'new' || p.action === 'updated') writeProfile(ctx.db, p.profile, p.profile.updatedAt ?? now);
        }
        // a large package fills the keyword index in one rebuild per register, not row by row
        withBulkKeywordIndex(ctx.db, bulkIndexedTables(ctx, records), () => {
          const mark = prepared(ctx.db, MARK_RECEIVED_SQL); // once, not once a record
          // the new records are marked afterwards, a register in one statement (markNewRecords)
          const newAfter = new Map<RegisterName, number>();
          for (const r of records) {
            if (r.action === 'new' && r.plan && !newAfter.has(r.register)) newAfter.set(r.register, largestRowid(ctx, r.register));
          }
          for (const r of records) {
            if ((r.action === 'new' || r.action === 'updated') && r.plan) {
              writer.apply(r.plan, now);
              if (r.action === 'updated') mark.run(r.register, r.id, r.updatedAt ?? now);
            } else if (r.action === 'unchanged' && r.localUpdatedAt && !r.inBin) mark.run(r.register, r.id, r.localUpdatedAt);
          }
          for (const [register, after] of newAfter) markNewRecords(ctx, register, after);
        });
        opts.afterWrite?.();
        report.applied = true;
        return report;
      })
      .immediate();
  }
}

function planPackage(ctx: CoreContext, data: Obj, opts: ImportPackageOptions) {
  const issues: ImportRecordIssue[] = [];
  const byRegister = Object.fromEntries([...REGISTER_NAMES, 'years'].map((k) => [k, zeroCounts()])) as ImportReport['byRegister'];
  const township = isObj(data.township) ? data.township : null;
  if (!township || typeof township.name !== 'string' || !township.name.trim() || typeof township.authority !== 'string' || !township.authority.trim()) {
    issues.push({ register: 'township', record: '乡镇信息（township）', message: '数据包缺少乡镇简称（township.name）或发文机关全称（township.authority）' });
  }
  const local = getSettings(ctx.db).township;
  const pkgTownship =
    township && typeof township.name === 'string' && typeof township.authority === 'string'
      ? { name: township.name.trim(), authority: township.authority.trim(), superior: typeof township.superior === 'string' ? township.superior : null }
      : null;
  const report: ImportReport = {
    dryRun: opts.dryRun,
    applied: false,
    department: typeof data.department === 'string' ? data.department : null,
    township: pkgTownship ? { name: pkgTownship.name, authority: pkgTownship.authority } : null,
    townshipMismatch: !!(local && pkgTownship && (local.name !== pkgTownship.name || local.authority !== pkgTownship.authority)),
    byRegister,
    totals: zeroCounts(),
    issues,
    changes: [],
    years: [],
    hasPersonal: hasPersonalData(data),
  };
  const years = new Set<number>();
  const profiles = planProfiles(ctx, data, issues, report);
  const writer = new RecordWriter(ctx.db, 'package');
  const records = planRecords(ctx, writer, data, issues, report, years, !!opts.restoreFromBin);
  const enterpriseData = planEnterpriseData(ctx.db, data, issues);
  for (const c of Object.values(byRegister)) for (const k of Object.keys(c) as (keyof ImportCounts)[]) report.totals[k] += c[k];
  for (const p of profiles) years.add(p.profile.year);
  report.years = [...years].sort();
  for (const r of records) {
    if (r.action === 'unchanged' || report.changes.length >= MAX_CHANGES_LISTED) continue;
    report.changes.push({
      register: r.register,
      id: r.id,
      action: r.action,
      record: r.label,
      localUpdatedAt: r.localUpdatedAt,
      incomingUpdatedAt: r.updatedAt,
      conflict: r.conflict,
      ...(r.note ? { note: r.note } : {}),
      ...(r.inBin ? { inBin: true } : {}),
      ...(r.plan && r.action === 'updated' ? { fields: r.plan.changes.map((c) => c.label) } : {}),
    });
  }
  for (const p of profiles) {
    if (p.action !== 'unchanged')
      report.changes.push({ register: 'years', id: String(p.profile.year), action: p.action, record: `${p.profile.year}年年度信息` });
  }
  return { report, profiles, records, writer, pkgTownship, local, enterpriseData };
}
