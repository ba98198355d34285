// Composes the annual report from the year's statistics, the year profile and
// the township settings. Pure: no database access here.
import type {
  ReportModel, ReportParagraph, ReportSection, ReportTable, ReportWarning, YearStats,
} from '../../shared/contract/report.ts';
import { TRAINING_SUBKINDS, REVIEW_SUBKINDS, labelOf } from '../../shared/enums.ts';
import type { AppSettings, NarrativeKey, YearProfile } from '../../shared/records.ts';
import {
  amountOf, chineseNumeral, exact, formatChange, formatChineseDate, formatMoney, formatRate,
} from '../stats/number-style.ts';
import { MEDIATOR_TRAINING } from '../stats/year-stats.ts';

export interface ActivityRow { date: string; title: string; kind: string; village: string | null; place: string | null; audience: number }

export interface ComposeInput {
  stats: YearStats;
  profile: YearProfile;
  settings: AppSettings;
  /** today, YYYY-MM-DD (the 成文日期 when the profile has none) */
  today: string;
  /** data checks found before export (cases 调解中, impossible dates …) */
  dataWarnings?: ReportWarning[];
  /** rows of the 活动一览 appendix; no appendix when undefined */
  appendixActivities?: ActivityRow[];
}

const EMPTY_OTHER = '无。';

/** Lines of a clerk text, verbatim, blank lines dropped. */
export function narrativeLines(text: string | null | undefined): string[] {
  if (!text) return [];
  return text.replace(/\r\n?/g, '\n').split('\n').map((l) => l.trim()).filter((l) => l !== '');
}

const SUB_HEAD = /^(（[一二三四五六七八九十]+）、?[^。！？\n]{1,40}?[。！？])(.*)$/;
/** A clerk line; a leading 「（一）标题。」 becomes the 楷体 lead. */
function clerkParagraph(line: string, source: 'clerk' | 'draft'): ReportParagraph {
  const m = SUB_HEAD.exec(line);
  return m ? { lead: m[1], text: m[2], source } : { text: line, source };
}

/** Joins clauses into one sentence: 「a，b，c。」 */
const sentence = (clauses: (string | null | false | undefined)[]) => {
  const list = clauses.filter((c): c is string => !!c);
  return list.length ? `${list.join('，')}。` : '';
};
const list = (items: string[]) => items.join('、');

function disputeLabel(label: string): string {
  return /(纠纷|争议|事故)$/.test(label) ? label : `${label}纠纷`;
}

const KIND_UNITS: Record<string, string> = { bulletin: '期', column: '期', online: '次' };

function townParty(name: string): string {
  if (name.endsWith('街道')) return '街道党工委';
  const last = name.slice(-1);
  return /[镇乡]/.test(last) ? `${last}党委` : '党委';
}

function superiorPhrase(superior: string | null): string {
  if (!superior) return '上级党委、政府';
  const tail = superior.slice(-1);
  return /[市县区旗]/.test(tail) ? `${superior}委、${tail}政府` : `${superior}党委、政府`;
}

