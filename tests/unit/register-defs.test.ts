// The register definitions hold together: every role, condition and choice they declare points
// at something that exists, so code that reads a role (rather than a key) finds what it expects.
import { describe, expect, it } from 'vitest';
import { WORK_SUBKINDS } from '../../electron/shared/enums.ts';
import {
  choiceLabel,
  choicesFor,
  fieldOf,
  fieldWithRole,
  INSPECTION,
  isOtherChoice,
  REGISTER_NAMES,
  REGISTERS,
  WORK_ITEM,
  type FieldRole,
} from '../../electron/shared/registers.ts';
import { validateRecord } from '../../electron/shared/validation.ts';
import { fromPackageRecord, toPackageRecord } from '../../electron/core/exchange/package-format.ts';
import pkg from '../fixtures/001_1434e00058375d6e/package.json' with { type: 'json' };

const roles = (r: (typeof REGISTER_NAMES)[number]) => REGISTERS[r].fields.flatMap((f) => (f.role ? [f.role] : []));

describe('register definitions', () => {
  it('name their date and title by fields they have', () => {
    for (const r of REGISTER_NAMES) {
      const def = REGISTERS[r];
      expect(fieldOf(def, def.dateKey).type).toBe('date');
      expect(fieldOf(def, def.dateKey).required).toBe(true);
      expect(['text', 'longtext']).toContain(fieldOf(def, def.titleKey).type);
    }
  });

  it('give each role to at most one field, where the app expects it', () => {
    for (const r of REGISTER_NAMES) expect(new Set(roles(r)).size).toBe(roles(r).length);
    const holders = (role: FieldRole) => REGISTER_NAMES.filter((r) => fieldWithRole(REGISTERS[r], role));
    expect(holders('department')).toEqual(REGISTER_NAMES);
    expect(holders('remarks')).toEqual(REGISTER_NAMES);
    expect(holders('village')).toEqual(['activities', 'mediationCases', 'inspections', 'screenings']);
    expect(holders('caseNumber')).toEqual(['mediationCases']);
    for (const r of holders('village')) expect(fieldWithRole(REGISTERS[r], 'village')).toMatchObject({ type: 'text', column: 'village', filter: true });
  });

  it('make a field depend only on a choice the register has, by values it offers', () => {
    for (const r of REGISTER_NAMES) {
      const def = REGISTERS[r];
      for (const f of def.fields) {
        const dep = f.onlyWhen ?? (f.choicesBy ? { field: f.choicesBy.field, is: Object.keys(f.choicesBy.choices) } : null);
        if (!dep) continue;
        const by = fieldOf(def, dep.field);
        expect(by.type, `${r}.${f.key}`).toBe('enum');
        for (const v of dep.is) expect(Object.keys(by.options ?? {}), `${r}.${f.key}`).toContain(v);
      }
    }
  });

  it('start list entries with values their columns accept', () => {
    for (const r of REGISTER_NAMES) {
      for (const f of REGISTERS[r].fields) {
        for (const d of f.entryDefaults ?? []) {
          for (const [k, v] of Object.entries(d)) {
            const item = f.items?.find((it) => it.key === k);
            expect(item, `${r}.${f.key}.${k}`).toBeDefined();
            if (item?.type === 'enum') expect(Object.keys(item.options ?? {})).toContain(v);
          }
        }
        if (f.startEntries) expect(f.entryDefaults?.length ?? 0).toBeGreaterThanOrEqual(f.startEntries);
      }
    }
  });

  it('label and store 细分类别 by its 工作类别', () => {
    const subkind = fieldOf(WORK_ITEM, 'subkind');
    expect(choicesFor(subkind, { category: 'training' })).toBe(WORK_SUBKINDS.training);
    expect(choicesFor(subkind, { category: 'study' })).toEqual({});
    expect(choiceLabel(subkind, 'mediators')).toBe('调解员');
    expect(choiceLabel(subkind, 'other', { category: 'legal_review' })).toBe('其他');
    expect(choiceLabel(subkind, '自拟类别', { category: 'legal_review' })).toBe('自拟类别');
    // the 细分类别 a filter offers once a 工作类别 is chosen: its own kinds and any typed freely
    const offered = (category: string | null) => ['contract', 'mediators', 'other', '自拟类别'].filter((v) => !isOtherChoice(subkind, v, { category }));
    expect(offered('training')).toEqual(['mediators', '自拟类别']);
    expect(offered('legal_review')).toEqual(['contract', 'other', '自拟类别']);
    expect(offered(null)).toEqual(['contract', 'mediators', 'other', '自拟类别']);
    // a code typed under a category that does not offer it stays as typed
    const v = validateRecord(WORK_ITEM, { date: '2024-05-01', category: 'study', title: '学法', subkind: '合同' });
    expect(v.ok && v.value.subkind).toBe('合同');
  });

  it('empty the 处罚 details of an inspection that is no 行政处罚', () => {
    const v = validateRecord(INSPECTION, {
      date: '2024-05-01',
      field: 'market',
      target: '某超市',
      outcome: 'rectification',
      penaltyDecisionNo: '清执罚〔2024〕1号',
      penaltyKind: 'fine',
      penaltyAmount: 500,
      penaltyLegalReview: true,
    });
    expect(v.ok && [v.value.penaltyDecisionNo, v.value.penaltyKind, v.value.penaltyAmount, v.value.penaltyLegalReview]).toEqual([null, null, null, false]);
  });

  it('nest the 处罚 details in a data package where packagePath says, only for a 行政处罚', () => {
    const records = pkg.inspections as Record<string, unknown>[];
    expect(records.length).toBeGreaterThan(0);
    for (const raw of records) {
      const v = validateRecord(INSPECTION, fromPackageRecord('inspections', raw));
      expect(v.ok, String(raw.id)).toBe(true);
      if (!v.ok) continue;
      expect(v.value.penaltyDecisionNo).toBe((raw.penalty as { decisionNo?: string } | undefined)?.decisionNo ?? null);
      const back = toPackageRecord('inspections', { ...v.value, id: raw.id, updatedAt: raw.updatedAt });
      expect(back).toEqual(raw);
    }
    const plain = validateRecord(INSPECTION, { date: '2024-05-01', field: 'market', target: '某超市', outcome: 'rectification' });
    expect(plain.ok && toPackageRecord('inspections', { ...plain.value, id: 'x', updatedAt: '2024-05-02T00:00:00Z' })).toEqual({
      id: 'x',
      date: '2024-05-01',
      field: 'market',
      target: '某超市',
      entrusted: false,
      issuesFound: 0,
      issuesRectified: 0,
      outcome: 'rectification',
      updatedAt: '2024-05-02T00:00:00Z',
    });
  });
});
