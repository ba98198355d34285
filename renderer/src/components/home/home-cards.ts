// The registers as 首页 shows them: one card per register page (register-config.ts).
import type { Component } from 'vue';
import type { RegisterName } from '@shared/registers.ts';
import { REGISTER_PAGE_LIST } from '@/views/registers/register-config.ts';

export interface RegisterCard {
  register: RegisterName;
  title: string;
  unit: string;
  path: string;
  icon: Component;
  color: string;
}

export const REGISTER_CARDS: RegisterCard[] = REGISTER_PAGE_LIST.map((p) => ({
  register: p.def.name,
  title: p.def.label,
  unit: p.unit,
  path: p.path,
  icon: p.icon,
  color: p.color,
}));
