// Element Plus widgets as the clerk meets them, found by role and text: a select's
// options, the confirm box, the success toast.
import type { Locator, Page } from 'playwright-core';

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** matches a whole text, spaces around allowed */
export const whole = (text: string) => new RegExp(`^\\s*${escapeRe(text)}\\s*$`);

/**
 * picks an option of an Element Plus select by its Chinese label, in that select's own list (another select's
 * list may still be fading out with the same option). `force`: a multi-select's placeholder lies over its input.
 */
export async function pickOption(page: Page, select: Locator, label: string, { force = false } = {}) {
  await select.click({ force });
  // the dropdown is teleported to <body>; the select's combobox names it (aria-controls)
  const combobox = (await select.getAttribute('role')) === 'combobox' ? select : select.getByRole('combobox').first();
  const listId = await combobox.getAttribute('aria-controls');
  const list = listId ? page.locator(`[id="${listId}"]`) : page.getByRole('listbox').last();
  await list
    .getByRole('option', { name: whole(label) })
    .first()
    .click();
}

/** the open confirm box (ElMessageBox) */
export const messageBox = (page: Page): Locator => page.getByRole('dialog').filter({ has: page.locator('.el-message-box'), visible: true });

/** clicks a button of the open confirm box and waits for it to close */
export async function confirmBox(page: Page, button: string) {
  const box = messageBox(page);
  await box.waitFor();
  await box.getByRole('button', { name: button, exact: true }).click();
  await box.waitFor({ state: 'hidden' });
}

/** waits for a success toast containing the text */
export async function expectSuccess(page: Page, text: string) {
  await page.getByRole('alert').filter({ hasText: text }).first().waitFor();
}
