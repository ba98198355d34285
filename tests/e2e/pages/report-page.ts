// The 年度报告 page: section editors, save indicator, warnings, preview, Word export.
import type { Download, Locator } from 'playwright-core';
import { PageObject } from './page-object.ts';

export class ReportPageObject extends PageObject {
  narrative(key: 'intro' | 'leaderDuties' | 'shortcomings' | 'nextYearPlan' | 'other'): Locator {
    // Element Plus puts the test id on the <textarea> itself
    return this.page.locator(`textarea[data-testid="narrative-${key}"], [data-testid="narrative-${key}"] textarea`);
  }

  async waitLoaded() {
    await this.page
      .getByRole('main')
      .getByRole('heading', { level: 2, name: /法治政府建设情况报告$/ })
      .waitFor();
  }

  /** a measure area's title input or text, autosaved */
  measure(part: 'title' | 'text', area: string): Locator {
    const tag = part === 'title' ? 'input' : 'textarea';
    return this.page.locator(`${tag}[data-testid="measure-${part}-${area}"], [data-testid="measure-${part}-${area}"] ${tag}`);
  }

  section(key: string): Locator {
    return this.page.getByTestId(`section-${key}`);
  }

  get saveState(): Locator {
    return this.page.getByTestId('save-state');
  }

  get warnings(): Locator {
    return this.page.getByTestId('report-review');
  }

  async waitSaved() {
    await this.page.getByTestId('save-state').filter({ hasText: '已保存' }).waitFor();
  }

  async openPreview(): Promise<Locator> {
    await this.page.getByRole('tab', { name: '全文预览' }).click();
    const preview = this.page.getByTestId('report-preview');
    await preview.waitFor();
    return preview;
  }

  async openEditor() {
    await this.page.getByRole('tab', { name: '逐节编写' }).click();
  }

  /** clicks 导出Word (answering the drafts question with `confirm`) and resolves the download */
  async exportWord(confirm?: () => Promise<void>): Promise<Download> {
    const downloaded = this.page.waitForEvent('download', { timeout: 30_000 });
    await this.page.getByTestId('export-word').click();
    if (confirm) await confirm();
    return downloaded;
  }
}
