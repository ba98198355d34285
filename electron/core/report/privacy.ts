// The personal-data screen before export: every text that reaches the document
// (titles, places, 时间节点, 细分类别, clerk texts, township names, appendix cells)
// is searched for 18-digit ID numbers, mobile numbers and the names in the
// mediation register's 当事人 field. A hit names the record and the field,
// never the data found, and blocks the export.
import type { ReviewItem } from '../../shared/contract/report.ts';
import type { YearStats } from '../../shared/contract/stats.ts';
import { MEASURE_KEYS, MEASURE_LABELS, NARRATIVE_KEYS, NARRATIVE_LABELS, type AppSettings, type YearProfile } from '../../shared/records.ts';
import type { RegisterName } from '../../shared/registers.ts';
import type { Db } from '../db/connection.ts';
import { prepared } from '../registers/repository.ts';

export const ID_NUMBER = /(?<![\dXx])\d{17}[\dXx](?![\dXx])/;
export const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/;

/** Party names from the 当事人 field: 2–4 Chinese characters between separators. */
export function partyNames(parties: string): string[] {
  return parties
    .split(/[、，,;；\s/和与及]+/)
    .map((x) => x.replace(/[（(].*?[）)]/g, '').trim())
    .filter((x) => /^[\u3400-\u9fff·]{2,5}$/.test(x));
}

/**
 * The one statement of the report path that reads a personal field: the 当事人 names,
 * only to be looked up in the text about to be printed (never printed, logged or returned).
 */
export const PARTY_NAMES_SQL = `SELECT parties FROM mediation_cases WHERE deleted_at IS NULL AND parties IS NOT NULL AND parties <> ''`;

const nameCache = new WeakMap<Db, { key: string; names: Set<string> }>();

/**
 * Every party name of the register (live records of all years: a name may reappear).
 * Kept per database until the register changes (count or last change differ), since
 * the 年度报告 page rebuilds the model after every autosave.
 */
export function loadPartyNames(db: Db): Set<string> {
  // data_version moves when another connection commits, total_changes() with this one's writes
  const key = `${db.pragma('data_version', { simple: true })}|${(prepared(db, 'SELECT total_changes() AS c').get() as { c: number }).c}`;
  const hit = nameCache.get(db);
  if (hit && hit.key === key) return hit.names;
  const names = readPartyNames(db);
  nameCache.set(db, { key, names });
  return names;
}

/** One pass over the column, each distinct value split once (a JS set, not SQL's DISTINCT sort of every value). */
function readPartyNames(db: Db): Set<string> {
  const names = new Set<string>();
  const seen = new Set<string>();
  for (const [p] of prepared(db, PARTY_NAMES_SQL).raw().iterate() as Iterable<[string]>) {
    if (seen.has(p)) continue;
    seen.add(p);
    for (const n of partyNames(p)) names.add(n);
  }
  return names;
}

export type HitKind = 'id' | 'mobile' | 'name';
const HIT_WORDS: Record<HitKind, string> = { id: '身份证号', mobile: '手机号码', name: '调解案件当事人的姓名' };

/** What personal data a text holds (first kind found), or null. */
export function screenText(text: string, names: ReadonlySet<string>): HitKind | null {
  if (!text) return null;
  if (ID_NUMBER.test(text)) return 'id';
  if (MOBILE.test(text)) return 'mobile';
  if (names.size) {
    // every substring of 2–5 characters looked up in the set: linear in the text
    for (let i = 0; i < text.length - 1; i++) {
      for (let len = 2; len <= 5 && i + len <= text.length; len++) {
        if (names.has(text.slice(i, i + len))) return 'name';
      }
    }
  }
  return null;
}

export interface ScreenedField {
  /** 第12条普法活动 / 年度信息 / 乡镇信息 */
  record: string;
  field: string;
  text: string | null | undefined;
  link: ReviewItem['link'];
}

export function screenFields(fields: Iterable<ScreenedField>, names: ReadonlySet<string>): ReviewItem[] {
  const out: ReviewItem[] = [];
  for (const f of fields) {
    if (!f.text) continue;
    const hit = screenText(f.text, names);
    if (!hit) continue;
    out.push({
      kind: 'personal_data',
      severity: 'block',
      message: `${f.record}的“${f.field}”含有${HIT_WORDS[hit]}，报告是公开文件，不能导出。请删去后再导出。`,
      link: f.link,
    });
  }
  return out;
}

const LIVE_IN_YEAR = (col: string) => `deleted_at IS NULL AND ${col} >= @from AND ${col} < @to`;

