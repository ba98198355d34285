// A realistic demo year: activities on the usual 时间节点, mediation cases
// spread over the months, inspections with a few penalties, and the other work.
// Names are made up; the same seed gives the same year.
import { randomUUID } from 'node:crypto';
import type { RegisterName } from '../../shared/registers.ts';
import { REGISTER_NAMES, REGISTERS } from '../../shared/registers.ts';
import { isoNow, type CoreContext } from '../context.ts';
import { getSettings, updateSettings } from '../settings/settings.ts';
import { profileExists, saveProfile } from '../years/year-profiles.ts';
import { createRecord } from '../registers/service.ts';
import { AppError } from '../util/errors.ts';
import { dateColumn } from '../registers/repository.ts';
import { prepared } from '../db/statements.ts';
import { markDemo } from './demo-marks.ts';

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 0x100000000;
  };
}

const VILLAGES = ['清河村', '石桥村', '柳湾村', '东岗村', '西坪村', '梨园村', '杨家湾村', '新街社区', '河滨社区', '松林村', '白沙村', '龙潭村'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高'.split('');
const GIVEN = ['建国', '秀英', '桂兰', '志强', '海燕', '德明', '春梅', '国华', '丽娟', '永红', '小军', '玉兰', '文斌', '金凤', '宏伟'];
const MEDIATORS = ['钱卫东', '孙丽萍', '周德才', '吴春霞', '郑国庆', '冯晓梅'];
const SCHOOLS = ['清河镇中心小学', '清河中学', '石桥小学', '柳湾小学'];
const COMPANIES = ['恒达建材有限公司', '绿源农业合作社', '金穗米业有限公司', '顺发物流有限公司', '宏图机械厂', '鑫源食品厂'];
const SHOPS = ['惠民超市', '李记餐馆', '老街药店', '顺心农资店', '福满楼酒家', '小镇烟花爆竹店'];

interface Occasion {
  month: number;
  day: number;
  name: string;
  laws: string[];
  title: string;
}
const OCCASIONS: Occasion[] = [
  { month: 3, day: 15, name: '3·15', laws: ['消费者权益保护法'], title: '“3·15”消费者权益日普法宣传' },
  { month: 4, day: 15, name: '4·15', laws: ['国家安全法'], title: '全民国家安全教育日宣传活动' },
  { month: 5, day: 12, name: '民法典宣传月', laws: ['民法典'], title: '“美好生活·民法典相伴”主题宣传' },
  { month: 6, day: 26, name: '6·26', laws: ['禁毒法'], title: '“6·26”国际禁毒日宣传' },
  { month: 9, day: 20, name: '', laws: ['反电信网络诈骗法'], title: '反电信网络诈骗进村入户宣传' },
  { month: 12, day: 2, name: '宪法宣传周', laws: ['宪法'], title: '“宪法宣传周”集中宣传活动' },
  { month: 12, day: 4, name: '国家宪法日', laws: ['宪法'], title: '“12·4”国家宪法日宣传活动' },
];

const pad = (n: number) => String(n).padStart(2, '0');

export function generateDemoYear(ctx: CoreContext, year: number, seed = year): Record<RegisterName, number> {
  for (const def of Object.values(REGISTERS)) {
    const col = dateColumn(def);
    const n = (
      prepared(ctx.db, `SELECT COUNT(*) AS n FROM ${def.table} WHERE ${col} >= ? AND ${col} < ?`).get(`${year}-01-01`, `${year + 1}-01-01`) as { n: number }
    ).n;
    if (n > 0) throw new AppError('conflict', `${year}年已有台账记录，示例数据只能生成到空白年度`);
  }
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const date = (month = int(1, 12), day = int(1, 28)) => `${year}-${pad(month)}-${pad(day)}`;
  const person = () => pick(SURNAMES) + pick(GIVEN);
  const counts = Object.fromEntries(REGISTER_NAMES.map((n) => [n, 0])) as Record<RegisterName, number>;
  const add = (name: RegisterName, rec: Record<string, unknown>) => {
    const created = createRecord(ctx, name, { id: randomUUID(), ...rec }, 'demo');
    markDemo(ctx.db, name, created.id);
    counts[name]++;
  };

  ctx.db
    .transaction(() => {
      if (!getSettings(ctx.db).township) {
        updateSettings(ctx.db, { township: { name: '清河镇', authority: '临江县清河镇人民政府', superior: '临江县' } });
      }
      const dept = { 党政办: '党政办', 司法所: '司法所', 执法: '综合执法大队' };

      for (const o of OCCASIONS) {
        add('activities', {
          date: date(o.month, o.day),
          title: o.title,
          kind: 'campaign',
          venue: pick(['village', 'community']),
          place: '镇政府广场',
          village: pick(VILLAGES),
          occasion: o.name || null,
          laws: o.laws,
          audience: int(150, 600),
          materials: int(300, 1200),
          banners: int(2, 8),
          boards: int(4, 12),
          consultations: int(20, 80),
          organizer: '清河镇司法所',
          department: dept.司法所,
        });
      }
      for (let i = 0; i < 10; i++) {
        const school = i < 5;
        add('activities', {
          date: date(),
          title: school ? '法治进校园专题讲座' : '法治进企业讲座',
          kind: 'lecture',
          venue: school ? 'school' : 'enterprise',
          place: school ? pick(SCHOOLS) : pick(COMPANIES),
          laws: school ? ['未成年人保护法', '预防未成年人犯罪法'] : ['安全生产法', '劳动合同法'],
          audience: int(40, 300),
          materials: int(50, 200),
          department: dept.司法所,
        });
      }
      for (let i = 0; i < 14; i++) {
        const village = pick(VILLAGES);
        add('activities', {
          date: date(),
          title: `${village}“法律明白人”院坝普法会`,
          kind: 'meeting',
          venue: 'village',
          village,
          laws: [pick(['民法典', '土地管理法', '反电信网络诈骗法', '人民调解法'])],
          audience: int(30, 120),
          materials: int(40, 150),
          banners: int(0, 2),
          consultations: int(5, 30),
          department: dept.司法所,
        });
      }
      for (let m = 1; m <= 12; m += 1) {
        add('activities', {
          date: date(m, int(5, 25)),
          title: `“清河普法”公众号第${m}期推送`,
          kind: 'online',
          venue: 'network',
          views: int(800, 3000),
          department: dept.党政办,
        });
      }

      const types = [
        'marriage_family',
        'neighbor',
        'neighbor',
        'housing_homestead',
        'housing_homestead',
        'contract',
        'damages',
        'land_forest',
        'labor',
        'traffic',
        'consumer',
        'other',
      ] as const;
      const causes: Record<string, string> = {
        marriage_family: '赡养费用',
        neighbor: '排水通行',
        housing_homestead: '宅基地界址',
        contract: '工程款结算',
        damages: '财产损害',
        land_forest: '山林权属',
        labor: '工钱结算',
        traffic: '车辆剐蹭',
        consumer: '商品质量',
        other: '其他事项',
      };
      for (let i = 1; i <= 126; i++) {
        const type = pick(types);
        const accepted = date(int(1, 12), int(1, 26));
        const open = accepted >= `${year}-12-10` || r() < 0.02;
        const success = !open && r() < 0.96;
        const a = person();
        const b = person();
        const closeDay = Math.min(28, Number(accepted.slice(8)) + int(0, 2));
        add('mediationCases', {
          caseNo: `清河调〔${year}〕${i}号`,
          acceptedOn: accepted,
          closedOn: open ? null : `${accepted.slice(0, 8)}${pad(closeDay)}`,
          type,
          source: pick(['active', 'active', 'application', 'referral']),
          village: pick(VILLAGES),
          committee: '清河镇人民调解委员会',
          mediator: pick(MEDIATORS),
          parties: `${a}、${b}`,
          partyCount: 2,
          summary: `${a}与${b}因${causes[type]}发生纠纷`,
          partyList: [
            {
              role: 'applicant',
              name: a,
              gender: pick(['male', 'female']),
              ethnicity: '汉族',
              occupation: '农民',
              address: `清河镇${pick(VILLAGES)}`,
              phone: `13${int(100000000, 999999999)}`,
            },
            {
              role: 'respondent',
              name: b,
              gender: pick(['male', 'female']),
              ethnicity: '汉族',
              occupation: '农民',
              address: `清河镇${pick(VILLAGES)}`,
              phone: `15${int(100000000, 999999999)}`,
            },
          ],
          facts: `${a}与${b}因${causes[type]}问题产生争议，双方多次协商未果，${a}向调委会申请调解。`,
          status: open ? 'in_progress' : success ? 'success' : 'failed',
          ...(success && r() < 0.4
            ? {
                agreement: 'written',
                agreementTerms: `一、${b}于协议签订之日起十日内解决${causes[type]}问题。\n二、双方今后不再就此事发生争执。`,
                performance: '协议签订后十日内当面履行',
                copies: 3,
              }
            : { agreement: success ? 'oral' : null }),
          ...(success && r() < 0.8
            ? {
                followUps: [
                  {
                    date: `${accepted.slice(0, 8)}${pad(Math.min(28, closeDay + int(0, 3)))}`,
                    by: pick(MEDIATORS),
                    performed: '已按协议履行',
                    opinion: '满意',
                  },
                ],
              }
            : {}),
          amount: success && r() < 0.6 ? int(500, 50000) : null,
          judicialConfirmation: success && r() < 0.05,
          department: dept.司法所,
        });
      }

      const fields = ['work_safety', 'work_safety', 'fire', 'food', 'environment', 'construction', 'river', 'market'] as const;
      for (let i = 1; i <= 44; i++) {
        const field = pick(fields);
        const found = r() < 0.3 ? 0 : int(1, 4);
        const penalty = found > 0 && r() < 0.12;
        const fixed = penalty ? int(0, found) : Math.max(0, found - (r() < 0.15 ? 1 : 0));
        add('inspections', {
          date: date(),
          field,
          mode: pick(['routine', 'routine', 'special', 'joint']),
          target: pick([...COMPANIES, ...SHOPS]),
          targetType: r() < 0.5 ? 'enterprise' : 'individual',
          village: pick(VILLAGES),
          inspectors: `执法证号 ${int(10000, 99999)}、${int(10000, 99999)}`,
          entrusted: r() < 0.15,
          issuesFound: found,
          issuesRectified: fixed,
          outcome: penalty ? 'penalty' : found > 0 ? 'rectification' : 'no_issue',
          penaltyDecisionNo: penalty ? `清综执罚〔${year}〕${i}号` : null,
          penaltyKind: penalty ? pick(['fine', 'fine', 'warning']) : null,
          penaltyAmount: penalty ? int(5, 50) * 100 : null,
          penaltyLegalReview: penalty,
          department: dept.执法,
        });
      }

      const work: [string, string, number, Record<string, unknown>][] = [
        ['study', '党委理论学习中心组集体学法', 6, { participants: 18 }],
        ['study', '政府常务会议会前学法', 8, { participants: 15 }],
        ['meeting', '法治政府建设专题会议', 2, {}],
        ['training', '村（社区）“法律明白人”培训', 2, { subkind: 'volunteers', participants: 120 }],
        ['training', '人民调解员业务培训', 3, { subkind: 'mediators', participants: 45 }],
        ['training', '行政执法人员业务培训', 2, { subkind: 'enforcers', participants: 30 }],
        ['exam', '领导干部年度学法考试', 1, { participants: 86, passed: 85 }],
        ['legal_review', '合同合法性审查', 9, { subkind: 'contract', opinions: 2 }],
        ['legal_review', '规范性文件合法性审查', 2, { subkind: 'normative', opinions: 3 }],
        ['legal_review', '重大行政决策合法性审查', 1, { subkind: 'decision', opinions: 4 }],
        ['advisor_consult', '法律顾问参与信访化解、合同谈判', 10, { opinions: 3 }],
        ['screening', '矛盾纠纷集中排查', 12, {}],
        ['case_review', '行政执法案卷评查', 2, {}],
        ['disclosure', '政府信息主动公开', 4, { count: 30 }],
      ];
      for (const [category, title, times, extra] of work) {
        for (let i = 0; i < times; i++) {
          const { count, ...rest } = extra as { count?: number };
          add('workItems', {
            date: category === 'screening' ? date(i + 1, int(1, 10)) : date(),
            category,
            title,
            count: count ?? 1,
            ...rest,
            department: category === 'screening' || category === 'training' ? dept.司法所 : dept.党政办,
          });
        }
      }

      // 矛盾纠纷排查 (schema 22): the month's township-wide round, as the 排查 work items above say
      // (12 a year: the report's 排查 figure is the same either way)
      for (let m = 1; m <= 12; m++) {
        const found = int(2, 9);
        add('screenings', {
          date: date(m, int(1, 10)),
          village: null,
          committee: '镇人民调解委员会',
          found,
          prevented: int(0, found),
          preventedCriminal: m % 5 === 0 ? 1 : 0,
          preventedPetition: m % 4 === 0 ? 1 : 0,
          department: dept.司法所,
        });
      }

      // 依申请公开: a few requests a year, as a township receives them; one still open at year end
      const requests: [string, string, string | null, number][] = [
        ['natural', '申请公开本村宅基地审批情况', 'disclosed', 12],
        ['natural', '申请公开低保评审名单及依据', 'partial', 15],
        ['business', '申请公开镇区道路改造工程招标文件', 'disclosed', 9],
        ['natural', '申请公开他人房屋登记信息', 'withheld_third_party', 14],
        ['natural', '申请公开某项目内部讨论记录', 'withheld_process', 18],
        ['legal_service', '申请公开征地补偿标准文件', 'unavailable_not_held', 10],
        ['natural', '申请公开上述宅基地审批情况（重复申请）', 'rejected_repeat', 3],
        ['natural', '申请公开村集体资金收支明细', null, 0],
      ];
      requests.forEach(([applicantType, subject, result, days], k) => {
        const received = k === requests.length - 1 ? date(12, int(20, 28)) : date(int(2, 11), int(1, 20));
        const replied = new Date(`${received}T00:00:00Z`);
        replied.setUTCDate(replied.getUTCDate() + days + 2 * Math.floor(days / 5));
        add('disclosureRequests', {
          receivedOn: received,
          applicantType,
          applicant: person(),
          subject,
          channel: pick(['in_person', 'mail', 'online']),
          result,
          resultOn: result ? replied.toISOString().slice(0, 10) : null,
          department: dept.党政办,
        });
      });

      if (!profileExists(ctx.db, year)) {
        saveProfile(
          ctx.db,
          {
            year,
            mediationCommittees: 13,
            mediators: 52,
            mediationRooms: 13,
            certifiedEnforcers: 16,
            enforcementQuota: 12,
            enforcementActual: 10,
            lawLiterates: 96,
            openness: { normativeIssued: 2, normativeRepealed: 1, normativeInForce: 6, licenses: 0, coercions: 1, feesWan: 0 },
            narrative: {
              shortcomings: `一是法治宣传形式还不够丰富，针对外出务工人员、老年人等群体的普法还需加强。\n二是综合执法队伍力量不足，实有人员少于编制，执法人员专业化水平有待提高。\n三是部分村（社区）矛盾纠纷排查不够及时，源头化解能力仍需提升。`,
              nextYearPlan: `（一）深入学习贯彻习近平法治思想，坚持党政主要负责人履行推进法治建设第一责任人职责。\n（二）规范综合执法，全面落实行政执法“三项制度”，加强执法人员培训。\n（三）创新普法形式，深化“法律明白人”培养工程，推进“八五”普法规划落实。\n（四）坚持和发展新时代“枫桥经验”，做实矛盾纠纷多元化解。`,
            },
          },
          isoNow(ctx),
        );
      }
    })
    .immediate();
  return counts;
}
