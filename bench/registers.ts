// Register benchmark: 100 000 records in each register, list queries with
// filters (p50/p95 per query shape), and a 10 000-record package import.
// Goals on a 2-core machine: a list page under 30 ms at p95; the import under 2 s.
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../electron/core/index.ts';
import { insertRecord } from '../electron/core/registers/repository.ts';
import { REGISTERS, REGISTER_NAMES, type RegisterName } from '../electron/shared/registers.ts';
import { percentile, ms, time, timeAsync, verdict } from './stats-util.ts';

const PER_REGISTER = 100_000;
const YEARS = [2021, 2022, 2023, 2024, 2025];
const VILLAGES = Array.from({ length: 40 }, (_, i) => `第${i + 1}村`);

function fakeRecord(r: RegisterName, i: number): Record<string, unknown> {
  const year = YEARS[i % YEARS.length];
  const date = `${year}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
  const village = VILLAGES[i % VILLAGES.length];
  switch (r) {
    case 'activities':
      return { date, title: `普法宣传活动${i}`, kind: ['campaign', 'lecture', 'meeting', 'online'][i % 4], venue: 'village', village, laws: ['宪法'], audience: i % 500, materials: i % 900, banners: i % 5, boards: 0, consultations: 0, views: 0 };
    case 'mediationCases':
      return { caseNo: `调〔${year}〕${i}号`, acceptedOn: date, closedOn: date, type: ['neighbor', 'marriage_family', 'contract', 'labor'][i % 4], source: 'active', village, mediator: `调解员${i % 30}`, parties: `当事人${i}`, partyCount: 2, summary: `纠纷${i}`, status: i % 50 ? 'success' : 'failed', agreement: 'oral', amount: i % 10000, judicialConfirmation: false };
    case 'inspections':
      return { date, field: ['work_safety', 'fire', 'food', 'environment'][i % 4], mode: 'routine', target: `企业${i}`, targetType: 'enterprise', village, entrusted: i % 7 === 0, issuesFound: i % 4, issuesRectified: i % 4 ? (i % 4) - 1 : 0, outcome: i % 4 ? 'rectification' : 'no_issue', penaltyLegalReview: false };
    case 'workItems':
      return { date, category: ['study', 'meeting', 'legal_review', 'disclosure'][i % 4], title: `法治工作${i}`, count: 1, participants: i % 40, passed: 0, opinions: i % 3, leaderAppeared: false };
    case 'disclosureRequests':
      return { receivedOn: date, applicantType: ['natural', 'business', 'legal_service'][i % 3], applicant: `申请人${i}`, subject: `申请公开信息${i}`, channel: 'online', result: i % 5 ? 'disclosed' : null, resultOn: i % 5 ? date : null };
  }
}

function fill(core: Core): number {
  const [, t] = time(() => {
    for (const r of REGISTER_NAMES) {
      const def = REGISTERS[r];
      core.ctx.db.transaction(() => {
        for (let i = 0; i < PER_REGISTER; i++) insertRecord(core.ctx.db, def, `${r}-${i}`, fakeRecord(r, i), '2025-01-01T00:00:00.000Z');
      })();
    }
  });
  core.ctx.db.exec('ANALYZE');
  return t;
}

interface QueryShape { name: string; input: (i: number) => Record<string, unknown> }

function shapes(r: RegisterName): QueryShape[] {
  const def = REGISTERS[r];
  const enumField = def.fields.find((f) => f.type === 'enum' && f.required)!;
  const firstCode = Object.keys(enumField.options!)[0];
  return [
    { name: '按年度，第1页', input: () => ({ year: 2024 }) },
    { name: '按年度翻页', input: (i) => ({ year: 2024, page: 1 + (i % 50) }) },
    { name: `年度+${enumField.label}`, input: () => ({ year: 2024, filters: { [enumField.key]: firstCode } }) },
    ...(def.fields.some((f) => f.key === 'village')
      ? [{ name: '年度+村（社区）', input: (i: number) => ({ year: 2023, filters: { village: VILLAGES[i % VILLAGES.length] } }) }]
      : []),
    { name: '年度+关键词', input: (i) => ({ year: 2024, keyword: String(1000 + i) }) },
    { name: '日期段+排序', input: () => ({ from: '2024-03-01', to: '2024-06-30', sortBy: def.dateKey, sortOrder: 'asc' }) },
    { name: '全部年度+关键词', input: (i) => ({ keyword: `${r === 'inspections' ? '企业' : ''}${2000 + i}` }) },
  ];
}

export async function benchRegisters(): Promise<boolean> {
  const file = join(tmpdir(), `fazhi-bench-${process.pid}.db`);
  const core = createCore({ dbPath: file });
  let allOk = true;
  try {
    console.log(`\n## 台账列表：每类 ${PER_REGISTER.toLocaleString()} 条记录（${YEARS[0]}—${YEARS.at(-1)}年）`);
    console.log(`写入 ${(PER_REGISTER * 4).toLocaleString()} 条：${ms(fill(core))}`);
    console.log('目标：每页查询 p95 < 30 ms（每种查询 60 次，含总数统计）');
    for (const r of REGISTER_NAMES) {
      for (const shape of shapes(r)) {
        const samples: number[] = [];
        for (let i = 0; i < 60; i++) {
          const [res, t] = await timeAsync(() => core.dispatch(`${r}.list`, shape.input(i)));
          if (!res.ok) throw new Error(`${r} ${shape.name}: ${res.error.message}`);
          if (i >= 5) samples.push(t);
        }
        const p95 = percentile(samples, 95);
        allOk &&= p95 < 30;
        console.log(`${REGISTERS[r].label} ${shape.name.padEnd(12, '　')} p50 ${ms(percentile(samples, 50)).padStart(9)}  p95 ${ms(p95).padStart(9)}  ${verdict(p95 < 30)}`);
      }
    }
  } finally {
    core.close();
    rmSync(file, { force: true });
    rmSync(`${file}-wal`, { force: true });
    rmSync(`${file}-shm`, { force: true });
  }

  console.log('\n## 数据包导入：10 000 条记录（目标 < 2 s）');
  const pkg = {
    format: 'fazhi-ledger-package', version: 1,
    township: { name: '清河镇', authority: '临江县清河镇人民政府' },
    activities: Array.from({ length: 2500 }, (_, i) => ({ id: `a${i}`, ...fakeRecord('activities', i) })),
    mediationCases: Array.from({ length: 2500 }, (_, i) => ({ id: `m${i}`, ...fakeRecord('mediationCases', i) })),
    inspections: Array.from({ length: 2500 }, (_, i) => ({ id: `i${i}`, ...fakeRecord('inspections', i) })),
    workItems: Array.from({ length: 2500 }, (_, i) => ({ id: `w${i}`, ...fakeRecord('workItems', i) })),
  };
  const content = JSON.stringify(pkg);
  const importFile = join(tmpdir(), `fazhi-bench-import-${process.pid}.db`);
  const target = createCore({ dbPath: importFile });
  try {
    const [dry, tDry] = await timeAsync(() => target.call('exchange.preview', { content }));
    const [res, tImport] = await timeAsync(() => target.call('exchange.import', { content }));
    if (!res.ok || !res.value.applied || res.value.totals.new !== 10_000 || !dry.ok) throw new Error('import failed');
    const [again, tAgain] = await timeAsync(() => target.call('exchange.preview', { content }));
    if (!again.ok || again.value.totals.unchanged !== 10_000) throw new Error('re-import not unchanged');
    allOk &&= tImport < 2000;
    console.log(`预检 ${ms(tDry)}；导入（写入文件数据库，synchronous=FULL）${ms(tImport)} ${verdict(tImport < 2000)}；再次预检（全部未变）${ms(tAgain)}`);
  } finally {
    target.close();
    for (const s of ['', '-wal', '-shm']) rmSync(`${importFile}${s}`, { force: true });
  }
  return allOk;
}

if (import.meta.main) {
  const ok = await benchRegisters();
  process.exitCode = ok ? 0 : 1;
}
