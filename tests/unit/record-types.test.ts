// The record types are derived from registers.ts (FieldsOf): they must stay exactly what the
// API has always returned. The hand-written shapes below are the ones records.ts held before
// the derivation; `npm run typecheck` fails when the two part (this file is type-checked),
// and the run below checks the derived field keys against the definitions at run time too.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  ACTIVITY_KINDS,
  ACTIVITY_VENUES,
  AGREEMENT_KINDS,
  APPLICANT_TYPES,
  CASE_SOURCES,
  CASE_STATUSES,
  DISCLOSURE_CHANNELS,
  DISCLOSURE_RESULTS,
  DISPUTE_TYPES,
  INSPECTION_FIELDS,
  INSPECTION_MODES,
  INSPECTION_OUTCOMES,
  INSPECTION_TYPES,
  PENALTY_KINDS,
  PENALTY_PROCEDURES,
  TARGET_TYPES,
  TASK_SOURCES,
  WORK_CATEGORIES,
} from '../../electron/shared/enums.ts';
import type {
  ActivityFields as DerivedActivity,
  DisclosureRequestFields as DerivedDisclosure,
  FollowUpEntry as DerivedFollowUp,
  InspectionFields as DerivedInspection,
  MediationCaseFields as DerivedCase,
  PartyEntry as DerivedParty,
  RegisterFields,
  WorkItemFields as DerivedWork,
} from '../../electron/shared/records.ts';
import { REGISTERS, REGISTER_NAMES, type FieldsOf, type ValueOf } from '../../electron/shared/registers.ts';

interface Common {
  department: string | null;
  notes: string | null;
}

interface ActivityFields extends Common {
  date: string;
  title: string;
  kind: keyof typeof ACTIVITY_KINDS;
  venue: keyof typeof ACTIVITY_VENUES | null;
  place: string | null;
  village: string | null;
  occasion: string | null;
  laws: string[];
  audience: number;
  materials: number;
  banners: number;
  boards: number;
  consultations: number;
  views: number;
  organizer: string | null;
}

interface MediationCaseFields extends Common {
  caseNo: string | null;
  acceptedOn: string;
  closedOn: string | null;
  type: keyof typeof DISPUTE_TYPES;
  source: keyof typeof CASE_SOURCES | null;
  village: string | null;
  committee: string | null;
  mediator: string | null;
  parties: string | null;
  partyCount: number;
  summary: string | null;
  status: keyof typeof CASE_STATUSES;
  agreement: keyof typeof AGREEMENT_KINDS | null;
  amount: number | null;
  judicialConfirmation: boolean;
  followUpOn: string | null;
  partyList: PartyEntry[];
  facts: string | null;
  agreementTerms: string | null;
  performance: string | null;
  copies: number | null;
  followUps: FollowUpEntry[];
}

/** 当事人 one by one — personal data */
interface PartyEntry {
  role?: 'applicant' | 'respondent' | 'party' | null;
  name: string;
  gender?: 'male' | 'female' | null;
  ethnicity?: string | null;
  birthDate?: string | null;
  occupation?: string | null;
  address?: string | null;
  phone?: string | null;
  idNumber?: string | null;
}

/** one 回访 */
interface FollowUpEntry {
  date: string;
  by?: string | null;
  performed?: string | null;
  opinion?: string | null;
}

interface InspectionFields extends Common {
  date: string;
  field: keyof typeof INSPECTION_FIELDS;
  mode: keyof typeof INSPECTION_MODES | null;
  target: string;
  targetType: keyof typeof TARGET_TYPES | null;
  village: string | null;
  inspectors: string | null;
  entrusted: boolean;
  issuesFound: number;
  issuesRectified: number;
  outcome: keyof typeof INSPECTION_OUTCOMES;
  penaltyDecisionNo: string | null;
  penaltyKind: keyof typeof PENALTY_KINDS | null;
  /** 并处 kinds: codes of PENALTY_KINDS */
  penaltyAlsoKinds: string[];
  penaltyDecidedOn: string | null;
  penaltyProcedure: keyof typeof PENALTY_PROCEDURES | null;
  penaltyAmount: number | null;
  penaltyLegalReview: boolean;
  // 涉企行政检查 (issue 21)
  inspectionType: keyof typeof INSPECTION_TYPES | null;
  taskSource: keyof typeof TASK_SOURCES | null;
  creditCode: string | null;
  itemCode: string | null;
  basis: string | null;
  approvedBy: string | null;
  approvedOn: string | null;
  inspectorList: { name: string; certNo?: string | null }[];
  notifiedOn: string | null;
  scanCode: string | null;
}

interface WorkItemFields extends Common {
  date: string;
  category: keyof typeof WORK_CATEGORIES;
  title: string;
  subkind: string | null;
  count: number;
  participants: number;
  passed: number;
  opinions: number;
  leaderAppeared: boolean;
  outcome: string | null;
}

interface DisclosureRequestFields extends Common {
  receivedOn: string;
  applicantType: keyof typeof APPLICANT_TYPES;
  /** personal data: never in a report or a log */
  applicant: string | null;
  subject: string | null;
  channel: keyof typeof DISCLOSURE_CHANNELS | null;
  /** null: 办理中 */
  result: keyof typeof DISCLOSURE_RESULTS | null;
  resultOn: string | null;
}

