// One list of register pages (register-config.ts REGISTER_PAGE_LIST) makes the router, the left
// menu and the 首页 cards: every register has exactly one of each, all at the same path.
// (Type-checked with the renderer: tsconfig.renderer.json; register-paths.test.ts checks that no
// other code spells a register's path.)
import { describe, expect, it } from 'vitest';
import { REGISTER_NAMES, REGISTERS, registerPath } from '@shared/registers.ts';
import { MENU, routes } from '@/router/routes.ts';
import { REGISTER_CARDS } from '@/components/home/home-cards.ts';
import { REGISTER_PAGES, REGISTER_PAGE_LIST } from '@/views/registers/register-config.ts';

describe('register pages: router, menu and 首页 from one list', () => {
  it('lists every register once', () => {
    expect(REGISTER_PAGE_LIST.map((p) => p.def.name).sort()).toEqual([...REGISTER_NAMES].sort());
    for (const r of REGISTER_NAMES) expect(REGISTER_PAGES[r].def).toBe(REGISTERS[r]);
  });

  it.each(REGISTER_NAMES)('%s has exactly one route, one menu entry and one 首页 card, at one path', (r) => {
    const page = REGISTER_PAGES[r];
    expect(page.path).toBe(registerPath(r));
    const own = routes.filter((x) => (x.props as { register?: string } | undefined)?.register === r);
    expect(own.map((x) => x.path)).toEqual([page.path]);
    expect(routes.filter((x) => x.path === page.path)).toHaveLength(1);
    expect(own[0]!.meta?.title).toBe(page.title);
    const menu = MENU.filter((m) => m.path === page.path);
    expect(menu).toEqual([{ path: page.path, label: page.title, icon: page.icon }]);
    const cards = REGISTER_CARDS.filter((c) => c.register === r);
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatchObject({ path: page.path, title: REGISTERS[r].label, icon: page.icon, unit: page.unit });
  });

  it('menu and cards keep the list order; the menu has each page once', () => {
    const registerMenu = MENU.filter((m) => REGISTER_PAGE_LIST.some((p) => p.path === m.path)).map((m) => m.path);
    expect(registerMenu).toEqual(REGISTER_PAGE_LIST.map((p) => p.path));
    expect(REGISTER_CARDS.map((c) => c.path)).toEqual(REGISTER_PAGE_LIST.map((p) => p.path));
    expect(new Set(MENU.map((m) => m.path)).size).toBe(MENU.length);
    expect(MENU[0]).toMatchObject({ path: '/', label: '首页' });
  });
});
