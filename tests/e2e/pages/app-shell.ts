// The layout around every page: navigation, year selector, toasts, confirm boxes.
import type { Locator, Page } from 'playwright-core';

export class AppShell {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  async goto(navLabel: '首页' | '普法宣传' | '人民调解' | '行政执法' | '其他法治工作' | '年度信息' | '年度报告' | '数据交换' | '设置') {
    await this.page.getByTestId(`nav-${navLabel}`).click();
    await this.page.locator('.page-header h2').first().waitFor();
  }

  get township(): Locator {
    return this.page.getByTestId('brand-township');
  }

  async selectYear(year: number) {
    await this.pickOption(this.page.getByTestId('year-select'), `${year}年`);
  }

  yearLabel(): Locator {
    return this.page.getByTestId('year-select');
  }

  /** waits for a success toast containing the text */
  async expectSuccess(text: string) {
    await this.page.locator('.el-message--success', { hasText: text }).first().waitFor();
  }

  /** clicks a button of the open ElMessageBox */
  async confirmBox(button: string) {
    const box = this.page.locator('.el-message-box:visible');
    await box.waitFor();
    await box.getByRole('button', { name: button, exact: true }).click();
    await box.waitFor({ state: 'hidden' });
  }

  /** picks an option of an Element Plus select by its Chinese label */
  async pickOption(select: Locator, label: string) {
    await select.click();
    // the dropdown is teleported to <body>; the select's input names it (aria-controls)
    const listId = await select.locator('input[aria-controls]').first().getAttribute('aria-controls');
    const list = listId ? this.page.locator(`[id="${listId}"]`) : this.page.locator('.el-select-dropdown:visible').last();
    const option = list
      .locator('.el-select-dropdown__item')
      .filter({ hasText: new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`) });
    await option.first().click();
  }
}
