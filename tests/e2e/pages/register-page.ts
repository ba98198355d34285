// A register page (普法宣传, 人民调解, 行政执法, 其他法治工作): table, filters,
// the add/edit dialog and the 回收站 drawer.
import type { Locator, Page } from 'playwright-core';
import { REGISTERS, type FieldDef, type RegisterName } from '../../../electron/shared/registers.ts';
import { AppShell } from './app-shell.ts';

/** field key → value as the clerk enters it: enum by Chinese label, date YYYY-MM-DD */
export type FieldInput = Record<string, string | number | boolean | string[]>;

export class RegisterPageObject {
  readonly page: Page;
  readonly register: RegisterName;
  readonly shell: AppShell;
  constructor(page: Page, register: RegisterName) {
    this.page = page;
    this.register = register;
    this.shell = new AppShell(page);
  }

  get def() {
    return REGISTERS[this.register];
  }

  get table(): Locator {
    return this.page.getByTestId('records-table');
  }

  get dialog(): Locator {
    return this.page.locator('.record-dialog');
  }

  rows(text?: string): Locator {
    const rows = this.table.locator('.el-table__body-wrapper tbody tr');
    return text ? rows.filter({ hasText: text }) : rows;
  }

  async waitLoaded() {
    await this.page.locator(`.register-page[data-register="${this.register}"]`).waitFor();
    await this.table.locator('.el-loading-mask').waitFor({ state: 'hidden' }).catch(() => undefined);
  }

  async openNew() {
    await this.page.getByTestId('add-record').click();
    await this.dialog.waitFor();
  }

  async openEdit(rowText: string) {
    await this.rows(rowText).first().getByTestId('edit').click();
    await this.dialog.waitFor();
  }

  fieldItem(key: string): Locator {
    return this.dialog.locator(`[data-field="${key}"]`);
  }

  async fill(values: FieldInput) {
    for (const [key, value] of Object.entries(values)) {
      const f = this.def.fields.find((x) => x.key === key);
      if (!f) throw new Error(`unknown field ${key}`);
      await this.fillField(f, value);
    }
  }

  private async fillField(f: FieldDef, value: FieldInput[string]) {
    const item = this.fieldItem(f.key);
    switch (f.type) {
      case 'enum':
        await this.shell.pickOption(item.locator('.el-select'), String(value));
        break;
      case 'bool': {
        const sw = item.locator('.el-switch');
        const on = (await sw.getAttribute('class'))?.includes('is-checked') ?? false;
        if (on !== value) await sw.click();
        break;
      }
      case 'tags':
        await item.locator('.el-select').click();
        for (const tag of value as string[]) {
          await this.page.keyboard.type(tag);
          await this.page.keyboard.press('Enter');
        }
        await this.dialog.locator('.el-dialog__title').click();
        break;
      case 'date': {
        const input = item.locator('input');
        await input.click();
        await input.fill(String(value));
        await input.press('Enter');
        await this.dialog.locator('.el-dialog__title').click();
        break;
      }
      default: {
        const input = item.locator('input, textarea').first();
        await input.click();
        await input.fill(String(value));
        await this.dialog.locator('.el-dialog__title').click();
      }
    }
  }

  async save() {
    await this.page.getByTestId('record-save').click();
  }

  async saveAndClose() {
    await this.save();
    await this.dialog.waitFor({ state: 'hidden' });
  }

  fieldError(key: string): Locator {
    return this.fieldItem(key).locator('.el-form-item__error');
  }

  async search(keyword: string) {
    const input = this.page.getByTestId('filter-keyword');
    await input.fill(keyword);
  }

  async filterBy(key: string, label: string) {
    await this.shell.pickOption(this.page.getByTestId(`filter-${key}`), label);
  }

  async clearFilters() {
    const reset = this.page.getByTestId('filter-reset');
    if (await reset.isVisible()) await reset.click();
  }

  async delete(rowText: string) {
    await this.rows(rowText).first().getByTestId('delete').click();
    await this.shell.confirmBox('删除');
  }

  get recycle(): Locator {
    return this.page.locator('.el-drawer').filter({ has: this.page.getByTestId('recycle-table') });
  }

  async openRecycle() {
    await this.page.getByTestId('open-recycle').click();
    await this.recycle.waitFor();
  }

  recycleRows(text: string): Locator {
    return this.recycle.locator('.el-table__body-wrapper tbody tr').filter({ hasText: text });
  }

  async restore(rowText: string) {
    await this.recycleRows(rowText).first().getByTestId('restore').click();
  }

  async closeRecycle() {
    await this.recycle.locator('.el-drawer__close-btn').click();
    await this.recycle.waitFor({ state: 'hidden' });
  }
}
