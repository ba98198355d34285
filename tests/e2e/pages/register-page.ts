// A register page (普法宣传, 人民调解, 行政执法, 其他法治工作): table, filters,
// the add/edit dialog and the 回收站 drawer.
import type { Locator, Page } from 'playwright-core';
import { REGISTERS, type FieldDef, type RegisterName } from '../../../electron/shared/registers.ts';
import { PageObject } from './page-object.ts';
import { confirmBox, pickOption } from './widgets.ts';

/** field key → value as the clerk enters it: enum by Chinese label, date YYYY-MM-DD */
export type FieldInput = Record<string, string | number | boolean | string[]>;

/** the same values as an API record (enum labels → codes), to seed what a test starts from */
export function toRecord(register: RegisterName, values: FieldInput): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => {
      const f = REGISTERS[register].fields.find((x) => x.key === key);
      if (!f) throw new Error(`unknown field ${key}`);
      if (f.type !== 'enum') return [key, value];
      const code = Object.entries(f.options ?? {}).find(([, label]) => label === value)?.[0];
      if (!code) throw new Error(`${f.label}: no option ${String(value)}`);
      return [key, code];
    }),
  );
}

export class RegisterPageObject extends PageObject {
  readonly register: RegisterName;
  constructor(page: Page, register: RegisterName) {
    super(page);
    this.register = register;
  }

  get def() {
    return REGISTERS[this.register];
  }

  get table(): Locator {
    return this.page.getByTestId('records-table');
  }

  /** the add/edit dialog */
  get dialog(): Locator {
    return this.page.getByRole('dialog').filter({ has: this.page.getByTestId('record-save') });
  }

  /** clicking the dialog's title takes the focus out of a field (commits it, closes a dropdown) */
  async blur() {
    await this.dialog.getByRole('heading').first().click();
  }

  rows(text?: string): Locator {
    // Element Plus draws the header and the body as two tables: the body's rows
    const rows = this.table.getByRole('table').last().getByRole('row');
    return text ? rows.filter({ hasText: text }) : rows;
  }

  async waitLoaded() {
    await this.page.locator(`.register-page[data-register="${this.register}"]`).waitFor();
    await this.table
      .locator('.el-loading-mask')
      .waitFor({ state: 'hidden' })
      .catch(() => undefined);
  }

  async openNew() {
    await this.page.getByTestId('add-record').click();
    await this.dialog.waitFor();
    await this.settled();
  }

  /** the dialog has finished opening: its first field holds the focus */
  private async settled() {
    await this.dialog.locator('input:focus, textarea:focus').waitFor();
  }

  /** the 取消 button; with unsaved changes the app asks first (answer with confirmBox) */
  async cancel() {
    await this.page.getByTestId('record-cancel').click();
  }

  async openEdit(rowText: string) {
    await this.rows(rowText).first().getByTestId('edit').click();
    await this.dialog.waitFor();
    await this.settled();
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
        await pickOption(this.page, item.getByRole('combobox'), String(value));
        break;
      case 'bool': {
        // the switch's input (role switch) is hidden under the drawn toggle: read it, click the toggle
        if ((await item.getByRole('switch').isChecked()) !== value) await item.locator('.el-switch').click();
        break;
      }
      case 'tags':
        // the placeholder is drawn over the empty input: the click lands on the select around it
        await item.getByRole('combobox').click({ force: true });
        for (const tag of value as string[]) {
          await this.page.keyboard.type(tag);
          await this.page.keyboard.press('Enter');
        }
        await this.blur();
        break;
      case 'date': {
        const input = item.locator('input');
        await input.click();
        await input.fill(String(value));
        await input.press('Enter');
        await this.blur();
        break;
      }
      default: {
        const input = item.locator('input, textarea').first();
        await input.click();
        await input.fill(String(value));
        await this.blur();
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
    await pickOption(this.page, this.page.getByTestId(`filter-${key}`), label);
  }

  async clearFilters() {
    const reset = this.page.getByTestId('filter-reset');
    if (await reset.isVisible()) await reset.click();
  }

  async delete(rowText: string) {
    await this.rows(rowText).first().getByTestId('delete').click();
    await confirmBox(this.page, '删除');
  }

  get recycle(): Locator {
    return this.page.getByRole('dialog').filter({ has: this.page.getByTestId('recycle-table') });
  }

  async openRecycle() {
    await this.page.getByTestId('open-recycle').click();
    await this.recycle.waitFor();
  }

  recycleRows(text: string): Locator {
    return this.recycle.getByRole('table').last().getByRole('row').filter({ hasText: text });
  }

  async restore(rowText: string) {
    await this.recycleRows(rowText).first().getByTestId('restore').click();
  }

  async closeRecycle() {
    await this.recycle.getByRole('button', { name: /关闭/ }).first().click();
    await this.recycle.waitFor({ state: 'hidden' });
  }
}
