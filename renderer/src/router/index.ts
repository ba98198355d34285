// Hash history: works from file:// in Electron and from the web bridge alike.
import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router';
import type { RegisterName } from '@shared/registers.ts';

const RegisterPage = () => import('@/views/registers/RegisterPage.vue');

const register = (path: string, name: RegisterName, title: string): RouteRecordRaw => ({
  path,
  name,
  component: RegisterPage,
  props: { register: name },
  meta: { title },
});

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: () => import('@/views/home/HomePage.vue'), meta: { title: '首页' } },
  register('/activities', 'activities', '普法宣传'),
  register('/mediation-cases', 'mediationCases', '人民调解'),
  register('/inspections', 'inspections', '行政执法'),
  register('/work-items', 'workItems', '其他法治工作'),
  register('/disclosure-requests', 'disclosureRequests', '依申请公开'),
  { path: '/year-profile', name: 'yearProfile', component: () => import('@/views/years/YearProfilePage.vue'), meta: { title: '年度信息' } },
  { path: '/report', name: 'report', component: () => import('@/views/report/ReportPage.vue'), meta: { title: '年度报告' } },
  { path: '/openness-report', name: 'opennessReport', component: () => import('@/views/openness/OpennessReportPage.vue'), meta: { title: '政务公开年报' } },
  { path: '/exchange', name: 'exchange', component: () => import('@/views/exchange/ExchangePage.vue'), meta: { title: '数据交换' } },
  { path: '/settings', name: 'settings', component: () => import('@/views/settings/SettingsPage.vue'), meta: { title: '设置' } },
  { path: '/:pathMatch(.*)*', redirect: '/' },
];

export const router = createRouter({
  history: createWebHashHistory(),
  routes,
});

router.afterEach((to) => {
  const title = typeof to.meta.title === 'string' ? to.meta.title : '';
  document.title = title ? `${title} - 法治台账` : '法治台账';
});
