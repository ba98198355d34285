// Frozen with migrations 1 and 5: the columns every register table got when it was created.
// search_text: the record's searchable fields joined; the date index covers it, so a
// keyword search within a year reads the index only, not the rows
export const COMMON_COLUMNS = `department TEXT, notes TEXT, search_text TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL, deleted_at TEXT`;
