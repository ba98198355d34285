// The 检查文书 of one inspection after the 司法部's 行政检查文书基本格式文本（试行）(2025): 行政检查审批表,
// 现场检查笔录, 检查结果告知书 — and the year's 年度检查计划. Built as the 人民调解文书 are (shared
// case-doc-model blocks, rendered by cases/documents.ts): A4, 仿宋, the township's name, this inspection only.
import type { DocBlock, DocCell } from '../../shared/case-doc-model.ts';
import type { InspectionDocResult } from '../../shared/contract/enterprise.ts';
import { INSPECTION_DOC_KINDS, monthsText, type InspectionDocKind, type InspectionItem, type Officer, type PlanRow } from '../../shared/enterprise.ts';
import {
  INSPECTION_FIELDS,
  INSPECTION_OUTCOMES,
  INSPECTION_TYPES,
  labelOf,
  PENALTY_KINDS,
  PLAN_MANNERS,
  TARGET_TYPES,
  TASK_SOURCES,
} from '../../shared/enums.ts';
import type { Inspection } from '../../shared/records.ts';
import { chineseDate } from '../cases/documents.ts';

type Doc = InspectionDocResult['doc'];

const BLANK = '＿＿＿＿＿＿＿＿';
/** the full-width space of hand-written forms */
const SP = '\u3000';
const or = (s: string | null | undefined, blank = BLANK) => (s && s.trim() ? s.trim() : blank);
const cell = (text: string, extra: Partial<DocCell> = {}): DocCell => ({ text, ...extra });
const head = (text: string, extra: Partial<DocCell> = {}): DocCell => ({ text, align: 'center', ...extra });

export interface DocContext {
  /** 发文机关全称 (永安市小陶镇人民政府) */
  authority: string;
  items: readonly InspectionItem[];
  officers: readonly Officer[];
}

/** “张三（执法证号：35010001）” — the entry's certificate, else the one 设置 keeps for the name */
function officerLines(r: Inspection, ctx: DocContext): string[] {
  return r.inspectorList.map((p) => {
    const cert = p.certNo || ctx.officers.find((o) => o.name === p.name)?.certNo;
    return `${p.name}（执法证号：${cert || '无'}）`;
  });
}

function itemOf(r: Inspection, ctx: DocContext): { text: string; basis: string } {
  const item = r.itemCode ? ctx.items.find((i) => i.code === r.itemCode) : undefined;
  return { text: item ? `${item.name}（${item.code}）` : or(r.itemCode), basis: or(r.basis ?? item?.basis) };
}

const typeText = (r: Inspection) =>
  r.inspectionType ? `${labelOf(INSPECTION_TYPES, r.inspectionType)}${r.taskSource ? `（${labelOf(TASK_SOURCES, r.taskSource)}）` : ''}` : BLANK;

function approvalDoc(r: Inspection, ctx: DocContext): DocBlock[] {
  const item = itemOf(r, ctx);
  const officers = officerLines(r, ctx);
  const rows: DocCell[][] = [
    [head('检查对象'), cell(r.target, { span: 3 })],
    [head('统一社会信用代码'), cell(r.creditCode ?? ''), head('对象类型'), cell(labelOf(TARGET_TYPES, r.targetType) || '')],
    [head('检查类型'), cell(typeText(r)), head('执法领域'), cell(labelOf(INSPECTION_FIELDS, r.field))],
    [head('检查事项'), cell(item.text, { span: 3 })],
    [head('检查依据'), cell(item.basis, { span: 3, minLines: 2 })],
    [head('拟检查日期'), cell(chineseDate(r.date)), head('检查方式'), cell(r.mode === 'joint' ? '联合检查' : '现场检查')],
    [head('执法人员及\n执法证号'), cell(officers.join('\n') || '', { span: 3, minLines: Math.max(2, officers.length) })],
    [
      head('承办人意见'),
      cell(
        `拟于${chineseDate(r.date)}对${r.target}开展${item.text === BLANK ? '' : item.text}检查，请审批。\n\n承办人（签名）：${SP}${SP}${SP}${SP}${SP}${SP}${SP}年${SP}${SP}月${SP}${SP}日`,
        {
          span: 3,
          minLines: 4,
        },
      ),
    ],
    [
      head('审批意见'),
      cell(
        r.approvedBy || r.approvedOn
          ? `同意。\n\n审批人：${or(r.approvedBy, SP.repeat(4))}${SP}${SP}${SP}${SP}${chineseDate(r.approvedOn)}`
          : '\n\n审批人（签名）：　　　　　　　年　　月　　日',
        { span: 3, minLines: 4 },
      ),
    ],
  ];
  if (r.approvedOn && r.approvedOn > r.date) rows.push([head('备注'), cell('紧急情况，检查后补办审批手续。', { span: 3 })]);
  return [
    { t: 'para', text: ctx.authority, align: 'center', size: 'big' },
    { t: 'title', text: '行政检查审批表' },
    { t: 'para', text: `编号：${BLANK}`, align: 'right' },
    { t: 'table', widths: [22, 30, 18, 30], rows },
  ];
}

