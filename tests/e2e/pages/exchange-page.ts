// 数据交换: pick a package, read the preview, confirm the import; export.
import type { Download, Locator } from 'playwright-core';
import { HomePageObject } from './home-page.ts';
import { pickOption } from './widgets.ts';
import { PageObject } from './page-object.ts';

export class ExchangePageObject extends PageObject {
  async waitLoaded() {
    await this.page.getByRole('main').getByRole('heading', { level: 2, name: '数据交换', exact: true }).waitFor();
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
    return this.page.getByTestId('preview-counts').getByRole('row').filter({ hasText: label });
  }

  get issues(): Locator {
    return this.page.getByTestId('preview-issues');
  }

  get confirmButton(): Locator {
    return this.page.getByTestId('confirm-import');
  }

  async confirm() {
    await this.confirmButton.click();
    await this.page.getByTestId('import-result').waitFor();
  }

  /** after an import: 「返回首页」, on the year imported */
  async goHome(): Promise<HomePageObject> {
    await this.page.getByTestId('go-home').click();
    const home = new HomePageObject(this.page);
    await home.waitLoaded();
    return home;
  }

  /** back from a preview to choosing a file */
  async repick() {
    await this.page.getByRole('button', { name: '重新选择' }).click();
  }

  /**
   * exports a package of one year (or 「全部年度」), with or without 当事人等个人信息;
   * resolves the download
   */
  async export(yearLabel: string, withPersonal = false): Promise<Download> {
    await pickOption(this.page, this.page.getByTestId('export-year'), yearLabel);
    const box = this.page.getByTestId('export-with-personal');
    if ((await box.getByRole('checkbox').isChecked()) !== withPersonal) await box.click();
    const download = this.page.waitForEvent('download');
    await this.page.getByTestId('export').click();
    return download;
  }
}
