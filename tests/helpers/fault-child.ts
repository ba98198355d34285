// Run inside a private mount namespace whose data folder is a tiny tmpfs
// (tests/unit/faults.test.ts): fills the disk through the API, then makes the
// folder read-only, and prints what the clerk would have seen as JSON.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { createCore } from '../../electron/core/index.ts';

const [dir] = process.argv.slice(2);
const dbPath = join(dir, 'ledger.db');
const core = createCore({ dbPath });
const notes = '记'.repeat(1900);
let created = 0;
let full: { code: string; message: string } | null = null;
for (let i = 0; i < 20_000 && !full; i++) {
  const r = await core.call('activities.create', { record: { date: '2024-03-15', title: `活动${i}`, kind: 'campaign', notes } });
  if (r.ok) created++;
  else full = { code: r.error.code, message: r.error.message };
}
const listed = await core.call('activities.list', { pageSize: 1 });
const integrity = core.ctx.db.pragma('integrity_check', { simple: true });
const backup = await core.call('backup.create', {});
core.close();

// the CLI on the full disk
let cli = { status: 0, stderr: '' };
try {
  execFileSync(process.execPath, ['electron/cli/index.ts', 'demo', '--year', '2023', '--db', dbPath], { stdio: 'pipe' });
} catch (e) {
  const err = e as { status: number; stderr: Buffer };
  cli = { status: err.status, stderr: err.stderr.toString() };
}

// the U盘 made read-only (pulled write protection)
execFileSync('mount', ['-o', 'remount,ro', dir]);
let readOnly: { code: string; message: string } | null = null;
let openError = '';
try {
  const again = createCore({ dbPath });
  const r = await again.call('activities.create', { record: { date: '2024-03-15', title: '只读', kind: 'campaign' } });
  readOnly = r.ok ? null : { code: r.error.code, message: r.error.message };
  again.close();
} catch (e) {
  openError = String((e as { code?: string }).code ?? e);
}
let cliRo = { status: 0, stderr: '' };
try {
  execFileSync(process.execPath, ['electron/cli/index.ts', 'demo', '--year', '2022', '--db', dbPath], { stdio: 'pipe' });
} catch (e) {
  const err = e as { status: number; stderr: Buffer };
  cliRo = { status: err.status, stderr: err.stderr.toString() };
}
console.log(
  JSON.stringify({
    created,
    full,
    listed: listed.ok ? listed.value.total : -1,
    integrity,
    backup: backup.ok ? 'ok' : backup.error,
    cli,
    readOnly,
    openError,
    cliRo,
  }),
);
