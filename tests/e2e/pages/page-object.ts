// What every page object holds: the Chromium page it drives.
import type { Page } from 'playwright-core';

export abstract class PageObject {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }
}
