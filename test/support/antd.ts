// Driving AntD's form controls from Playwright the way a person does, on a busy machine.
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** Long enough for a lazy page's chunk and its first answer on a shared machine. */
const patience = { timeout: 15_000 };

// A `has` locator is matched inside each candidate, so it starts from the page, not the scope.
const pageOf = (scope: Page | Locator): Page => ('page' in scope ? scope.page() : scope);

/**
 * Picks the option showing `option` in the select labelled `label` (within `scope`), and waits
 * until the select shows it. On a busy machine a click can land in a dropdown still opening and
 * select nothing (CI saw a decision submitted without its metric), so each round opens the
 * select or clicks the option, whichever is on screen, until the select shows the choice.
 */
export async function pick(scope: Page | Locator, label: string, option: string): Promise<void> {
  const page = pageOf(scope);
  const field = scope.getByLabel(label, { exact: true });
  const select = scope.locator('.ant-select').filter({ has: page.getByLabel(label, { exact: true }) });
  const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  // The option titled exactly `option` when there is one, so 社区民警 never picks a longer label.
  const choice = async () => {
    const exact = options.and(page.locator(`[title="${option}"]`));
    return (await exact.count()) ? exact.first() : options.filter({ hasText: option }).first();
  };
  const shown = async () => (await select.innerText()).includes(option);
  await expect
    .poll(async () => {
      if (await shown()) return true;
      const listed = await choice();
      const target = (await listed.count()) ? listed : field;
      await target.click({ timeout: 2_000 }).catch(() => undefined);
      return shown();
    }, patience)
    .toBe(true);
}

/** The error AntD shows under the form field labelled `label`. */
export const fieldError = (scope: Page | Locator, label: string) =>
  scope
    .locator('.ant-form-item')
    .filter({ has: pageOf(scope).getByLabel(label, { exact: true }) })
    .locator('.ant-form-item-explain-error');
