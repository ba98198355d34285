// Year statistics: each fixture against figures counted by hand from its package,
// the year boundaries, deleted records, 同比, and proof that no personal field is read.
import { PARTY_NAMES_SQL } from '../../../electron/core/report/privacy.ts';
import { describe, expect, it, vi } from 'vitest';
import { computeYearStats, STATS_SQL } from '../../../electron/core/stats/year-stats.ts';
import { insertRecord } from '../../../electron/core/registers/repository.ts';
import { CHECK_SQL } from '../../../electron/core/report/service.ts';
import { REGISTERS, REGISTER_NAMES } from '../../../electron/shared/registers.ts';
import { fixtureExpect, fixtureNames, fixturePackage, memoryCore, ok, SAMPLES } from '../../helpers/core.ts';

type Rec = Record<string, unknown> & { deletedAt?: string | null };

/** Figures counted in plain JS from the package, independently of the SQL. */
function byHand(pkg: Record<string, Rec[]>, year: number) {
  const live = (list: Rec[], key: string) => (list ?? []).filter((r) => !r.deletedAt && String(r[key]).startsWith(`${year}-`));
  const sum = (list: Rec[], key: string) => list.reduce((a, r) => a + (Number(r[key]) || 0), 0);
  const acts = live(pkg.activities, 'date');
  const cases = live(pkg.mediationCases, 'acceptedOn');
  const ins = live(pkg.inspections, 'date');
  const work = live(pkg.workItems, 'date');
  const workSum = (cat: string, key = 'count') =>
    work.filter((w) => w.category === cat).reduce((a, w) => a + (key === 'count' ? Number(w.count ?? 1) : Number(w[key] ?? 0)), 0);
  return {
    activities: acts.length,
    audience: sum(acts, 'audience'),
    materials: sum(acts, 'materials'),
    banners: sum(acts, 'banners'),
    villages: new Set(acts.map((a) => a.village).filter(Boolean)).size,
    schools: new Set(
      acts
        .filter((a) => a.venue === 'school')
        .map((a) => a.place)
        .filter(Boolean),
    ).size,
    cases: cases.length,
    success: cases.filter((c) => c.status === 'success').length,
    closed: cases.filter((c) => c.status !== 'in_progress').length,
    written: cases.filter((c) => c.agreement === 'written').length,
    inspections: ins.length,
    issuesFound: sum(ins, 'issuesFound'),
    issuesRectified: sum(ins, 'issuesRectified'),
    penalties: ins.filter((i) => i.outcome === 'penalty').length,
    // 罚没金额: only fines and confiscations carry money
    penaltyAmount: ins
      .filter((i) => i.outcome === 'penalty' && ['fine', 'confiscation'].includes(String((i.penalty as Rec | undefined)?.kind)))
      .reduce((a, i) => a + Number((i.penalty as Rec | undefined)?.amount ?? 0), 0),
    entrusted: ins.filter((i) => i.entrusted).length,
    meeting: workSum('meeting'),
    study: workSum('study'),
    consult: workSum('advisor_consult'),
    consultOpinions: workSum('advisor_consult', 'opinions'),
    screening: workSum('screening'),
    review: workSum('legal_review'),
  };
}

