// Excel and backup benchmark: importing a 10 000-row Excel sheet (goal under 3 s,
// the before-import backup included) and backing up / checking / restoring a
// database holding 100 000 records in each register.
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackup } from '../electron/core/backup/backup.ts';
import { createCore, type Core } from '../electron/core/index.ts';
import { insertRecord } from '../electron/core/registers/repository.ts';
import { REGISTERS, REGISTER_NAMES, type RegisterName } from '../electron/shared/registers.ts';
import { validateRecord } from '../electron/shared/validation.ts';
import { mb, ms, timeAsync, verdict } from './stats-util.ts';

const SHEET_ROWS = 10_000;
const PER_REGISTER = 100_000;

const BASE: Record<RegisterName, Record<string, unknown>> = {
  activities: {
    date: '2024-03-15',
    title: '普法宣传',
    kind: 'campaign',
    venue: 'village',
    village: '青山村',
    laws: ['宪法', '民法典'],
    audience: 120,
    materials: 300,
  },
  mediationCases: {
    acceptedOn: '2024-04-02',
    closedOn: '2024-04-05',
    type: 'neighbor',
    source: 'active',
    village: '石桥村',
    mediator: '钱卫东',
    parties: '张三、李四',
    partyCount: 2,
    summary: '因排水发生纠纷，经调解达成协议',
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
    outcome: 'rectification',
  },
  workItems: { date: '2024-06-01', category: 'study', title: '集体学法', count: 1, participants: 20 },
  disclosureRequests: {
    receivedOn: '2024-03-05',
    applicantType: 'natural',
    applicant: '张某',
    subject: '申请公开道路工程招标文件',
    result: 'disclosed',
    resultOn: '2024-03-20',
  },
  screenings: { date: '2024-04-10', village: '石桥村', found: 3, prevented: 2, preventedPetition: 1 },
};

async function activitySheet(rows: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('2024年普法活动');
  ws.addRow(['小陶镇2024年普法宣传活动登记表']);
  ws.mergeCells('A1:I1');
  ws.addRow(['序号', '活动日期', '活动名称', '形式', '阵地', '所在村（社区）', '宣传的法律法规', '参与人数', '发放资料（份）']);
  const kinds = ['集中宣传', '法治讲座', '院坝会/群众会', '网络宣传'];
  for (let i = 0; i < rows; i++) {
    ws.addRow([
      i + 1,
      new Date(Date.UTC(2024, i % 12, (i % 28) + 1)),
      `民法典进村入户宣传第${i + 1}场`,
      kinds[i % 4],
      '乡村',
      `第${(i % 40) + 1}村`,
      '民法典、宪法',
      50 + (i % 300),
      i % 500,
    ]);
  }
  ws.addRow(['合计']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function fill(core: Core): void {
  const db = core.ctx.db;
  for (const r of REGISTER_NAMES) {
    const def = REGISTERS[r];
    const v = validateRecord(def, BASE[r]);
    if (!v.ok) throw new Error(JSON.stringify(v.issues));
    const fields = v.value as unknown as Record<string, unknown>;
    db.transaction(() => {
      for (let i = 0; i < PER_REGISTER; i++) {
        const f = { ...fields };
        if (def.titleKey === 'title') f.title = `${fields.title}${i}`;
        if (r === 'mediationCases') f.caseNo = `调〔2024〕${i}号`;
        if (r === 'inspections') f.target = `企业${i}`;
        insertRecord(db, def, `${r}-${i}`, f, '2025-01-01T00:00:00.000Z');
      }
    })();
  }
}

export async function benchCustody(): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), 'fazhi-bench-excel-backup-'));
  let allOk = true;
  try {
    console.log(`\n## Excel 导入：${SHEET_ROWS.toLocaleString()} 行（目标 < 3 s，含导入前自动备份）`);
    const sheet = await activitySheet(SHEET_ROWS);
    const core = createCore({ dbPath: join(dir, 'import.db') });
    const base64 = sheet.toString('base64');
    const [preview, tPreview] = await timeAsync(() => core.call('excel.preview', { register: 'activities', base64 }));
    if (!preview.ok || preview.value.valid !== SHEET_ROWS)
      throw new Error(`preview: ${JSON.stringify(preview.ok ? preview.value.issues.slice(0, 3) : preview.error)}`);
    const [imported, tImport] = await timeAsync(() => core.call('excel.import', { register: 'activities', base64 }));
    if (!imported.ok || imported.value.written !== SHEET_ROWS) throw new Error('import failed');
    const ok1 = tImport < 3000;
    allOk &&= ok1;
    console.log(`文件 ${(sheet.length / 1024).toFixed(0)} KB；预览（逐行校验）${ms(tPreview)}；导入 ${ms(tImport)} ${verdict(ok1)}`);
    core.close();

    console.log(`\n## 备份：每类 ${PER_REGISTER.toLocaleString()} 条记录（共 ${(PER_REGISTER * 4).toLocaleString()} 条）`);
    const big = createCore({ dbPath: join(dir, 'big', 'ledger.db') });
    fill(big);
    big.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    const dbSize = statSync(big.ctx.dbPath).size;
    const [info, tBackup] = await timeAsync(() => createBackup(big.ctx, 'manual'));
    console.log(`数据库 ${mb(dbSize)}；备份（在线备份 + 完整性检查 + 压缩）${ms(tBackup)}，备份文件 ${mb(info.size)}`);
    const [check, tCheck] = await timeAsync(() => big.call('backup.check', { name: info.name }));
    if (!check.ok || !check.value.ok) throw new Error('check failed');
    console.log(`检查备份（解压 + 完整性检查 + 按行重建并逐条校验）${ms(tCheck)}`);
    const [restored, tRestore] = await timeAsync(() => big.call('backup.restore', { name: info.name }));
    if (!restored.ok) throw new Error(restored.error.message);
    console.log(`从备份恢复（按行重建并逐条校验 + 恢复前备份 + 原子替换）${ms(tRestore)}`);
    const ok2 = tBackup < 60_000;
    allOk &&= ok2;
    console.log(`备份用时目标 < 60 s：${verdict(ok2)}`);
    big.close();
    console.log(`进程峰值内存 ${mb(process.resourceUsage().maxRSS * 1024)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return allOk;
}

if (import.meta.main) {
  process.exitCode = (await benchCustody()) ? 0 : 1;
}
