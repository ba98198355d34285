// Migration 23, frozen: the SQL as it was when this version shipped. Never edit it;
// a later change to the schema is a new file.
import type { Migration } from '../migration.ts';

export const migration: Migration = {
  // issue 23: 纠纷事实 is searchable by keyword. A case's search_text (its search fields joined
  // by a line break, lower-cased, as registers/mapping.ts writes it) gains its facts; the
  // keyword index follows through its update trigger. Frozen: the search fields as of today.
  version: 23,
  name: 'mediation facts searchable',
  up: (db) =>
    db.exec(`
    UPDATE mediation_cases SET search_text = lower(concat_ws(char(10),
      nullif(case_no, ''), nullif(village, ''), nullif(committee, ''), nullif(mediator, ''), nullif(parties, ''),
      nullif(summary, ''), nullif(facts, ''), nullif(department, ''), nullif(notes, '')))
    WHERE facts IS NOT NULL AND facts <> '';
  `),
};
