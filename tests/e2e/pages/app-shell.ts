// The layout around every page: the menu, the year selector, toasts and confirm boxes.
// goto() returns the page object of the page it opens.
import type { Locator, Page } from 'playwright-core';
import type { RegisterName } from '../../../electron/shared/registers.ts';
import { ExchangePageObject } from './exchange-page.ts';
import { HomePageObject } from './home-page.ts';
import { OpennessPageObject } from './openness-page.ts';
import { EnforcementPageObject } from './enforcement-page.ts';
import { RegisterPageObject } from './register-page.ts';
import { ReportPageObject } from './report-page.ts';
import { SettingsPageObject } from './settings-page.ts';
import { confirmBox, expectSuccess, pickOption } from './widgets.ts';
import { YearProfilePageObject } from './year-profile-page.ts';
import { PageObject } from './page-object.ts';

const REGISTER_MENU = {
  普法宣传: 'activities',
  人民调解: 'mediationCases',
  行政执法: 'inspections',
  其他法治工作: 'workItems',
  依申请公开: 'disclosureRequests',
  矛盾纠纷排查: 'screenings',
} as const satisfies Record<string, RegisterName>;
export type RegisterMenu = keyof typeof REGISTER_MENU;

const PAGES = {
  首页: (p: Page) => new HomePageObject(p),
  ...(Object.fromEntries(Object.entries(REGISTER_MENU).map(([label, name]) => [label, (p: Page) => new RegisterPageObject(p, name)])) as {
    [L in RegisterMenu]: (p: Page) => RegisterPageObject;
  }),
  年度信息: (p: Page) => new YearProfilePageObject(p),
  年度报告: (p: Page) => new ReportPageObject(p),
  政务公开年报: (p: Page) => new OpennessPageObject(p),
  行政执法数据: (p: Page) => new EnforcementPageObject(p),
  数据交换: (p: Page) => new ExchangePageObject(p),
  设置: (p: Page) => new SettingsPageObject(p),
};
export type MenuLabel = keyof typeof PAGES;
export type PageFor<L extends MenuLabel> = ReturnType<(typeof PAGES)[L]>;

export class AppShell extends PageObject {
  /** the app is up: the menu is there */
  async waitReady(): Promise<this> {
    await this.menu.waitFor();
    return this;
  }

  get menu(): Locator {
    return this.page.getByRole('menubar');
  }

  menuItem(label: MenuLabel): Locator {
    return this.menu.getByRole('menuitem', { name: label, exact: true });
  }

  /** opens a page from the menu and returns its page object, loaded */
  async goto<L extends MenuLabel>(label: L): Promise<PageFor<L>> {
    await this.menuItem(label).click();
    const target = PAGES[label](this.page) as PageFor<L>;
    await target.waitLoaded();
    return target;
  }

  /** the register page of a menu entry (without navigating) */
  register(label: RegisterMenu): RegisterPageObject {
    return new RegisterPageObject(this.page, REGISTER_MENU[label]);
  }

  get township(): Locator {
    return this.page.getByTestId('brand-township');
  }

  yearLabel(): Locator {
    return this.page.getByTestId('year-select');
  }

  async selectYear(year: number) {
    await pickOption(this.page, this.yearLabel(), `${year}年`);
  }

  /** waits for a success toast containing the text */
  async expectSuccess(text: string) {
    await expectSuccess(this.page, text);
  }

  /** clicks a button of the open confirm box */
  async confirmBox(button: string) {
    await confirmBox(this.page, button);
  }

  /** picks an option of an Element Plus select by its Chinese label */
  async pickOption(select: Locator, label: string) {
    await pickOption(this.page, select, label);
  }
}
