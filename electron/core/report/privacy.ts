// The personal-data screen before export: every text that reaches the document
// (titles, places, 时间节点, 细分类别, clerk texts, township names, appendix cells)
// is searched by the one screen of all public documents (core/privacy/screen.ts:
// ID numbers, mobiles and landlines in every written form, the parties lists'
// names). A hit names the record and the field, never the data found, and
// blocks the export.
import type { ReviewItem } from '../../shared/contract/report.ts';
import type { YearStats } from '../../shared/contract/stats.ts';
import { MEASURE_KEYS, MEASURE_LABELS, NARRATIVE_KEYS, NARRATIVE_LABELS, type AppSettings, type YearProfile } from '../../shared/records.ts';
import type { RegisterName } from '../../shared/registers.ts';
import type { Db } from '../db/connection.ts';
import { prepared } from '../db/statements.ts';
import { loadPartyNames, screenTexts, type NameIndex } from '../privacy/screen.ts';

export { partyNames, PARTY_NAMES_SQL, screenText } from '../privacy/screen.ts';

export interface ScreenedField {
  /** 第12条普法活动 / 年度信息 / 乡镇信息 */
  record: string;
  field: string;
  text: string | null | undefined;
  link: ReviewItem['link'];
}

export function screenFields(fields: Iterable<ScreenedField>, names: NameIndex): ReviewItem[] {
  return screenTexts(fields, names).map((f) => ({
    kind: 'personal_data',
    severity: 'block',
    message: `${f.where}，报告是公开文件，不能导出。请删去后再导出。`,
    link: f.item.link,
  }));
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
  const acts = prepared(db, `SELECT id, date, title, place, village FROM activities WHERE ${LIVE_IN_YEAR('date')} ORDER BY date, title`, 'raw').all(p) as [
    string,
    string,
    string,
    string | null,
    string | null,
  ][];
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
