// Section 一 as data: an ordered list of named subsection builders, one per
// measure area. Each turns the year's facts into sentences with the wording of
// phrases.ts and the reviewer's rules: a zero is never stated (the clause is
// left out), 其中 only when it splits the total into more than one part, every
// unit kept apart (场次 / 期 / 次), report labels without "/", rates without a
// trailing .0, headcounts of trainings and exams exact, sums approximate.
import type { YearStats } from '../../shared/contract/stats.ts';
import { ACTIVITY_KINDS, DISPUTE_TYPES, labelOf, PENALTY_KINDS, REVIEW_SUBKINDS, reportLabel, subkindLabel } from '../../shared/enums.ts';
import type { MeasureKey, YearProfile } from '../../shared/records.ts';
import { amountOf, exact, formatChange, formatMoney, formatRate } from '../stats/number-style.ts';
import { MEDIATOR_TRAINING, PERIODICAL_KINDS } from '../stats/year-stats.ts';
import { occasionName, P, type TownWords } from './phrases.ts';

export interface FactsInput {
  stats: YearStats;
  profile: YearProfile;
  approximate: boolean;
  town: TownWords;
  /** 行政复议 / 行政诉讼 cases of the year with their recorded 结果 (summed `count`) */
  reviewCases?: ReviewCase[];
}

export interface ReviewCase {
  category: 'reconsideration' | 'litigation';
  outcome: string | null;
  count: number;
}

/** A recorded 结果 as the report may state it: 维持 · 纠正 · 撤销 · 审理中, or null (not stated). */
export function caseOutcome(outcome: string | null): '维持' | '纠正' | '撤销' | '审理中' | null {
  const t = (outcome ?? '').replace(/\s+/g, '');
  if (!t) return null;
  if (/审理中|未结|尚未|待审|待判|待决|在审/.test(t)) return '审理中';
  if (/撤销|确认违法|确认无效/.test(t)) return '撤销';
  if (/纠正|变更|责令/.test(t)) return '纠正';
  if (/维持|驳回|胜诉/.test(t)) return '维持';
  return null;
}

/** The outcomes of one kind of case: 「复议维持1件、纠正1件」; null when none is recorded. */
function outcomeClause(cases: ReviewCase[], total: number): string | null {
  const by = new Map<string, number>();
  for (const c of cases) {
    const o = caseOutcome(c.outcome);
    if (o) by.set(o, (by.get(o) ?? 0) + c.count);
  }
  if (!by.size) return null;
  const phrase = (o: string, n: number) => (o === '审理中' ? `尚在审理中${n}件` : `${o === '维持' ? '被维持' : o === '纠正' ? '被纠正' : '被撤销'}${n}件`);
  if (by.size === 1) {
    const [[o, n]] = [...by];
    if (n === total) return o === '审理中' ? '尚在审理中' : `结果为${o === '维持' ? '维持' : o === '纠正' ? '纠正' : '撤销'}`;
  }
  return `其中${[...by].map(([o, n]) => phrase(o, n)).join('、')}`;
}

/** A 同比 the report may print, or one held back for the clerk to confirm. */
export interface ChangeNote {
  area: MeasureKey;
  what: string;
  current: number;
  previous: number;
  text: string;
}

export interface BuildResult {
  /** sentences, each ending in 。 */
  sentences: string[];
  /** 同比 beyond ±100%: held back (the earlier year may be half-recorded) */
  heldChanges: ChangeNote[];
}

export interface MeasureBuilder {
  key: MeasureKey;
  build: (f: FactsInput) => BuildResult;
}

/** The previous year counts for 同比 only from this many records on (spec). */
export const MIN_PREVIOUS_FOR_CHANGE = 10;
/** A change beyond this (in percent) is shown to the clerk, not printed. */
export const MAX_PRINTED_CHANGE = 100;

type Clause = string | null | false | undefined | 0;

/** Clauses joined into one sentence: 「a，b，c。」; empty clauses dropped; '' when none. */
export function sentence(clauses: Clause[]): string {
  const list = clauses.filter((c): c is string => typeof c === 'string' && c !== '');
  return list.length ? `${list.join('，')}。` : '';
}

/** Groups of clauses joined by ；into one sentence. */
export function groups(gs: Clause[][]): string {
  const parts = gs.map((g) => g.filter((c): c is string => typeof c === 'string' && c !== '').join('，')).filter(Boolean);
  return parts.length ? `${parts.join('；')}。` : '';
}

/** A count as a clause, or null for zero (a zero is never stated as work). */
const when = (n: number | null | undefined, f: (s: string) => string): string | null => (n != null && n > 0 ? f(exact(n)) : null);