export function composeReport(input: ComposeInput): ReportModel {
  const { stats: s, profile, settings } = input;
  const year = s.year;
  const approx = settings.approximateNumbers;
  const n = (v: number) => amountOf(v, approx);
  const township = settings.township;
  const name = township?.name?.trim() || '本镇';
  const authority = township?.authority?.trim() || '';
  const w = (cat: string) => s.work[cat];
  const wc = (cat: string) => w(cat)?.count ?? 0;

  // ---- 一、主要举措和成效: subsections built from the data -----------------
  const subs: { title: string; text: string }[] = [];

  // 组织领导 / 学法
  {
    const training = w('training');
    const otherTraining = training?.bySubkind.filter((k) => k.subkind !== MEDIATOR_TRAINING) ?? [];
    const tCount = otherTraining.reduce((a, k) => a + k.count, 0);
    const tPeople = otherTraining.reduce((a, k) => a + k.participants, 0);
    const tKinds = otherTraining.map((k) => (k.subkind ? labelOf(TRAINING_SUBKINDS, k.subkind) : '')).filter(Boolean);
    const exam = w('exam');
    const clauses = [
      wc('meeting') > 0 && `召开法治政府建设专题会议${wc('meeting')}次，研究部署法治政府建设重点任务`,
      wc('study') > 0 && `组织领导干部集体学法${wc('study')}次${w('study')!.participants > 0 ? `、参学${n(w('study')!.participants)}人次` : ''}`,
      tCount > 0 && `开展${tKinds.length ? `${list(tKinds)}等` : ''}法治培训${tCount}次${tPeople > 0 ? `、培训${n(tPeople)}人次` : ''}`,
      exam && exam.count > 0 && `组织学法考试${exam.count}次${exam.participants > 0 ? `，参考${n(exam.participants)}人次，合格率${formatRate(exam.passed, exam.participants)}` : ''}`,
    ];
    const body = sentence(clauses);
    if (body) {
      subs.push({
        title: '加强组织领导，深入推进学法用法。',
        text: `${year}年，${name}党委、政府把法治政府建设摆在全局工作的突出位置，全年${body}领导干部尊法学法守法用法的意识和依法行政能力不断提升。`,
      });
    }
  }

  // 依法科学民主决策
  {
    const review = w('legal_review');
    const consult = w('advisor_consult');
    const clauses: string[] = [];
    if (review && review.count > 0) {
      const kinds = review.bySubkind.filter((k) => k.subkind);
      const kindText = kinds.map((k) => `${labelOf(REVIEW_SUBKINDS, k.subkind)}${k.count}份`);
      clauses.push(kinds.length === review.bySubkind.length && kinds.length === 1
        ? `全年对${kindText[0]}进行合法性审查`
        : `全年开展合法性审查${review.count}份${kindText.length ? `，其中${list(kindText)}` : ''}`);
      if (review.opinions > 0) clauses.push(`提出审查意见${n(review.opinions)}条`);
    }
    if (consult && consult.count > 0) {
      clauses.push(`在政府合同、文件审核等方面累计咨询法律顾问${consult.count}次${consult.opinions > 0 ? `，听取意见建议${n(consult.opinions)}条` : ''}`);
    }
    if (clauses.length) {
      subs.push({
        title: '坚持依法科学民主决策。',
        text: `严格落实重大行政决策合法性审查和法律顾问参与制度，${sentence(clauses)}行政决策的合法性和规范性进一步提升。`,
      });
    }
  }

  // 严格规范公正文明执法
  {
    const i = s.inspections;
    const clauses: string[] = [];
    if (profile.certifiedEnforcers != null) clauses.push(`全镇现有持证执法人员${profile.certifiedEnforcers}名`.replace('全镇', `全${name.slice(-1) === '道' ? '街道' : name.slice(-1)}`));
    if (profile.enforcementQuota != null || profile.enforcementActual != null) {
      clauses.push([
        profile.enforcementQuota != null && `综合执法机构编制${profile.enforcementQuota}人`,
        profile.enforcementActual != null && `实有${profile.enforcementActual}人`,
      ].filter(Boolean).join('、'));
    }
    const parts: string[] = [];
    if (clauses.length) parts.push(sentence(clauses));
    if (i.total > 0) {
      const change = formatChange(i.total, i.previousTotal);
      const fields = i.byField.slice(0, 4).map((f) => `${f.label}${f.count}次`);
      parts.push(sentence([
        `全年共开展行政检查${i.total}次${change ? `，${change}` : ''}`,
        i.byField.length > 1 && `其中${list(fields)}${i.byField.length > 4 ? '等' : ''}`,
        i.issuesFound > 0 && `发现问题${i.issuesFound}处，已整改${i.issuesRectified}处，整改率${formatRate(i.issuesRectified, i.issuesFound)}`,
        i.issuesFound === 0 && '未发现违法违规问题',
      ]));
      if (i.penalties > 0) {
        const pc = formatChange(i.penalties, i.previousPenalties);
        const kinds = i.penaltiesByKind.map((k) => `${k.label}${k.count}件`);
        parts.push(sentence([
          `依法作出行政处罚${i.penalties}件（${list(kinds)}）${i.penaltyAmount > 0 ? `，罚没金额${formatMoney(i.penaltyAmount)}` : ''}${pc ? `，${pc}` : ''}`,
        ]));
      }
      if (i.entrusted > 0) parts.push(`受委托开展执法检查${i.entrusted}次，严格在委托权限内依法实施。`);
    }
    if (wc('case_review') > 0) parts.push(`开展执法案卷评查${wc('case_review')}次，以评查促规范，执法案卷质量不断提升。`);
    if (parts.length) {
      subs.push({
        title: '严格规范公正文明执法。',
        text: `全面推行行政执法公示、执法全过程记录、重大执法决定法制审核“三项制度”。${parts.join('')}`,
      });
    }
  }

  // 普法宣传
  {
    const a = s.activities;
    if (a.total > 0) {
      const change = formatChange(a.total, a.previousTotal);
      const kinds = a.byKind.map((k) => `${k.label}${k.count}${KIND_UNITS[k.code] ?? '场次'}`);
      const reach = [
        a.schools > 0 && `走进学校${a.schools}所`,
        a.enterprises > 0 && `企业${a.enterprises}家`,
        a.villages > 0 && `覆盖村（社区）${a.villages}个`,
      ].filter(Boolean) as string[];
      const materials = [
        a.materials > 0 && `发放宣传资料${n(a.materials)}份`,
        a.banners > 0 && `悬挂横幅${n(a.banners)}条`,
        a.boards > 0 && `设置展板${n(a.boards)}块`,
        a.consultations > 0 && `解答群众咨询${n(a.consultations)}人次`,
        a.views > 0 && `线上阅读播放${n(a.views)}次`,
      ].filter(Boolean) as string[];
      let text = `深入落实“谁执法谁普法”普法责任制，${sentence([
        `全年累计开展普法宣传活动${a.total}场次${change ? `，${change}` : ''}`,
        a.byKind.length > 1 || (a.byKind[0] && a.byKind[0].code !== 'other') ? `其中${list(kinds)}` : null,
        reach.length ? list(reach) : null,
        materials.length ? list(materials) : null,
        a.audience > 0 && `受众${n(a.audience)}人次`,
      ])}`;
      if (a.occasions.length) {
        const shown = a.occasions.slice(0, 6).map((o) => `“${o.replace(/^[“"]|[”"]$/g, '')}”`);
        text += `紧扣${shown.join('、')}${a.occasions.length > 6 ? '等' : ''}重要时间节点开展主题宣传，`;
        text += '营造了尊法学法守法用法的浓厚氛围。';
      }
      if (profile.lawLiterates != null && profile.lawLiterates > 0) text += `培育“法律明白人”${profile.lawLiterates}名。`;
      subs.push({ title: '深入开展普法宣传，营造浓厚法治氛围。', text });
    } else if (profile.lawLiterates != null && profile.lawLiterates > 0) {
      subs.push({ title: '深入开展普法宣传，营造浓厚法治氛围。', text: `全年培育“法律明白人”${profile.lawLiterates}名。` });
    }
  }

  // 矛盾纠纷化解
  {
    const m = s.mediation;
    const parts: string[] = [];
    const setup = [
      profile.mediationCommittees != null && `人民调解委员会${profile.mediationCommittees}个`,
      profile.mediators != null && `人民调解员${profile.mediators}名`,
      profile.mediationRooms != null && `调解室${profile.mediationRooms}个`,
    ].filter(Boolean) as string[];
    if (setup.length) parts.push(`全${name.slice(-1) === '道' ? '街道' : name.slice(-1)}现有${list(setup)}。`);
    const mt = w('training')?.bySubkind.find((k) => k.subkind === MEDIATOR_TRAINING);
    const prep = [
      wc('screening') > 0 && `开展矛盾纠纷排查${wc('screening')}次`,
      mt && mt.count > 0 && `组织人民调解员培训${mt.count}期${mt.participants > 0 ? `、培训${n(mt.participants)}人次` : ''}`,
    ];
    if (prep.some(Boolean)) parts.push(`全年${sentence(prep)}`);
    if (m.total > 0) {
      const change = formatChange(m.total, m.previousTotal);
      const types = m.byType.slice(0, 3).map((t) => `${disputeLabel(t.label)}${t.count}件`);
      parts.push(sentence([
        `全年共受理矛盾纠纷${m.total}件${change ? `，${change}` : ''}`,
        m.byType.length > 0 && `其中${list(types)}${m.byType.length > 3 ? '等' : ''}`,
        m.success > 0 || m.closed > 0 ? `调解成功${m.success}件${m.successRate ? `，调解成功率${formatRate(m.successRate.numerator, m.successRate.denominator)}` : ''}` : null,
        m.inProgress > 0 && `另有${m.inProgress}件正在调解中`,
        (m.written > 0 || m.oral > 0) && `达成${list([m.written > 0 ? `书面协议${m.written}份` : '', m.oral > 0 ? `口头协议${m.oral}件` : ''].filter(Boolean))}`,
      ]));
    }
    if (parts.length) {
      subs.push({ title: '坚持和发展新时代“枫桥经验”，有效化解矛盾纠纷。', text: parts.join('') });
    }
  }

  // 政务公开
  if (wc('disclosure') > 0) {
    subs.push({
      title: '全面推进政务公开。',
      text: `严格落实《中华人民共和国政府信息公开条例》，全年通过政府网站、政务公开栏等渠道主动公开政府信息${wc('disclosure')}条，保障群众的知情权、参与权和监督权。`,
    });
  }

  // 行政复议和行政应诉 (a zero is stated)
  {
    const rec = wc('reconsideration');
    const lit = wc('litigation');
    const appeared = w('litigation')?.leaderAppeared ?? 0;
    const anyData = s.activities.total + s.mediation.total + s.inspections.total + Object.keys(s.work).length > 0;
    const text = rec === 0 && lit === 0
      ? (anyData ? '全年未发生行政复议、行政诉讼案件。' : null)
      : sentence([
        rec > 0 ? `全年办理行政复议案件${rec}件` : '全年未发生行政复议案件',
        lit > 0 ? `办理行政诉讼案件${lit}件${appeared > 0 ? `，行政机关负责人出庭应诉${appeared}次` : ''}` : '未发生行政诉讼案件',
      ]) + '依法履行复议答复和出庭应诉职责，尊重并执行生效裁判。';
    if (text) subs.push({ title: '依法做好行政复议和行政应诉工作。', text });
  }

  const measures: ReportSection = {
    key: 'measures',
    heading: `一、${year}年推进法治政府建设的主要举措和成效`,
    paragraphs: subs.length
      ? subs.map((x, k) => ({ lead: `（${chineseNumeral(k + 1)}）${x.title}`, text: x.text, source: 'data' as const }))
      : [{ text: `${year}年台账中尚无可统计的法治工作记录。`, source: 'draft' }],
    narrativeKey: null,
    narrative: null,
    draft: subs.length === 0,
  };

  // ---- 二、第一责任人 ---------------------------------------------------------
  const leaderFacts = sentence([
    wc('meeting') > 0 && `主持召开法治政府建设专题会议${wc('meeting')}次`,
    wc('study') > 0 && `带头参加集体学法${wc('study')}次`,
    (w('litigation')?.leaderAppeared ?? 0) > 0 && `出庭应诉${w('litigation')!.leaderAppeared}次`,
  ]);
  const leaderDraft = [
    `党政主要负责人认真履行推进法治建设第一责任人职责，坚持重要工作亲自部署、重大问题亲自过问、重点环节亲自协调、重要任务亲自督办，把法治建设纳入年度工作计划和领导班子述职内容，推动法治政府建设各项任务落到实处。`,
  ];
  const leader = narrativeSection('leaderDuties', `二、党政主要负责人履行推进法治建设第一责任人职责情况`, profile.narrative.leaderDuties, leaderDraft,
    leaderFacts ? [{ text: `全年，${name}党政主要负责人${leaderFacts}`, source: 'data' }] : []);

  // ---- 三、不足 ------------------------------------------------------------------
  const shortcomingDraft = draftShortcomings(s, name);
  const shortcomings = narrativeSection('shortcomings', '三、存在的不足和原因', profile.narrative.shortcomings, shortcomingDraft);

  // ---- 四、下一年安排 ------------------------------------------------------------
  const plan = narrativeSection('nextYearPlan', `四、${year + 1}年推进法治政府建设的主要安排`, profile.narrative.nextYearPlan, [
    `一是深入学习贯彻习近平法治思想。把习近平法治思想纳入党委理论学习中心组学习和干部教育培训的重要内容，健全领导干部集体学法制度，不断提升依法行政能力。`,
    `二是推进依法科学民主决策。严格落实重大行政决策程序，充分发挥法律顾问作用，做到合法性审查应审尽审。`,
    `三是严格规范公正文明执法。全面落实行政执法“三项制度”，加强执法人员培训和执法案卷评查，提升执法规范化水平。`,
    `四是深化法治宣传教育和矛盾纠纷化解。落实“谁执法谁普法”普法责任制，坚持和发展新时代“枫桥经验”，把矛盾纠纷化解在基层。`,
  ]);

  // ---- 五、其他 ------------------------------------------------------------------
  const otherLines = narrativeLines(profile.narrative.other);
  const other: ReportSection = {
    key: 'other', heading: '五、其他需要报告的情况',
    paragraphs: otherLines.length ? otherLines.map((l) => clerkParagraph(l, 'clerk')) : [{ text: EMPTY_OTHER, source: 'fixed' }],
    narrativeKey: 'other', narrative: profile.narrative.other ?? null, draft: false,
  };

  // ---- opening -------------------------------------------------------------------
  const opening = narrativeSection('intro', '', profile.narrative.intro, [
    `${year}年，${name}坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，在${superiorPhrase(township?.superior ?? null)}和${townParty(name)}的坚强领导下，认真落实法治政府建设各项任务，法治政府建设取得新成效。现将${year}年法治政府建设情况报告如下：`,
  ]);

  // ---- appendix --------------------------------------------------------------------
  const appendix = input.appendixActivities ? appendixTables(s, input.appendixActivities) : [];

  const sections = [measures, leader, shortcomings, plan, other];
  const dataW = input.dataWarnings ?? [];
  const warnings: ReportWarning[] = dataW.filter((x) => x.code === 'no_records');
  if (!authority) warnings.push({ code: 'no_authority', message: '尚未设置发文机关全称，标题和落款将空缺。请在“设置”中填写乡镇信息。' });
  warnings.push(...dataW.filter((x) => x.code !== 'no_records'));
  for (const sec of [opening, ...sections]) {
    if (sec.draft) {
      warnings.push({
        code: 'draft_text', target: sec.key,
        message: `${sec.heading ? `“${sec.heading}”` : '开头段'}仍是系统生成的草稿，请修改确认后再报送。`,
      });
    }
  }

  const titleRest = `关于${year}年法治政府建设情况的报告`;
  const titleLines = !authority ? [titleRest] : (authority.length + titleRest.length <= 20 ? [`${authority}${titleRest}`] : [authority, titleRest]);
  const reportDate = profile.reportDate;
  return {
    year,
    townshipName: township?.name?.trim() || '',
    authority,
    titleLines,
    title: titleLines.join(''),
    opening,
    sections,
    appendixNote: appendix.length
      ? appendix.map((t, k) => `${k === 0 ? '附件：' : '　　　'}${appendix.length > 1 ? `${k + 1}.` : ''}${t.title}`)
      : [],
    signature: authority,
    date: formatChineseDate(reportDate ?? input.today),
    dateSource: reportDate ? 'profile' : 'today',
    appendix,
    warnings,
    approximateNumbers: approx,
    fileName: reportFileName(township?.name?.trim() || '', year),
  };
}

