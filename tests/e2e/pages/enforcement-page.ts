// 行政执法数据: the five tables, the agreement checks, the 总体情况 texts, export.
import type { Locator } from 'playwright-core';
import { PageObject } from './page-object.ts';

export class EnforcementPageObject extends PageObject {
  async waitLoaded() {
    await this.page
      .getByRole('main')
      .getByRole('heading', { level: 2, name: /行政执法数据/ })
      .first()
      .waitFor();
  }

  get checks(): Locator {
    return this.page.getByTestId('enforcement-checks');
  }

  /** the figures row of a table: penalty, licensing, coercion, other, certification */
  async figures(table: string): Promise<string> {
    return (await this.page.locator(`[data-table="${table}"] tr:last-child td`).allInnerTexts()).join(' ');
  }
}