/** The 同比 clause: only with ≥ 10 records the year before; beyond ±100% held back. */
function change(area: MeasureKey, what: string, current: number, previous: number | null, held: ChangeNote[]): string | null {
  if (previous == null || previous < MIN_PREVIOUS_FOR_CHANGE || current <= 0) return null;
  const text = formatChange(current, previous);
  if (!text) return null;
  if (Math.abs(((current - previous) / previous) * 100) > MAX_PRINTED_CHANGE) {
    held.push({ area, what, current, previous, text });
    return null;
  }
  return text;
}

/** "其中a、b" only when there are two parts or more; one part equal to the total reads "均为…". */
export function parts(items: { label: string; count: number; unit: string }[], total: number, allOne: (label: string) => string, max = 4): string | null {
  const list = items.filter((i) => i.count > 0);
  if (list.length === 0) return null;
  if (list.length === 1) return list[0].count === total ? allOne(list[0].label) : `其中${list[0].label}${list[0].count}${list[0].unit}`;
  const shown = list.slice(0, max).map((i) => `${i.label}${i.count}${i.unit}`);
  return `其中${shown.join('、')}${list.length > max ? '等' : ''}`;
}

/** Dispute types read …纠纷 (道路交通事故纠纷, 劳动争议纠纷 stays 劳动争议). */
export function disputeLabel(code: string): string {
  const label = labelOf(DISPUTE_TYPES, code);
  if (/(纠纷|争议)$/.test(label)) return label;
  return `${label}纠纷`;
}

const leadership: MeasureBuilder = {
  key: 'leadership',
  build: ({ stats: s, approximate }) => {
    const w = s.work;
    const training = w.training?.bySubkind.filter((k) => k.subkind !== MEDIATOR_TRAINING) ?? [];
    const tCount = training.reduce((a, k) => a + k.count, 0);
    const tPeople = training.reduce((a, k) => a + k.participants, 0);
    const kinds = training.filter((k) => k.subkind).map((k) => subkindLabel(k.subkind, 'training'));
    const exam = w.exam;
    const examRate = exam && exam.participants > 0 && exam.passed > 0 ? formatRate(exam.passed, exam.participants) : null;
    const text = groups([
      [when(w.meeting?.count, P.meeting)],
      [when(w.study?.count, P.study), w.study && w.study.count > 0 && w.study.participants > 0 && P.studyPeople(amountOf(w.study.participants, approximate))],
      [
        tCount > 0 && P.training(kinds.length && kinds.length === training.length ? `${kinds.join('、')}` : '', exact(tCount)),
        tCount > 0 && when(tPeople, P.trainingPeople),
      ],
      [when(exam?.count, P.exam), exam && exam.count > 0 && when(exam.participants, P.examPeople), examRate && P.examPassed(exact(exam!.passed), examRate)],
    ]);
    return { sentences: text ? [`全年${text}`] : [], heldChanges: [] };
  },
};

const decisions: MeasureBuilder = {
  key: 'decisions',
  build: ({ stats: s, approximate }) => {
    const review = s.work.legal_review;
    const consult = s.work.advisor_consult;
    const out: string[] = [];
    if (review && review.count > 0) {
      const kinds = review.bySubkind.filter((k) => k.count > 0);
      const label = (sub: string) => (sub && sub !== 'other' ? subkindLabel(sub, 'legal_review') : '文件');
      let head: string;
      if (kinds.length === 1) head = P.reviewOneKind(exact(review.count), label(kinds[0].subkind));
      else {
        head = P.reviewTotal(exact(review.count));
        const named = kinds
          .filter((k) => k.subkind && Object.hasOwn(REVIEW_SUBKINDS, k.subkind) && k.subkind !== 'other')
          .map((k) => ({ label: label(k.subkind), count: k.count, unit: '份' }));
        const split = named.length ? parts(named, review.count, (l) => `均为${l}`) : null;
        if (split) head += `，${split}`;
      }
      out.push(sentence([`全年${head}`, review.opinions > 0 && P.reviewOpinions(amountOf(review.opinions, approximate))]));
    }
    if (consult && consult.count > 0) {
      out.push(sentence([`全年${P.consult(exact(consult.count))}`, consult.opinions > 0 && P.consultOpinions(amountOf(consult.opinions, approximate))]));
    }
    return { sentences: out, heldChanges: [] };
  },
};

