// The blank Excel template of a register: Chinese headers, dropdowns for every
// choice, date columns, one example row, a frozen header and a 填写说明 sheet.
import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../util/load-on-use.ts';
import type { FieldDef, RegisterDef, RegisterName } from '../../shared/registers.ts';
import { REGISTERS } from '../../shared/registers.ts';
import { EXAMPLE_MARK, excelColumns, fieldToCell } from './columns.ts';

export const TEMPLATE_ROWS = 2000;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
const REQUIRED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

const EXAMPLES: Record<RegisterName, Record<string, unknown>> = {
  activities: {
    date: '2024-03-15',
    title: '“3·15”消费者权益保护法集中宣传',
    kind: 'campaign',
    venue: 'village',
    place: '镇文化广场',
    village: '青山村',
    occasion: '3·15',
    laws: ['消费者权益保护法', '民法典'],
    audience: 260,
    materials: 400,
    banners: 2,
    boards: 6,
    consultations: 35,
    views: 0,
    organizer: '镇司法所',
    department: '司法所',
  },
  mediationCases: {
    caseNo: '（2024）青调字第1号',
    acceptedOn: '2024-03-02',
    closedOn: '2024-03-10',
    type: 'neighbor',
    source: 'application',
    village: '青山村',
    committee: '青山村人民调解委员会',
    mediator: '王调解',
    parties: '张某、李某',
    partyCount: 2,
    summary: '相邻排水纠纷',
    status: 'success',
    agreement: 'written',
    amount: 1500,
    judicialConfirmation: false,
    followUpOn: '2024-04-10',
    department: '司法所',
  },
  inspections: {
    date: '2024-05-20',
    field: 'work_safety',
    mode: 'special',
    target: '某某建材有限公司',
    targetType: 'enterprise',
    village: '青山村',
    inspectors: '张三（执法证号 12345）',
    entrusted: false,
    issuesFound: 3,
    issuesRectified: 2,
    outcome: 'rectification',
    department: '综合执法大队',
  },
  workItems: {
    date: '2024-02-28',
    category: 'study',
    title: '党委理论学习中心组学习习近平法治思想',
    subkind: '',
    count: 1,
    participants: 18,
    passed: 0,
    opinions: 0,
    leaderAppeared: false,
    outcome: '',
    department: '党政办',
  },
  disclosureRequests: {
    receivedOn: '2024-03-05',
    applicantType: 'natural',
    applicant: '张某',
    subject: '申请公开某村道路硬化工程招标文件',
    channel: 'online',
    result: 'disclosed',
    resultOn: '2024-03-20',
    department: '党政办',
  },
  screenings: {
    date: '2024-03-05',
    village: '清河村',
    committee: '清河村人民调解委员会',
    found: 3,
    prevented: 2,
    preventedCriminal: 0,
    preventedSuicide: 0,
    preventedPetition: 1,
    preventedFight: 0,
    department: '司法所',
  },
};

function describe(f: FieldDef): string {
  switch (f.type) {
    case 'date':
      return '日期，如 2024-03-15（也可写 2024/3/15、2024.3.15、2024年3月15日）';
    case 'int':
      return `整数，不小于${f.min ?? 0}${f.defaultValue !== undefined ? `；不填按 ${f.defaultValue}` : ''}`;
    case 'money':
      return '金额（元），不小于0，可带两位小数';
    case 'bool':
      return '下拉选择“是”或“否”；不填按“否”';
    case 'enum':
      return `下拉选择：${Object.values(f.options ?? {}).join('、')}`;
    case 'tags':
      return f.options ? `可填多项，用分号“；”分隔：${Object.values(f.options).join('；')}` : '可填多项，用顿号“、”分隔';
    case 'longtext':
      return `文字，不超过${f.max ?? 2000}字`;
    default:
      return `文字${f.max ? `，不超过${f.max}字` : ''}`;
  }
}