/**
 * The record fields of the year that can reach the document. The body prints the
 * distinct 时间节点 and 细分类别 only, so those are screened once per distinct value
 * (naming the first record holding it); the appendix prints every activity's
 * 名称 and 地点, screened row by row, numbered as the appendix numbers them.
 */
function distinctValues(db: Db, year: number, table: string, col: string): string[] {
  return (
    prepared(db, `SELECT DISTINCT TRIM(${col}) AS v FROM ${table} WHERE ${LIVE_IN_YEAR('date')} AND TRIM(COALESCE(${col}, '')) <> ''`).all({
      from: `${year}-01-01`,
      to: `${year + 1}-01-01`,
    }) as { v: string }[]
  ).map((r) => r.v);
}

function* recordFields(db: Db, year: number, appendix: boolean, stats?: YearStats): Generator<ScreenedField> {
  const p = { from: `${year}-01-01`, to: `${year + 1}-01-01` };
  const link = (register: RegisterName, id: string, field: string) => ({ page: 'register' as const, register, recordId: id, field });
  // the first record holding a value, looked up only for a hit
  const first = (table: string, col: string, v: string) =>
    prepared(db, `SELECT id, date FROM ${table} WHERE ${LIVE_IN_YEAR('date')} AND TRIM(${col}) = @v ORDER BY date, id LIMIT 1`).get({ ...p, v }) as {
      id: string;
      date: string;
    };
  const occasions = stats ? stats.activities.occasions : distinctValues(db, year, 'activities', 'occasion');
  const subkinds = stats
    ? [
        ...new Set(
          Object.values(stats.work)
            .flatMap((w) => w.bySubkind.map((k) => k.subkind))
            .filter(Boolean),
        ),
      ]
    : distinctValues(db, year, 'work_items', 'subkind');
  for (const [table, col, field, what, register, values] of [
    ['activities', 'occasion', 'occasion', '时间节点', 'activities', occasions],
    ['work_items', 'subkind', 'subkind', '细分类别', 'workItems', subkinds],
  ] as const) {
    for (const v of values) {
      yield {
        get record() {
          return `${register === 'activities' ? '普法活动' : '其他法治工作'}（${first(table, col, v).date}）`;
        },
        field: what,
        text: v,
        get link() {
          return link(register, first(table, col, v).id, field);
        },
      };
    }
  }
  if (!appendix) return;
  const acts = prepared(db, `SELECT id, date, title, place, village FROM activities WHERE ${LIVE_IN_YEAR('date')} ORDER BY date, title`)
    .raw()
    .all(p) as [string, string, string, string | null, string | null][];
  for (const [k, [id, date, title, place, village]] of acts.entries()) {
    const record = `第${k + 1}条普法活动（${date}）`;
    yield { record, field: '活动名称', text: title, link: link('activities', id, 'title') };
    // the appendix's 地点 column shows the place, else the village
    if (place) yield { record, field: '地点', text: place, link: link('activities', id, 'place') };
    else yield { record, field: '所在村（社区）', text: village, link: link('activities', id, 'village') };
  }
}

function* profileFields(profile: YearProfile, settings: AppSettings): Generator<ScreenedField> {
  const year = profile.year;
  for (const k of NARRATIVE_KEYS)
    yield { record: `${year}年报告文字`, field: NARRATIVE_LABELS[k], text: profile.narrative[k], link: { page: 'report', section: k } };
  for (const k of MEASURE_KEYS) {
    yield {
      record: `${year}年报告文字`,
      field: `${MEASURE_LABELS[k]}的小标题`,
      text: profile.measureTitles[k],
      link: { page: 'report', section: `measure-${k}` },
    };
    yield { record: `${year}年报告文字`, field: MEASURE_LABELS[k], text: profile.measures[k], link: { page: 'report', section: `measure-${k}` } };
  }
  const t = settings.township;
  if (t) {
    yield { record: '乡镇信息', field: '乡镇简称', text: t.name, link: { page: 'settings' } };
    yield { record: '乡镇信息', field: '发文机关全称', text: t.authority, link: { page: 'settings' } };
    yield { record: '乡镇信息', field: '上级', text: t.superior, link: { page: 'settings' } };
  }
  yield { record: '设置', field: '主送机关', text: settings.addressee, link: { page: 'settings' } };
}

/** The whole screen of one year's report: record fields, the clerk's texts, the township's names. */
export function screenReport(db: Db, profile: YearProfile, settings: AppSettings, appendix: boolean, stats?: YearStats): ReviewItem[] {
  const names = loadPartyNames(db);
  return [...screenFields(profileFields(profile, settings), names), ...screenFields(recordFields(db, profile.year, appendix, stats), names)];
}