export function reportFileName(name: string, year: number): string {
  return `${name}${year}年法治政府建设情况报告.docx`;
}

function narrativeSection(
  key: NarrativeKey, heading: string, text: string | null, draft: string[], lead: ReportParagraph[] = [],
): ReportSection {
  const lines = narrativeLines(text);
  return {
    key,
    heading,
    paragraphs: [
      ...lead,
      ...(lines.length ? lines.map((l) => clerkParagraph(l, 'clerk')) : draft.map((l) => clerkParagraph(l, 'draft'))),
    ],
    narrativeKey: key,
    narrative: text ?? null,
    draft: lines.length === 0,
  };
}

function draftShortcomings(s: YearStats, name: string): string[] {
  const points: string[] = [];
  const fall = (cur: number, prev: number | null) => prev != null && cur < prev;
  if (fall(s.activities.total, s.activities.previousTotal)) {
    points.push(`普法宣传力度有所减弱。全年开展普法宣传活动${s.activities.total}场次，较上年减少${s.activities.previousTotal! - s.activities.total}场次，普法形式创新不够，针对性和实效性有待提升。`);
  }
  if (fall(s.inspections.total, s.inspections.previousTotal)) {
    points.push(`行政执法检查频次下降。全年开展行政检查${s.inspections.total}次，较上年减少${s.inspections.previousTotal! - s.inspections.total}次，执法力量和专业能力仍显不足。`);
  }
  const rate = s.mediation.successRate;
  if (rate && rate.numerator / rate.denominator < 0.9) {
    points.push(`矛盾纠纷化解质效有待提升。全年调解成功率为${formatRate(rate.numerator, rate.denominator)}，部分复杂疑难纠纷化解不够及时。`);
  }
  const ir = s.inspections.rectificationRate;
  if (ir && ir.numerator < ir.denominator) {
    points.push(`问题整改还不到位。检查发现的${ir.denominator}处问题中仍有${ir.denominator - ir.numerator}处未完成整改，跟踪督办有待加强。`);
  }
  if (points.length < 2) points.push('基层法治工作力量相对薄弱。法治工作人员多为兼职，专业法律知识和依法行政能力与新形势新要求相比仍有差距。');
  if (points.length < 3) points.push(`法治宣传教育的覆盖面和吸引力有待提升。${name}普法形式仍以发放资料、集中宣传为主，群众参与的主动性不够。`);
  return points.map((p, k) => `${['一', '二', '三', '四', '五', '六'][k]}是${p}`);
}