export async function buildTemplate(name: RegisterName): Promise<{ fileName: string; bytes: Buffer }> {
  const def: RegisterDef = REGISTERS[name];
  const cols = excelColumns(def);
  const wb = new (await loadExcelJS()).Workbook();
  wb.creator = '法治台账';
  const ws = wb.addWorksheet(def.label, { views: [{ state: 'frozen', ySplit: 1 }] });
  const lists = wb.addWorksheet('选项', { state: 'veryHidden' });
  ws.columns = cols.map((c) => ({ header: c.header, key: c.field.key, width: c.width }));

  const header = ws.getRow(1);
  header.height = 30;
  cols.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.font = { bold: true, color: c.field.required ? { argb: 'FFC00000' } : undefined };
    cell.fill = c.field.required ? REQUIRED_FILL : HEADER_FILL;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.border = THIN;
    cell.note = `${c.field.required ? '【必填】' : ''}${describe(c.field)}`;
  });

  // choice lists on a hidden sheet, so a long list is never cut at Excel's 255 characters
  let listCol = 0;
  const listRef: Record<string, string> = {};
  for (const c of cols) {
    const values = c.field.type === 'enum' ? Object.values(c.field.options ?? {}) : c.field.type === 'bool' ? ['是', '否'] : null;
    if (!values) continue;
    listCol++;
    values.forEach((v, r) => {
      lists.getCell(r + 1, listCol).value = v;
    });
    const letter = lists.getColumn(listCol).letter;
    listRef[c.field.key] = `'选项'!$${letter}$1:$${letter}$${values.length}`;
  }

  const example = EXAMPLES[name];
  const exampleRow = ws.getRow(2);
  cols.forEach((c, i) => {
    const v = c.field.role === 'remarks' ? `${EXAMPLE_MARK}导入时自动忽略此行，可直接删除或改写（删去“${EXAMPLE_MARK}”）` : example[c.field.key];
    const cell = exampleRow.getCell(i + 1);
    cell.value = fieldToCell(c.field, v ?? null);
    cell.font = { italic: true, color: { argb: 'FF808080' } };
  });

  cols.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    const f = c.field;
    if (f.type === 'date') col.numFmt = 'yyyy-mm-dd';
    if (f.type === 'money') col.numFmt = '0.00';
    const validation: ExcelJS.DataValidation | null = listRef[f.key]
      ? {
          type: 'list',
          allowBlank: !f.required,
          formulae: [listRef[f.key]],
          showErrorMessage: true,
          errorStyle: 'stop',
          errorTitle: f.label,
          error: `请从下拉列表中选择${f.label}`,
        }
      : f.type === 'date'
        ? {
            type: 'date',
            operator: 'between',
            allowBlank: !f.required,
            showErrorMessage: true,
            formulae: [new Date(Date.UTC(2000, 0, 1)), new Date(Date.UTC(2100, 11, 31))],
            errorTitle: f.label,
            error: '请填写 2000—2100 年之间的有效日期，如 2024-03-15',
          }
        : f.type === 'int'
          ? {
              type: 'whole',
              operator: 'greaterThanOrEqual',
              allowBlank: true,
              showErrorMessage: true,
              formulae: [f.min ?? 0],
              errorTitle: f.label,
              error: `请填写不小于${f.min ?? 0}的整数`,
            }
          : f.type === 'money'
            ? {
                type: 'decimal',
                operator: 'greaterThanOrEqual',
                allowBlank: true,
                showErrorMessage: true,
                formulae: [0],
                errorTitle: f.label,
                error: '请填写不小于0的金额',
              }
            : null;
    if (!validation) return;
    // one range per column (exceljs' per-cell squeezing writes overlapping ranges Excel calls damaged)
    const letter = ws.getColumn(i + 1).letter;
    (ws as unknown as { dataValidations: { add: (range: string, v: ExcelJS.DataValidation) => void } }).dataValidations.add(
      `${letter}2:${letter}${TEMPLATE_ROWS + 1}`,
      validation,
    );
  });

  const help = wb.addWorksheet('填写说明');
  help.columns = [
    { header: '列名', width: 22 },
    { header: '是否必填', width: 10 },
    { header: '填写要求', width: 70 },
    { header: '示例', width: 30 },
  ];
  help.getRow(1).font = { bold: true };
  help.getRow(1).fill = HEADER_FILL;
  for (const c of cols) {
    const ex = fieldToCell(c.field, c.field.role === 'remarks' ? null : (example[c.field.key] ?? null));
    help.addRow([
      c.header,
      c.field.required ? '必填' : '',
      describe(c.field) + (c.field.personal ? '（个人信息，仅本单位台账使用，不进入报告）' : ''),
      ex instanceof Date ? ex.toISOString().slice(0, 10) : (ex ?? ''),
    ]);
  }
  help.addRow([]);
  const notes = [
    `1. 在“${def.label}”表中从第2行起逐行填写，一行一条记录；第1行表头请勿修改（可调整列的顺序，可删除不需要的非必填列）。`,
    `2. 第2行是示例（备注以“${EXAMPLE_MARK}”开头），导入时自动忽略。`,
    '3. 红色表头为必填列。下拉列可从列表中选择；日期请填写真实日期。',
    '4. 表格末尾的“合计”“总计”行和空行会自动跳过。',
    '5. 导入前会先预览：有问题的行会列出行号、列名和原因。全部无误后才会写入；也可选择跳过有问题的行。',
    '6. 导入前系统会自动备份现有数据。',
  ];
  for (const n of notes) help.addRow([n]).getCell(1).alignment = { wrapText: false };

  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  return { fileName: `${def.label}导入模板.xlsx`, bytes };
}