describe('stats.year on the fixtures', () => {
  for (const name of fixtureNames()) {
    it(name, async () => {
      const core = memoryCore();
      ok(await core.call('exchange.import', { content: fixturePackage(name) }));
      const exp = fixtureExpect(name);
      const s = ok(await core.call('stats.year', { year: exp.year }));
      const h = byHand(JSON.parse(fixturePackage(name)), exp.year);
      expect(s.activities.total).toBe(h.activities);
      expect(s.activities.audience).toBe(h.audience);
      expect(s.activities.materials).toBe(h.materials);
      expect(s.activities.banners).toBe(h.banners);
      expect(s.activities.villages).toBe(h.villages);
      expect(s.activities.schools).toBe(h.schools);
      expect(s.activities.byKind.reduce((a, k) => a + k.count, 0)).toBe(h.activities);
      expect(s.mediation.total).toBe(h.cases);
      expect(s.mediation.success).toBe(h.success);
      expect(s.mediation.closed).toBe(h.closed);
      expect(s.mediation.written).toBe(h.written);
      expect(s.mediation.byType.reduce((a, k) => a + k.count, 0)).toBe(h.cases);
      expect(s.inspections.total).toBe(h.inspections);
      expect(s.inspections.issuesFound).toBe(h.issuesFound);
      expect(s.inspections.issuesRectified).toBe(h.issuesRectified);
      expect(s.inspections.penalties).toBe(h.penalties);
      expect(s.inspections.penaltyAmount).toBe(h.penaltyAmount);
      expect(s.inspections.entrusted).toBe(h.entrusted);
      expect(s.work.meeting?.count ?? 0).toBe(h.meeting);
      expect(s.work.study?.count ?? 0).toBe(h.study);
      expect(s.work.advisor_consult?.count ?? 0).toBe(h.consult);
      expect(s.work.advisor_consult?.opinions ?? 0).toBe(h.consultOpinions);
      expect(s.work.screening?.count ?? 0).toBe(h.screening);
      expect(s.work.legal_review?.count ?? 0).toBe(h.review);
      // the figures expect.json names
      const fig = (what: string) => exp.figures.find((f: { what: string }) => f.what === what)?.value;
      if (fig('调解案件') !== undefined) expect(s.mediation.total).toBe(fig('调解案件'));
      if (fig('调解成功') !== undefined) expect(s.mediation.success).toBe(fig('调解成功'));
      if (fig('行政检查') !== undefined) expect(s.inspections.total).toBe(fig('行政检查'));
      if (fig('宣传资料') !== undefined) expect(s.activities.materials).toBe(fig('宣传资料'));
      if (fig('受众') !== undefined) expect(s.activities.audience).toBe(fig('受众'));
      core.close();
    });
  }

  it('hand-checked values of fixture 000 (小陶镇 2023)', async () => {
    const core = memoryCore();
    ok(await core.call('exchange.import', { content: fixturePackage('000_3b1c3260cd606f40') }));
    const s = ok(await core.call('stats.year', { year: 2023 }));
    expect(s.activities.total).toBe(23);
    expect(s.activities.byKind.map((k) => [k.label, k.count])).toEqual([
      ['集中宣传', 15],
      ['法治讲座', 8],
    ]);
    expect(s.activities.materials).toBe(5040);
    expect(s.activities.banners).toBe(52);
    expect(s.activities.audience).toBe(3900);
    expect(s.mediation).toMatchObject({ total: 445, success: 440, closed: 445, successRate: { numerator: 440, denominator: 445 } });
    expect(s.inspections.total).toBe(16);
    expect(s.work.training.bySubkind).toEqual([expect.objectContaining({ subkind: 'mediators', count: 4, participants: 110 })]);
    expect(s.mediation.previousTotal).toBeNull();
    core.close();
  });
});

describe('year boundaries, deleted records, 同比', () => {
  it("counts only the year's live records and compares with the previous year", async () => {
    const core = memoryCore();
    const add = async (date: string) => ok(await core.call('activities.create', { record: { ...SAMPLES.activities, date } }));
    for (const d of ['2023-01-01', '2023-06-01', '2023-12-31', '2024-01-01', '2024-12-31', '2025-01-01']) await add(d);
    const gone = await add('2024-05-05');
    ok(await core.call('activities.delete', { id: gone.id }));
    const s = ok(await core.call('stats.year', { year: 2024 }));
    expect(s.activities.total).toBe(2);
    expect(s.activities.previousTotal).toBe(3);
    const s23 = ok(await core.call('stats.year', { year: 2023 }));
    expect(s23.activities.previousTotal).toBeNull();
    ok(
      await core.call('mediationCases.create', {
        record: { ...SAMPLES.mediationCases, caseNo: null, acceptedOn: '2024-03-01', closedOn: null, status: 'in_progress' },
      }),
    );
    ok(
      await core.call('mediationCases.create', {
        record: { ...SAMPLES.mediationCases, caseNo: null, acceptedOn: '2024-03-02', closedOn: '2024-03-04', status: 'failed' },
      }),
    );
    ok(await core.call('mediationCases.create', { record: { ...SAMPLES.mediationCases, caseNo: null, acceptedOn: '2024-03-03', closedOn: '2024-03-05' } }));
    const m = ok(await core.call('stats.year', { year: 2024 })).mediation;
    expect(m).toMatchObject({ total: 3, success: 1, inProgress: 1, closed: 2, successRate: { numerator: 1, denominator: 2 } });
    core.close();
  });
});

