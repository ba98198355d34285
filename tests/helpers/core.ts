// Test helpers: a core on an in-memory or temporary database, and fixture access.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore, type Core } from '../../electron/core/index.ts';
import type { ApiResult } from '../../electron/shared/contract/index.ts';
import { afterEach, beforeEach, vi } from 'vitest';

export const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/', import.meta.url));

export const fixtureNames = (): string[] =>
  readdirSync(FIXTURES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^\d{3}_/.test(d.name))
    .map((d) => d.name)
    .sort();

export const fixturePackage = (name: string): string => readFileSync(join(FIXTURES_DIR, name, 'package.json'), 'utf8');
export const fixtureExpect = (name: string) => JSON.parse(readFileSync(join(FIXTURES_DIR, name, 'expect.json'), 'utf8'));

/** A core on a fresh in-memory database with a fixed clock. */
export function memoryCore(now = new Date('2026-11-22T02:00:00.000Z')): Core {
  let t = now.getTime();
  // each call moves the clock on by a millisecond, so updatedAt values are strictly ordered
  return createCore({ dbPath: ':memory:', now: () => new Date(t++) });
}

/** A temporary folder, removed by the returned cleanup. */
export function tempDir(prefix = 'fazhi-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function ok<T>(r: ApiResult<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}

export function err<T>(r: ApiResult<T>) {
  if (r.ok) throw new Error('expected an error, got ok');
  return r.error;
}

/** A valid record for each register. */
export const SAMPLES = {
  activities: {
    date: '2024-03-15',
    title: '“3·15”消费者权益日普法宣传',
    kind: 'campaign',
    venue: 'village',
    village: '清河村',
    occasion: '3·15',
    laws: ['消费者权益保护法'],
    audience: 320,
    materials: 800,
    banners: 3,
  },
  mediationCases: {
    caseNo: '清河调〔2024〕1号',
    acceptedOn: '2024-04-02',
    closedOn: '2024-04-05',
    type: 'neighbor',
    source: 'active',
    village: '石桥村',
    mediator: '钱卫东',
    parties: '张三、李四',
    partyCount: 2,
    summary: '张三与李四因排水发生纠纷',
    status: 'success',
    agreement: 'written',
    amount: 1200,
  },
  inspections: {
    date: '2024-05-10',
    field: 'work_safety',
    mode: 'routine',
    target: '恒达建材有限公司',
    targetType: 'enterprise',
    issuesFound: 3,
    issuesRectified: 2,
    outcome: 'penalty',
    penaltyDecisionNo: '清综执罚〔2024〕1号',
    penaltyKind: 'fine',
    penaltyAmount: 2000,
    penaltyLegalReview: true,
  },
  workItems: { date: '2024-06-01', category: 'legal_review', title: '合同合法性审查', subkind: 'contract', count: 3, opinions: 5 },
  disclosureRequests: {
    receivedOn: '2024-03-05',
    applicantType: 'natural',
    applicant: '令狐某某',
    subject: '申请公开清河村道路硬化工程招标文件',
    channel: 'online',
    result: 'disclosed',
    resultOn: '2024-03-20',
  },
  screenings: {
    date: '2024-04-10',
    village: '清河村',
    committee: '清河村人民调解委员会',
    found: 4,
    prevented: 3,
    preventedCriminal: 1,
    preventedPetition: 1,
  },
} as const;

/**
 * A CLI test's surroundings, fresh for each test: a temp folder and what the
 * command printed on stdout (out) and stderr (errs). Call it in a describe block.
 */
export function cliOutput(): { readonly dir: string; out: string[]; errs: string[] } {
  const state = { tmp: null as ReturnType<typeof tempDir> | null, out: [] as string[], errs: [] as string[] };
  beforeEach(() => {
    state.tmp = tempDir();
    state.out.length = 0;
    state.errs.length = 0;
    vi.spyOn(console, 'log').mockImplementation((...a) => void state.out.push(a.join(' ')));
    vi.spyOn(console, 'error').mockImplementation((...a) => void state.errs.push(a.join(' ')));
  });
  afterEach(() => {
    vi.restoreAllMocks();
    state.tmp?.cleanup();
  });
  return {
    get dir() {
      if (!state.tmp) throw new Error('cliOutput().dir is there only inside a test');
      return state.tmp.dir;
    },
    out: state.out,
    errs: state.errs,
  };
}
