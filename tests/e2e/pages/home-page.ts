// 首页: record counts per register.
import type { Locator, Page } from 'playwright-core';
import type { RegisterName } from '../../../electron/shared/registers.ts';

export class HomePageObject {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  card(register: RegisterName): Locator {
    return this.page.getByTestId(`card-${register}`);
  }

  async count(register: RegisterName): Promise<number> {
    return Number(await this.card(register).getByTestId('count').innerText());
  }

  get hints(): Locator {
    return this.page.getByTestId('home-hints');
  }
}