function recordDoc(r: Inspection, ctx: DocContext): DocBlock[] {
  const item = itemOf(r, ctx);
  const officers = officerLines(r, ctx);
  const found =
    r.issuesFound > 0
      ? `现场检查发现问题（隐患）${r.issuesFound}处${r.issuesRectified ? `，其中当场整改${r.issuesRectified}处` : ''}。`
      : '现场检查未发现问题。';
  const outcome = `处理：${labelOf(INSPECTION_OUTCOMES, r.outcome)}${r.outcome === 'penalty' && r.penaltyKind ? `（${labelOf(PENALTY_KINDS, r.penaltyKind)}）` : ''}。`;
  const blocks: DocBlock[] = [
    { t: 'para', text: ctx.authority, align: 'center', size: 'big' },
    { t: 'title', text: '现场检查笔录' },
    { t: 'para', text: `检查时间：${chineseDate(r.date)}${SP}${SP}时${SP}${SP}分至${SP}${SP}时${SP}${SP}分` },
    { t: 'para', text: `检查地点：${or(r.village ? `${r.village}，${r.target}经营场所` : null)}` },
    { t: 'para', text: `检查对象：${r.target}` },
    { t: 'para', text: `统一社会信用代码：${or(r.creditCode)}` },
    { t: 'para', text: `检查类型：${typeText(r)}${r.scanCode ? `${SP}${SP}扫码入企编号：${r.scanCode}` : ''}` },
    { t: 'para', text: '执法人员及执法证号：' },
    ...(officers.length ? officers : [BLANK, BLANK]).map((text): DocBlock => ({ t: 'para', text, indent: true })),
    { t: 'para', text: `检查事项：${item.text}` },
    { t: 'para', text: `检查依据：${item.basis}` },
    {
      t: 'para',
      text: '执法人员已出示执法证件，表明身份，告知被检查人本次检查的事项、依据，以及申请回避、陈述、申辩等权利和配合检查的义务。',
      indent: true,
    },
    { t: 'para', text: '检查情况：', bold: true },
    { t: 'para', text: found, indent: true },
  ];
  for (const line of (r.notes ?? '').split('\n').filter((l) => l.trim())) blocks.push({ t: 'para', text: line, indent: true });
  blocks.push({ t: 'para', text: outcome, indent: true });
  blocks.push({ t: 'gap', lines: 2 });
  blocks.push({ t: 'para', text: '被检查人或在场人员意见及签名：＿＿＿＿＿＿＿＿＿＿', signature: true });
  blocks.push({ t: 'para', text: '执法人员（签名）：＿＿＿＿＿＿　＿＿＿＿＿＿', signature: true });
  blocks.push({ t: 'para', text: '记录人（签名）：＿＿＿＿＿＿　　　　年　　月　　日', signature: true });
  return blocks;
}

