// 政务公开年报: the national tables, the agreement checks, part 一, export.
import type { Locator } from 'playwright-core';
import { PageObject } from './page-object.ts';

export class OpennessPageObject extends PageObject {
  async waitLoaded() {
    await this.page
      .getByRole('main')
      .getByRole('heading', { level: 2, name: /政府信息公开|政务公开/ })
      .first()
      .waitFor();
  }

  get checks(): Locator {
    return this.page.getByTestId('openness-checks');
  }

  table(part: string, testId: string): Locator {
    return this.page.locator(`[data-part="${part}"]`).getByTestId(testId);
  }
}
