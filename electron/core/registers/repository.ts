// Generic storage of a register's records, driven by its field description.
import { EMPTY_FILTER, fieldWithRole, type FieldDef, type RegisterDef } from '../../shared/registers.ts';
import type { ListQuery, ListResult } from '../../shared/records.ts';
import type { Db } from '../db/connection.ts';
import { prepared } from '../db/statements.ts';
import { AppError } from '../util/errors.ts';
import { keywordIndexName, keywordMatch } from './keyword-index.ts';
import { columnsOf, recordToValues, rowToRecord } from './mapping.ts';
import { INCOMPLETE_SQL } from './incomplete-sql.ts';

/** the list filter of cases whose 卷宗 lacks something */
export const FILE_INCOMPLETE = 'fileIncomplete';

function localToday(): string {
  const d = new Date();
  const p = (x: number) => String(x).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export function dateColumn(def: RegisterDef): string {
  return def.fields.find((f) => f.key === def.dateKey)!.column;
}

/** `t.*` and whether the row is a demo record (示例数据, table demo_records) */
const selectOf = (def: RegisterDef) =>
  `SELECT t.*, EXISTS(SELECT 1 FROM demo_records d WHERE d.register = '${def.name}' AND d.record_id = t.id) AS is_demo FROM ${def.table} t`;

export function getRecord<T>(db: Db, def: RegisterDef, id: string): T | null {
  const row = prepared(db, `${selectOf(def)} WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
  return row ? rowToRecord<T>(def, row) : null;
}

/** The INSERT and UPDATE of a register, their SQL built once (positional: no parameter object a row). */
const writeSql = new WeakMap<RegisterDef, { insert: string; update: string }>();
function writeSqlOf(def: RegisterDef): { insert: string; update: string } {
  let s = writeSql.get(def);
  if (!s) {
    const cols = columnsOf(def);
    s = {
      insert: `INSERT INTO ${def.table} (id, ${cols.join(', ')}, search_text, updated_at, deleted_at) VALUES (?, ${cols.map(() => '?').join(', ')}, ?, ?, NULL)`,
      update: `UPDATE ${def.table} SET ${cols.map((c) => `${c} = ?`).join(', ')}, search_text = ?, updated_at = ? WHERE id = ?`,
    };
    writeSql.set(def, s);
  }
  return s;
}

export function insertRecord(db: Db, def: RegisterDef, id: string, fields: Record<string, unknown>, updatedAt: string): void {
  const params = recordToValues(def, fields);
  params.unshift(id);
  params.push(updatedAt);
  prepared(db, writeSqlOf(def).insert).run(params);
}

/** Replaces every field; `deletedAt` is kept unless given. */
export function replaceRecord(db: Db, def: RegisterDef, id: string, fields: Record<string, unknown>, updatedAt: string): void {
  const params = recordToValues(def, fields);
  params.push(updatedAt, id);
  prepared(db, writeSqlOf(def).update).run(params);
}

export function setDeleted(db: Db, def: RegisterDef, id: string, deletedAt: string | null, updatedAt: string): number {
  return prepared(db, `UPDATE ${def.table} SET deleted_at = ?, updated_at = ? WHERE id = ?`).run(deletedAt, updatedAt, id).changes;
}

export function purgeRecord(db: Db, def: RegisterDef, id: string): number {
  return prepared(db, `DELETE FROM ${def.table} WHERE id = ? AND deleted_at IS NOT NULL`).run(id).changes;
}

function filterField(def: RegisterDef, key: string): FieldDef {
  const f = def.fields.find((x) => x.key === key);
  if (!f || !(f.filter || f.type === 'enum' || f.type === 'bool')) {
    throw new AppError('invalid_input', `${def.label}不能按“${key}”筛选`);
  }
  return f;
}

/** WHERE clause and parameters for a list query. */
export function whereOf(def: RegisterDef, q: ListQuery): { sql: string; params: unknown[] } {
  const dateCol = dateColumn(def);
  const parts: string[] = [q.deleted ? 'deleted_at IS NOT NULL' : 'deleted_at IS NULL'];
  const params: unknown[] = [];
  if (q.year !== undefined) {
    parts.push(`${dateCol} >= ? AND ${dateCol} < ?`);
    params.push(`${q.year}-01-01`, `${q.year + 1}-01-01`);
  }
  if (q.from) {
    parts.push(`${dateCol} >= ?`);
    params.push(q.from);
  }
  if (q.to) {
    parts.push(`${dateCol} <= ?`);
    params.push(q.to);
  }
  for (const [key, value] of Object.entries(q.filters ?? {})) {
    if (value === '' || value === undefined || value === null) continue;
    if (def.name === 'mediationCases' && key === FILE_INCOMPLETE) {
      // 卷宗不完整: the rules of 卷宗体检 in SQL (today in local time, as the page shows it)
      if (value === true || value === 'true') {
        parts.push(INCOMPLETE_SQL);
        params.push(q.today ?? localToday());
      }
      continue;
    }
    const f = filterField(def, key);
    if (f.type === 'bool') {
      parts.push(`${f.column} = ?`);
      params.push(value === true || value === 'true' ? 1 : 0);
    } else if (value === EMPTY_FILTER) {
      parts.push(`(${f.column} IS NULL OR ${f.column} = '')`);
    } else {
      parts.push(`${f.column} = ?`);
      params.push(String(value));
    }
  }
  const keyword = q.keyword?.trim();
  if (keyword) {
    // instr() is a plain substring search: several times faster than LIKE '%…%', and % _ stay literal
    parts.push('instr(search_text, ?) > 0');
    params.push(keyword.toLowerCase());
  }
  return { sql: parts.join(' AND '), params };
}

function orderOf(def: RegisterDef, q: ListQuery): string {
  const dir = q.sortOrder === 'asc' ? 'ASC' : 'DESC';
  if (q.deleted && !q.sortBy) return 'deleted_at DESC, id';
  if (!q.sortBy) return `${dateColumn(def)} DESC, updated_at DESC, id`;
  if (q.sortBy === 'updatedAt') return `updated_at ${dir}, id`;
  const f = def.fields.find((x) => x.key === q.sortBy);
  if (!f || !f.sortable) throw new AppError('invalid_input', `${def.label}不能按“${q.sortBy}”排序`);
  // the date is never empty: without NULLS LAST the date index gives the order, no sort of the whole range
  if (f.key === def.dateKey) return `${f.column} ${dir}, id`;
  return `${f.column} ${dir} NULLS LAST, id`;
}

const indexed = new WeakMap<Db, Map<string, boolean>>();

/** Whether the register's keyword index exists in this database (a register added without one is scanned). */
export function hasKeywordIndex(db: Db, def: RegisterDef): boolean {
  let m = indexed.get(db);
  if (!m) indexed.set(db, (m = new Map()));
  let has = m.get(def.table);
  if (has === undefined) {
    has = prepared(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(keywordIndexName(def.table)) !== undefined;
    m.set(def.table, has);
  }
  return has;
}

/**
 * Up to this many matches, a keyword page is read through the index (the matching
 * rows fetched by rowid, then filtered and sorted); above it the keyword is common
 * enough that walking the date index finds a page after a few rows.
 */
export const keywordPlan = { indexDrivenMax: 4000 };

function hasFilters(q: ListQuery): boolean {
  return q.year !== undefined || !!q.from || !!q.to || Object.values(q.filters ?? {}).some((v) => v !== '' && v !== undefined && v !== null);
}

type Page<T> = ListResult<T>;

/** A keyword page through the FTS index, or null when scanning is the better plan (or the only one). */
function listByIndex<T>(db: Db, def: RegisterDef, q: ListQuery, keyword: string): Page<T> | null {
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const offset = (page - 1) * pageSize;
  const fts = keywordIndexName(def.table);
  const match = keywordMatch(keyword);
  // The plan by selectivity (issue 24). The matches are counted only up to indexDrivenMax + 1:
  // a rare keyword (a number, a name: a few hundred rows at most) is then counted exactly and
  // its rows fetched by rowid, whatever the year holds; a common one stops the count early
  // (counting all of a keyword in every record cost more than the whole year's scan) and,
  // within a year or other filters, the filtered rows are scanned with instr — few beside
  // the keyword's matches. Measured at 100 000 a register (bench/registers.ts, 年度+关键词).
  const capped = (
    prepared(db, `SELECT count(*) AS n FROM (SELECT rowid FROM ${fts} WHERE ${fts} MATCH ? LIMIT ?)`).get(match, keywordPlan.indexDrivenMax + 1) as {
      n: number;
    }
  ).n;
  const filtered = hasFilters(q);
  if (capped > keywordPlan.indexDrivenMax && filtered) return null;
  // the index holds live rows only: this is the total when nothing else narrows the list
  const matches =
    capped <= keywordPlan.indexDrivenMax ? capped : (prepared(db, `SELECT count(*) AS n FROM ${fts} WHERE ${fts} MATCH ?`).get(match) as { n: number }).n;
  if (matches === 0) return { items: [], total: 0, page, pageSize };
  if (matches <= keywordPlan.indexDrivenMax) {
    const where = whereOf(def, { ...q, keyword: undefined });
    const inIndex = `rowid IN (SELECT rowid FROM ${fts} WHERE ${fts} MATCH ?)`;
    const rows = prepared(db, `${selectOf(def)} WHERE ${inIndex} AND ${where.sql} ORDER BY ${orderOf(def, q)} LIMIT ? OFFSET ?`).all(
      match,
      ...where.params,
      pageSize,
      offset,
    ) as Record<string, unknown>[];
    const total = !filtered
      ? matches
      : rows.length > 0 && rows.length < pageSize
        ? offset + rows.length
        : (prepared(db, `SELECT COUNT(*) AS n FROM ${def.table} WHERE ${inIndex} AND ${where.sql}`).get(match, ...where.params) as { n: number }).n;
    return { items: rows.map((r) => rowToRecord<T>(def, r)), total, page, pageSize };
  }
  // common keyword, whole register: the page by the ordered scan (stops early), the total from the index
  const where = whereOf(def, q);
  const rows = prepared(db, `${selectOf(def)} WHERE ${where.sql} ORDER BY ${orderOf(def, q)} LIMIT ? OFFSET ?`).all(
    ...where.params,
    pageSize,
    offset,
  ) as Record<string, unknown>[];
  return { items: rows.map((r) => rowToRecord<T>(def, r)), total: matches, page, pageSize };
}

export function listRecords<T>(db: Db, def: RegisterDef, q: ListQuery): ListResult<T> {
  const keyword = q.keyword?.trim().toLowerCase();
  if (keyword && !q.deleted && hasKeywordIndex(db, def)) {
    const viaIndex = listByIndex<T>(db, def, q, keyword);
    if (viaIndex) return viaIndex;
  }
  return scanRecords<T>(db, def, q);
}

/** The list by scanning (the 回收站, a register without an index, a common keyword within filters). */
export function scanRecords<T>(db: Db, def: RegisterDef, q: ListQuery): ListResult<T> {
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const where = whereOf(def, q);
  const offset = (page - 1) * pageSize;
  const rows = prepared(db, `${selectOf(def)} WHERE ${where.sql} ORDER BY ${orderOf(def, q)} LIMIT ? OFFSET ?`).all(
    ...where.params,
    pageSize,
    offset,
  ) as Record<string, unknown>[];
  // A short last page already tells the total: a rare keyword then costs one scan, not two.
  const total =
    rows.length > 0 && rows.length < pageSize
      ? offset + rows.length
      : (prepared(db, `SELECT COUNT(*) AS n FROM ${def.table} WHERE ${where.sql}`).get(...where.params) as { n: number }).n;
  return { items: rows.map((r) => rowToRecord<T>(def, r)), total, page, pageSize };
}

/** Distinct non-empty values of a text field, most used first. */
export function suggestValues(db: Db, def: RegisterDef, key: string, year?: number): string[] {
  const f = def.fields.find((x) => x.key === key);
  if (!f || f.type !== 'text' || f.personal) throw new AppError('invalid_input', `${def.label}的“${key}”没有候选值`);
  const dateCol = dateColumn(def);
  // the year is a parameter: one statement for every year, not one per year
  const yearSql = year === undefined ? '' : ` AND ${dateCol} >= ? AND ${dateCol} < ?`;
  const params = year === undefined ? [] : [`${year}-01-01`, `${year + 1}-01-01`];
  const rows = prepared(
    db,
    `SELECT ${f.column} AS v, COUNT(*) AS n FROM ${def.table}
    WHERE deleted_at IS NULL AND ${f.column} IS NOT NULL AND ${f.column} <> ''${yearSql}
    GROUP BY ${f.column} ORDER BY n DESC, v LIMIT 200`,
  ).all(...params) as { v: string }[];
  return rows.map((r) => r.v);
}

/** Every record of a register (for export), optionally one year only. */
export function allRecords<T>(db: Db, def: RegisterDef, opts: { year?: number; includeDeleted?: boolean; department?: string } = {}): T[] {
  const dateCol = dateColumn(def);
  const parts: string[] = [];
  const params: unknown[] = [];
  if (!opts.includeDeleted) parts.push('deleted_at IS NULL');
  if (opts.year !== undefined) {
    parts.push(`${dateCol} >= ? AND ${dateCol} < ?`);
    params.push(`${opts.year}-01-01`, `${opts.year + 1}-01-01`);
  }
  const department = fieldWithRole(def, 'department');
  if (opts.department !== undefined && department) {
    parts.push(`${department.column} = ?`);
    params.push(opts.department);
  }
  const where = parts.length ? `WHERE ${parts.join(' AND ')}` : '';
  const rows = db.prepare(`SELECT * FROM ${def.table} ${where} ORDER BY ${dateCol}, id`).all(...params) as Record<string, unknown>[];
  return rows.map((r) => rowToRecord<T>(def, r));
}