function resultDoc(r: Inspection, ctx: DocContext): DocBlock[] {
  const item = itemOf(r, ctx);
  const what = item.text === BLANK ? '' : item.text.replace(/（[^）]*）$/, '');
  const result =
    r.outcome === 'no_issue'
      ? '本次检查未发现违法违规问题。'
      : r.outcome === 'rectification'
        ? `本次检查发现问题（隐患）${r.issuesFound}处，已责令你单位限期整改${r.issuesRectified ? `，目前已整改${r.issuesRectified}处` : ''}。请按要求落实整改，整改完成后及时报告。`
        : r.outcome === 'penalty'
          ? `本次检查发现违法行为，本机关已依法作出行政处罚${r.penaltyDecisionNo ? `（${r.penaltyDecisionNo}）` : ''}，处罚决定书另行送达。`
          : '本次检查发现的问题不属于本机关管辖，已依法移送有关部门处理。';
  return [
    { t: 'para', text: ctx.authority, align: 'center', size: 'big' },
    { t: 'title', text: '行政检查结果告知书' },
    { t: 'para', text: `编号：${BLANK}`, align: 'right' },
    { t: 'para', text: `${r.target}${r.creditCode ? `（统一社会信用代码：${r.creditCode}）` : ''}：` },
    {
      t: 'para',
      text: `本机关于${chineseDate(r.date)}依据${item.basis === BLANK ? '有关法律法规' : item.basis}，对你单位开展了${
        r.inspectionType ? labelOf(INSPECTION_TYPES, r.inspectionType) : '行政检查'
      }${what ? `（检查事项：${what}）` : ''}。现将检查结果告知如下：`,
      indent: true,
    },
    { t: 'para', text: result, indent: true },
    { t: 'para', text: '如对检查结果有异议，可自收到本告知书之日起五个工作日内向本机关提出陈述、申辩。', indent: true },
    { t: 'gap', lines: 3 },
    { t: 'para', text: `${ctx.authority}（印章）`, align: 'right' },
    { t: 'para', text: chineseDate(r.notifiedOn), align: 'right' },
    { t: 'gap', lines: 2 },
    { t: 'para', text: '被检查人签收：＿＿＿＿＿＿　　　　年　　月　　日', signature: true },
  ];
}

const safe = (s: string) => s.replace(/[\\/:*?"<>|\s]/g, '_').slice(0, 40);

export function buildInspectionDoc(r: Inspection, kind: InspectionDocKind, ctx: DocContext): Doc {
  const blocks = kind === 'approval' ? approvalDoc(r, ctx) : kind === 'record' ? recordDoc(r, ctx) : resultDoc(r, ctx);
  const title = INSPECTION_DOC_KINDS[kind];
  return { kind, title, fileName: `${r.date}-${safe(r.target)}-${title}.docx`, blocks };
}

export function buildPlanDoc(year: number, rows: readonly PlanRow[], ctx: DocContext): Doc {
  const table: DocCell[][] = [
    [head('序号'), head('检查事项'), head('执法领域'), head('检查依据'), head('检查对象范围'), head('实施月份'), head('计划次数'), head('检查方式')],
  ];
  rows.forEach((p, i) => {
    const item = ctx.items.find((it) => it.code === p.itemCode);
    table.push([
      head(String(i + 1)),
      cell(item ? item.name : p.itemCode),
      head(item?.field ? labelOf(INSPECTION_FIELDS, item.field) : ''),
      cell(item?.basis ?? ''),
      cell(p.scope ?? ''),
      head(monthsText(p.months)),
      head(p.planned == null ? '' : String(p.planned)),
      head(labelOf(PLAN_MANNERS, p.manner) || ''),
    ]);
  });
  if (!rows.length) table.push([cell('（尚未填写计划）', { span: 8, align: 'center', minLines: 2 })]);
  const caps = ctx.items.filter((it) => rows.some((p) => p.itemCode === it.code) && it.yearlyCap != null);
  const blocks: DocBlock[] = [
    { t: 'para', text: ctx.authority, align: 'center', size: 'big' },
    { t: 'title', text: `${year}年度涉企行政检查计划` },
    {
      t: 'para',
      text: `根据《国务院办公厅关于严格规范涉企行政检查的意见》（国办发〔2024〕54号），结合本级检查事项清单，制定${year}年度涉企行政检查计划如下。`,
      indent: true,
    },
    { t: 'table', widths: [5, 17, 9, 22, 16, 12, 8, 11], rows: table },
    { t: 'gap', lines: 1 },
    {
      t: 'para',
      text: `对同一企业的检查次数（日常检查、个案检查和本级部署的专项检查合计）不超过检查事项清单规定的年度上限${
        caps.length ? `（${caps.map((it) => `${it.name}每年${it.yearlyCap}次`).join('，')}）` : ''
      }；上级部署的专项检查按部署开展。能合并的检查合并进行，能联合的联合实施。`,
      indent: true,
    },
    { t: 'gap', lines: 2 },
    { t: 'para', text: ctx.authority, align: 'right' },
    { t: 'para', text: chineseDate(null), align: 'right' },
  ];
  return { kind: 'plan', title: `${year}年度涉企行政检查计划`, fileName: `${year}年度涉企行政检查计划.docx`, blocks };
}
