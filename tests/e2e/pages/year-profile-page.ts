// 年度信息: figures, 成文日期 and the narrative texts.
import type { Locator } from 'playwright-core';
import { PageObject } from './page-object.ts';

export class YearProfilePageObject extends PageObject {
  async waitLoaded() {
    await this.page
      .getByRole('main')
      .getByRole('heading', { level: 2, name: /年度信息$/ })
      .waitFor();
    await this.page.getByTestId('profile-form').waitFor();
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

  narrative(key: string): Locator {
    return this.field(key).getByRole('textbox');
  }
}
