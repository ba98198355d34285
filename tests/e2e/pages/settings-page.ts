// 设置: township names, 案号 pattern, demo data, backups.
import type { Locator } from 'playwright-core';
import { PageObject } from './page-object.ts';

export class SettingsPageObject extends PageObject {
  async waitLoaded() {
    await this.page.getByRole('main').getByRole('heading', { level: 2, name: '设置', exact: true }).waitFor();
  }

  get backupPanel(): Locator {
    return this.page.getByTestId('backup-panel');
  }

  get demoPanel(): Locator {
    return this.page.getByTestId('settings-demo');
  }

  get caseNoPanel(): Locator {
    return this.page.getByTestId('settings-case-no');
  }
}
