// 数据交换: pick a package, read the preview, confirm the import; export.
import type { Locator, Page } from 'playwright-core';

export class ExchangePageObject {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  async pickPackage(filePath: string) {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByTestId('pick-package').click();
    await (await chooser).setFiles(filePath);
  }

  get preview(): Locator {
    return this.page.getByTestId('import-preview');
  }

  /** the preview's count row of one register, by its Chinese label */
  countsRow(label: string): Locator {
    return this.page.getByTestId('preview-counts').locator('tbody tr').filter({ hasText: label });
  }

  get issues(): Locator {
    return this.page.getByTestId('preview-issues');
  }

  async confirm() {
    await this.page.getByTestId('confirm-import').click();
    await this.page.getByTestId('import-result').waitFor();
  }
}