describe('record types derived from registers.ts', () => {
  it('equal the shapes the API has always returned', () => {
    expectTypeOf<DerivedActivity>().toEqualTypeOf<ActivityFields>();
    expectTypeOf<DerivedCase>().toEqualTypeOf<MediationCaseFields>();
    expectTypeOf<DerivedInspection>().toEqualTypeOf<InspectionFields>();
    expectTypeOf<DerivedWork>().toEqualTypeOf<WorkItemFields>();
    expectTypeOf<DerivedDisclosure>().toEqualTypeOf<DisclosureRequestFields>();
    expectTypeOf<DerivedParty>().toEqualTypeOf<PartyEntry>();
    expectTypeOf<DerivedFollowUp>().toEqualTypeOf<FollowUpEntry>();
  });

  it('map each field type to its value type', () => {
    expectTypeOf<ValueOf<{ key: 'a'; column: 'a'; label: 'A'; type: 'text'; required: true }>>().toEqualTypeOf<string>();
    expectTypeOf<ValueOf<{ key: 'a'; column: 'a'; label: 'A'; type: 'date' }>>().toEqualTypeOf<string | null>();
    expectTypeOf<ValueOf<{ key: 'a'; column: 'a'; label: 'A'; type: 'enum'; options: { x: 'X'; y: 'Y' } }>>().toEqualTypeOf<'x' | 'y' | null>();
    expectTypeOf<ValueOf<{ key: 'a'; column: 'a'; label: 'A'; type: 'int'; defaultValue: number }>>().toEqualTypeOf<number>();
    expectTypeOf<ValueOf<{ key: 'a'; column: 'a'; label: 'A'; type: 'int' }>>().toEqualTypeOf<number | null>();
    expectTypeOf<ValueOf<{ key: 'a'; column: 'a'; label: 'A'; type: 'money' }>>().toEqualTypeOf<number | null>();
    expectTypeOf<ValueOf<{ key: 'a'; column: 'a'; label: 'A'; type: 'bool' }>>().toEqualTypeOf<boolean>();
    expectTypeOf<ValueOf<{ key: 'a'; column: 'a'; label: 'A'; type: 'tags' }>>().toEqualTypeOf<string[]>();
    // a field added to a definition is a field of the record type
    type Def = {
      name: 'activities';
      table: 't';
      label: 'L';
      dateKey: 'd';
      titleKey: 'd';
      fields: readonly [{ key: 'd'; column: 'd'; label: 'D'; type: 'date'; required: true }, { key: 'n'; column: 'n'; label: 'N'; type: 'bool' }];
    };
    expectTypeOf<FieldsOf<Def>>().toEqualTypeOf<{ d: string; n: boolean }>();
  });

  it('hold every field of every definition, and only those', () => {
    const keysOf: { [R in keyof RegisterFields]: Record<keyof RegisterFields[R], true> } = {
      activities: {
        date: true,
        title: true,
        kind: true,
        venue: true,
        place: true,
        village: true,
        occasion: true,
        laws: true,
        audience: true,
        materials: true,
        banners: true,
        boards: true,
        consultations: true,
        views: true,
        organizer: true,
        department: true,
        notes: true,
      },
      mediationCases: {
        caseNo: true,
        acceptedOn: true,
        closedOn: true,
        type: true,
        source: true,
        village: true,
        committee: true,
        mediator: true,
        parties: true,
        partyCount: true,
        summary: true,
        status: true,
        agreement: true,
        amount: true,
        judicialConfirmation: true,
        followUpOn: true,
        partyList: true,
        facts: true,
        agreementTerms: true,
        performance: true,
        copies: true,
        followUps: true,
        department: true,
        notes: true,
      },
      inspections: {
        date: true,
        field: true,
        mode: true,
        target: true,
        targetType: true,
        village: true,
        inspectors: true,
        entrusted: true,
        issuesFound: true,
        issuesRectified: true,
        outcome: true,
        penaltyDecisionNo: true,
        penaltyKind: true,
        penaltyAlsoKinds: true,
        penaltyDecidedOn: true,
        penaltyProcedure: true,
        penaltyAmount: true,
        penaltyLegalReview: true,
        inspectionType: true,
        taskSource: true,
        creditCode: true,
        itemCode: true,
        basis: true,
        approvedBy: true,
        approvedOn: true,
        inspectorList: true,
        notifiedOn: true,
        scanCode: true,
        department: true,
        notes: true,
      },
      workItems: {
        date: true,
        category: true,
        title: true,
        subkind: true,
        count: true,
        participants: true,
        passed: true,
        opinions: true,
        leaderAppeared: true,
        outcome: true,
        department: true,
        notes: true,
      },
      disclosureRequests: {
        receivedOn: true,
        applicantType: true,
        applicant: true,
        subject: true,
        channel: true,
        result: true,
        resultOn: true,
        department: true,
        notes: true,
      },
      screenings: {
        date: true,
        village: true,
        committee: true,
        found: true,
        prevented: true,
        preventedCriminal: true,
        preventedSuicide: true,
        preventedPetition: true,
        preventedFight: true,
        department: true,
        notes: true,
      },
    };
    for (const r of REGISTER_NAMES) expect(REGISTERS[r].fields.map((f) => f.key).sort()).toEqual(Object.keys(keysOf[r]).sort());
  });
});
