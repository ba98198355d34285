// 年度信息: figures, 成文日期 and the narrative texts.
import type { Locator, Page } from 'playwright-core';

export class YearProfilePageObject {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  field(key: string): Locator {
    return this.page.getByTestId('profile-form').locator(`[data-field="${key}"]`);
  }

  async setFigure(key: string, value: number) {
    const input = this.field(key).locator('input');
    await input.fill(String(value));
    await input.blur();
  }

  async setNarrative(key: string, text: string) {
    await this.field(key).locator('textarea').fill(text);
  }

  async save() {
    await this.page.getByTestId('profile-save').click();
  }
}
