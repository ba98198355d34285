// 首页: record counts per register, reminders, charts.
import type { Locator } from 'playwright-core';
import type { RegisterName } from '../../../electron/shared/registers.ts';
import { PageObject } from './page-object.ts';

export class HomePageObject extends PageObject {
  async waitLoaded() {
    await this.page
      .getByRole('main')
      .getByRole('heading', { level: 2, name: /法治工作台账$/ })
      .waitFor();
    await this.page.getByTestId('home-cards').waitFor();
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

  reminder(text: string): Locator {
    return this.page.getByTestId('reminder').filter({ hasText: text });
  }
}