const enforcement: MeasureBuilder = {
  key: 'enforcement',
  build: ({ stats: s, profile, town }) => {
    const i = s.inspections;
    const held: ChangeNote[] = [];
    const out: string[] = [];
    const staff = sentence([
      when(profile.certifiedEnforcers, (n) => P.enforcers(town.unit, n)),
      [when(profile.enforcementQuota, P.quota), when(profile.enforcementActual, P.actual)].filter(Boolean).join('、') || null,
    ]);
    if (staff) out.push(staff);
    const e = s.enforcement;
    const ownInspections = e.ownInspections;
    if (i.total > 0) {
      out.push(
        sentence([
          ownInspections > 0 ? P.inspections(exact(ownInspections)) : i.entrusted > 0 && P.entrustedInspectionsOnly(exact(i.entrusted)),
          ownInspections > 0 && i.entrusted === 0 && change('enforcement', '行政检查', i.total, i.previousTotal, held),
          ownInspections > 0 && i.entrusted > 0 && P.entrustedInspections(exact(i.entrusted)),
          i.byField.length > 1 &&
            parts(
              i.byField.map((f) => ({ label: `${f.label}检查`, count: f.count, unit: '次' })),
              i.total,
              (l) => `均为${l}`,
            ),
          when(i.issuesFound, P.issuesFound),
          i.issuesFound > 0 &&
            i.issuesRectified > 0 &&
            P.issuesRectified(exact(Math.min(i.issuesRectified, i.issuesFound)), formatRate(Math.min(i.issuesRectified, i.issuesFound), i.issuesFound)!),
        ]),
      );
    }
    // 涉企行政检查 (国办发〔2024〕54号, issue 21)
    if (i.enterprise > 0)
      out.push(
        sentence([
          // all of them: the 同比 was said of 行政检查 already
          i.enterprise === i.total ? '以上均为涉企行政检查' : `其中涉企行政检查${exact(i.enterprise)}次`,
          i.enterprise < i.total && change('enforcement', '涉企行政检查', i.enterprise, i.previousEnterprise, held),
        ]),
      );
    // an entrusted decision is never the township's 行政处罚 (spec: the reviewer list)
    if (i.penalties > 0) {
      const own = e.ownPenalties;
      const entrusted = e.entrustedPenalties;
      out.push(
        sentence([
          own > 0 ? `全年${P.penalties(exact(own))}` : P.entrustedPenaltiesOnly(exact(entrusted)),
          own > 0 && entrusted > 0 && P.entrustedPenalties(exact(entrusted)),
          own > 0 && entrusted === 0 && change('enforcement', '行政处罚', i.penalties, i.previousPenalties, held),
          parts(
            i.penaltiesByKind.map((k) => ({ label: reportLabel('penaltyKinds', PENALTY_KINDS, k.code), count: k.count, unit: '件' })),
            i.penalties,
            P.penaltiesAllOneKind,
          ),
          i.penaltyAmount > 0 && P.penaltyAmount(formatMoney(i.penaltyAmount)),
        ]),
      );
    }
    const cr = s.work.case_review?.count ?? 0;
    if (cr > 0) out.push(sentence([P.caseReview(exact(cr))]));
    return { sentences: out, heldChanges: held };
  },
};

const publicity: MeasureBuilder = {
  key: 'publicity',
  build: ({ stats: s, profile, approximate }) => {
    const a = s.activities;
    const held: ChangeNote[] = [];
    const n = (v: number) => amountOf(v, approximate);
    const events = a.total - a.periodicals;
    const eventKinds = a.byKind.filter((k) => !PERIODICAL_KINDS.has(k.code));
    const label = (code: string) => reportLabel('activityKinds', ACTIVITY_KINDS, code);
    const count = (code: string) => a.byKind.find((k) => k.code === code)?.count ?? 0;
    const out: string[] = [];
    const first = sentence([
      when(events, P.events),
      events > 0 && change('publicity', '普法宣传活动', events, a.previousTotal, held),
      events > 0 &&
        parts(
          eventKinds.map((k) => ({ label: label(k.code), count: k.count, unit: '场次' })),
          events,
          P.eventsAllOneKind,
        ),
      when(count('column'), P.column),
      when(count('bulletin'), P.bulletin),
      when(count('online'), P.online),
    ]);
    if (first) out.push(first);
    const reach = [when(a.schools, P.schools), when(a.enterprises, P.enterprises)].filter(Boolean).join('、');
    out.push(
      sentence([
        reach || null,
        when(a.villages, P.villages),
        a.materials > 0 && P.materials(n(a.materials)),
        a.banners > 0 && P.banners(n(a.banners)),
        a.boards > 0 && P.boards(n(a.boards)),
        a.consultations > 0 && P.consultations(n(a.consultations)),
        a.views > 0 && P.views(n(a.views)),
        a.audience > 0 && P.audience(n(a.audience)),
      ]),
    );
    if (a.occasions.length) {
      const names = [...new Set(a.occasions.map(occasionName).filter(Boolean))];
      out.push(sentence([P.occasions(names.slice(0, 6).join('、'))]));
    }
    if (profile.lawLiterates) out.push(sentence([P.lawLiterates(exact(profile.lawLiterates))]));
    return { sentences: out.filter(Boolean), heldChanges: held };
  },
};