describe('the year before and the groups of a year, each from one read', () => {
  it('activities before without the periodicals; inspections before with their penalties and 涉企 checks; kinds by count, 节点 by first day', () => {
    const core = memoryCore();
    const db = core.ctx.db;
    const at = '2025-01-01T00:00:00.000Z';
    const act = (id: string, date: string, kind: string, occasion: string | null = null) =>
      insertRecord(db, REGISTERS.activities, id, { ...SAMPLES.activities, boards: 0, consultations: 0, views: 0, date, kind, occasion }, at);
    const insp = (id: string, fields: Record<string, unknown>) => insertRecord(db, REGISTERS.inspections, id, { ...SAMPLES.inspections, ...fields }, at);
    db.transaction(() => {
      // 2023: two events, an online post and a column (periodicals: not 场次)
      act('a1', '2023-02-01', 'lecture');
      act('a2', '2023-03-01', 'lecture');
      act('a3', '2023-04-01', 'online');
      act('a4', '2023-05-01', 'column');
      // 2024: 集中宣传 twice, a 讲座 once; 宪法宣传周 first on 12-01, 民法典宣传月 on 05-01
      act('b1', '2024-12-04', 'campaign', '宪法宣传周');
      act('b2', '2024-05-01', 'campaign', ' 民法典宣传月 ');
      act('b3', '2024-12-01', 'lecture', '宪法宣传周');
      // 2023: a penalty on an enterprise under a 检查事项 (the year records 涉企检查), a 巡查 of an enterprise
      // (not a 涉企检查), an inspection of a person, and a binned one
      insp('i1', { date: '2023-03-01', itemCode: 'AQ-01' });
      insp('i2', { date: '2023-04-01', mode: 'patrol', outcome: 'no_issue', penaltyKind: null, penaltyAmount: null });
      insp('i3', { date: '2023-05-01', targetType: 'natural', outcome: 'rectification', penaltyKind: null, penaltyAmount: null });
      insp('i4', { date: '2023-06-01' });
      insp('i5', { date: '2024-06-01', outcome: 'no_issue', penaltyKind: null, penaltyAmount: null });
    })();
    db.prepare("UPDATE inspections SET deleted_at = '2024-01-02' WHERE id = 'i4'").run();
    const s = computeYearStats(db, 2024);
    expect(s.activities.previousTotal).toBe(2);
    expect(s.activities.byKind.map((k) => [k.code, k.count])).toEqual([
      ['campaign', 2],
      ['lecture', 1],
    ]);
    expect(s.activities.occasions).toEqual(['民法典宣传月', '宪法宣传周']);
    expect(s.inspections.previousTotal).toBe(3);
    expect(s.inspections.previousPenalties).toBe(1);
    expect(s.inspections.previousEnterprise).toBe(1);
    // a year before without inspections states no 同比 at all
    expect(computeYearStats(db, 2023).inspections.previousTotal).toBeNull();
    core.close();
  });
});

describe('privacy', () => {
  const personal = REGISTER_NAMES.flatMap((r) => REGISTERS[r].fields.filter((f) => f.personal).map((f) => f.column));

  it('knows the personal columns', () => {
    expect(personal).toEqual(expect.arrayContaining(['parties', 'summary']));
  });

  it('no statistics or report statement names a personal field or selects *', () => {
    for (const sql of [...Object.values(STATS_SQL), ...Object.values(CHECK_SQL)]) {
      for (const col of personal) expect(sql).not.toMatch(new RegExp(`\\b${col}\\b`, 'i'));
      expect(sql).not.toMatch(/\*\s*FROM|SELECT\s+\*/i);
    }
  });

  it("the SQL actually run for stats.year, report.model and report.export never mentions them (but the personal-data screen's name lookup)", async () => {
    // a fresh core: prepared statements are cached per connection, so every one passes through prepare()
    const core = memoryCore();
    ok(await core.call('exchange.import', { content: fixturePackage('000_3b1c3260cd606f40') }));
    const original = core.ctx.db.prepare.bind(core.ctx.db);
    const seen: string[] = [];
    const spy = vi.spyOn(core.ctx.db, 'prepare').mockImplementation(((sql: string) => {
      seen.push(sql);
      return original(sql);
    }) as never);
    ok(await core.call('stats.year', { year: 2023 }));
    ok(await core.call('report.model', { year: 2023, appendix: true }));
    ok(await core.call('report.export', { year: 2023, appendix: true }));
    expect(seen.length).toBeGreaterThan(5);
    expect(seen).toContain(PARTY_NAMES_SQL);
    for (const sql of seen.filter((x) => x !== PARTY_NAMES_SQL)) for (const col of personal) expect(sql).not.toMatch(new RegExp(`\\b${col}\\b`, 'i'));
    spy.mockRestore();
    core.close();
  });
});
