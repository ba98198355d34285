// Every page of the app. A register page's route comes from its entry in REGISTER_PAGE_LIST
// (path, title, icon), so a register is described once; `meta.icon` puts a route in the menu.
import type { Component } from 'vue';
import type { RouteRecordRaw } from 'vue-router';
import { Calendar, DataAnalysis, Document, HomeFilled, Setting, Sort, View } from '@element-plus/icons-vue';
import { REGISTER_PAGE_LIST } from '@/views/registers/register-config.ts';

declare module 'vue-router' {
  interface RouteMeta {
    /** the page title (header, window title) and, with an icon, the menu label */
    title?: string;
    /** shown in the menu, with this icon */
    icon?: Component;
  }
}

const RegisterPage = () => import('@/views/registers/RegisterPage.vue');

const registerRoutes: RouteRecordRaw[] = REGISTER_PAGE_LIST.map((p) => ({
  path: p.path,
  name: p.def.name,
  component: RegisterPage,
  props: { register: p.def.name },
  meta: { title: p.title, icon: p.icon },
}));

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: () => import('@/views/home/HomePage.vue'), meta: { title: '首页', icon: HomeFilled } },
  ...registerRoutes,
  {
    path: '/mediation-stats',
    name: 'mediationStats',
    component: () => import('@/views/mediation-stats/MediationStatsPage.vue'),
    meta: { title: '调解统计', icon: DataAnalysis },
  },
  { path: '/year-profile', name: 'yearProfile', component: () => import('@/views/years/YearProfilePage.vue'), meta: { title: '年度信息', icon: Calendar } },
  { path: '/report', name: 'report', component: () => import('@/views/report/ReportPage.vue'), meta: { title: '年度报告', icon: Document } },
  {
    path: '/openness-report',
    name: 'opennessReport',
    component: () => import('@/views/openness/OpennessReportPage.vue'),
    meta: { title: '政务公开年报', icon: View },
  },
  {
    path: '/enforcement-data',
    name: 'enforcementData',
    component: () => import('@/views/enforcement/EnforcementDataPage.vue'),
    meta: { title: '行政执法数据', icon: DataAnalysis },
  },
  { path: '/exchange', name: 'exchange', component: () => import('@/views/exchange/ExchangePage.vue'), meta: { title: '数据交换', icon: Sort } },
  { path: '/settings', name: 'settings', component: () => import('@/views/settings/SettingsPage.vue'), meta: { title: '设置', icon: Setting } },
  { path: '/:pathMatch(.*)*', redirect: '/' },
];

export interface MenuEntry {
  path: string;
  label: string;
  icon: Component;
}

/** The left menu: the routes with an icon, in route order. */
export const MENU: MenuEntry[] = routes.flatMap((r) => (r.meta?.icon && r.meta.title ? [{ path: r.path, label: r.meta.title, icon: r.meta.icon }] : []));