const mediation: MeasureBuilder = {
  key: 'mediation',
  build: ({ stats: s, profile, town }) => {
    const m = s.mediation;
    const held: ChangeNote[] = [];
    const out: string[] = [];
    const setup = [when(profile.mediationCommittees, P.committees), when(profile.mediators, P.mediators), when(profile.mediationRooms, P.rooms)].filter(
      Boolean,
    );
    if (setup.length) out.push(sentence([P.mediationSetup(town.unit, setup.join('、'))]));
    const mt = s.work.training?.bySubkind.find((k) => k.subkind === MEDIATOR_TRAINING);
    const prep = groups([
      [when(s.work.screening?.count, P.screening)],
      [when(mt?.count, P.mediatorTraining), mt && mt.count > 0 && when(mt.participants, P.trainingPeople)],
    ]);
    if (prep) out.push(`全年${prep}`);
    if (m.total > 0) {
      const rate = m.success > 0 && m.successRate ? formatRate(m.successRate.numerator, m.successRate.denominator) : null;
      const agreements = [when(m.written, P.written), when(m.oral, P.oral)].filter(Boolean).join('、');
      out.push(
        sentence([
          P.cases(exact(m.total)),
          change('mediation', '调解案件', m.total, m.previousTotal, held),
          parts(
            m.byType.map((t) => ({ label: disputeLabel(t.code), count: t.count, unit: '件' })),
            m.total,
            P.casesAllOneType,
            3,
          ),
          when(m.success, (x) => P.success(x, rate)),
          when(m.failed, P.failed),
          when(m.inProgress, P.inProgress),
          agreements && P.agreements(agreements),
        ]),
      );
    }
    return { sentences: out, heldChanges: held };
  },
};

const openness: MeasureBuilder = {
  key: 'openness',
  build: ({ stats: s }) => ({ sentences: [sentence([when(s.work.disclosure?.count, P.disclosure)])].filter(Boolean), heldChanges: [] }),
};

const supervision: MeasureBuilder = {
  key: 'supervision',
  build: ({ stats: s, profile, town, reviewCases = [] }) => {
    const rec = s.work.reconsideration?.count ?? 0;
    const lit = s.work.litigation?.count ?? 0;
    const appeared = s.work.litigation?.leaderAppeared ?? 0;
    if (rec > 0 || lit > 0) {
      // each case with its recorded outcome (维持 / 纠正 / 撤销 / 审理中), or none stated
      const of = (c: ReviewCase['category'], n: number) =>
        outcomeClause(
          reviewCases.filter((x) => x.category === c),
          n,
        );
      const recOutcome = rec > 0 ? of('reconsideration', rec) : null;
      const litOutcome = lit > 0 ? of('litigation', lit) : null;
      if (!recOutcome && !litOutcome) {
        const cases = [when(rec, (n) => P.reconsideration(town.government, n)), when(lit, (n) => P.litigation(town.government, n))].filter(Boolean).join('、');
        return { sentences: [sentence([`${P.casesIntro}${cases}`, lit > 0 && when(appeared, P.leaderAppeared)])], heldChanges: [] };
      }
      const out = [
        rec > 0 && sentence([`${P.casesIntro}${P.reconsideration(town.government, exact(rec))}`, recOutcome]),
        lit > 0 && sentence([`${rec > 0 ? '' : P.casesIntro}${P.litigation(town.government, exact(lit))}`, litOutcome, when(appeared, P.leaderAppeared)]),
      ].filter((x): x is string => !!x);
      return { sentences: out, heldChanges: [] };
    }
    // "none" only on the clerk's word: no records is not proof
    if (profile.noReviewOrLitigation === true) return { sentences: [`${P.noCasesConfirmed(town.government)}。`], heldChanges: [] };
    return { sentences: [], heldChanges: [] };
  },
};

const other: MeasureBuilder = { key: 'other', build: () => ({ sentences: [], heldChanges: [] }) };

/** Section 一, in the order the report prints it (spec: Structure). */
export const MEASURE_BUILDERS: readonly MeasureBuilder[] = [leadership, decisions, enforcement, publicity, mediation, openness, supervision, other];