function appendixTables(s: YearStats, activities: ActivityRow[]): ReportTable[] {
  const tables: ReportTable[] = [];
  let k = 0;
  const label = () => `附件${++k}`;
  if (activities.length) {
    tables.push({
      key: 'activities', label: label(), title: `${s.year}年普法宣传活动一览`,
      columns: ['序号', '日期', '活动名称', '形式', '地点', '受众（人次）'],
      rows: activities.map((a, idx) => [
        String(idx + 1), a.date, a.title, a.kind, a.place || a.village || '', exact(a.audience),
      ]),
      total: ['合计', '', `${activities.length}场次`, '', '', exact(s.activities.audience)],
    });
  }
  if (s.mediation.total > 0) {
    tables.push({
      key: 'disputes', label: label(), title: `${s.year}年矛盾纠纷分类统计`,
      columns: ['纠纷类型', '受理（件）', '调解成功（件）', '调解成功率'],
      rows: s.mediation.byType.map((t) => [disputeLabel(t.label), exact(t.count), exact(t.success), formatRate(t.success, t.closed) ?? '—']),
      total: ['合计', exact(s.mediation.total), exact(s.mediation.success),
        s.mediation.successRate ? formatRate(s.mediation.successRate.numerator, s.mediation.successRate.denominator)! : '—'],
    });
  }
  if (s.inspections.total > 0) {
    const i = s.inspections;
    tables.push({
      key: 'inspections', label: label(), title: `${s.year}年行政执法检查统计`,
      columns: ['执法领域', '检查（次）', '发现问题（处）', '已整改（处）', '行政处罚（件）'],
      rows: i.byField.map((f) => [f.label, exact(f.count), exact(f.issuesFound), exact(f.issuesRectified), exact(f.penalties)]),
      total: ['合计', exact(i.total), exact(i.issuesFound), exact(i.issuesRectified), exact(i.penalties)],
    });
  }
  return tables;
}
