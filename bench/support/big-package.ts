// The bench package of issue 24: 100 000 records a register in 2024 and half as many
// in 2023 (activities, mediation cases, inspections, work items: 600 000 records),
// written as one JSON package file, as a county or the clerk's own export would hand it over.
// Run: node bench/support/big-package.ts OUT.json [perRegister]
import { writeFileSync } from 'node:fs';
import { fakeRecord } from '../report.ts';
import type { RegisterName } from '../../electron/shared/registers.ts';

export const PACKAGE_REGISTERS: RegisterName[] = ['activities', 'mediationCases', 'inspections', 'workItems'];
export const PACKAGE_YEAR = 2024;

/** The package text: perRegister records a register in PACKAGE_YEAR, half as many the year before. */
export function bigPackage(perRegister: number): { text: string; records: number } {
  const parts: string[] = [];
  let records = 0;
  for (const r of PACKAGE_REGISTERS) {
    const rows: string[] = [];
    for (let i = 0; i < perRegister; i++) rows.push(JSON.stringify({ id: `${r}-${i}`, ...fakeRecord(r, i, PACKAGE_YEAR) }));
    for (let i = 0; i < perRegister / 2; i++) rows.push(JSON.stringify({ id: `${r}-p${i}`, ...fakeRecord(r, i, PACKAGE_YEAR - 1) }));
    records += rows.length;
    parts.push(`${JSON.stringify(r)}:[${rows.join(',')}]`);
  }
  const head = JSON.stringify({
    format: 'fazhi-ledger-package',
    version: 1,
    township: { name: '清河镇', authority: '临江县清河镇人民政府', superior: '临江县' },
  });
  return { text: `${head.slice(0, -1)},${parts.join(',')}}`, records };
}

if (import.meta.main) {
  const [, , out, n] = process.argv;
  const { text, records } = bigPackage(Number(n ?? 100_000));
  writeFileSync(out, text);
  console.log(`${records} records, ${(text.length / 1e6).toFixed(0)} MB`);
}
