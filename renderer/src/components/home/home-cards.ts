// The four registers as 首页 shows them.
import { Briefcase, ChatLineRound, Collection, Reading } from '@element-plus/icons-vue';
import type { RegisterName } from '@shared/registers.ts';

export interface RegisterCard { register: RegisterName; title: string; unit: string; path: string; icon: unknown; color: string }

export const REGISTER_CARDS: RegisterCard[] = [
  { register: 'activities', title: '普法宣传活动', unit: '场', path: '/activities', icon: Reading, color: '#2f6fd6' },
  { register: 'mediationCases', title: '人民调解案件', unit: '件', path: '/mediation-cases', icon: ChatLineRound, color: '#1f9d6b' },
  { register: 'inspections', title: '行政执法检查', unit: '次', path: '/inspections', icon: Briefcase, color: '#d9822b' },
  { register: 'workItems', title: '其他法治工作', unit: '项', path: '/work-items', icon: Collection, color: '#7a5cc7' },
];
