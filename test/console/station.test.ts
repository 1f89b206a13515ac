// A station in the browser: 城关派出所 records a diversion of one of its officers — first on a day
// still to come, which the API refuses under the date field — then on yesterday, and sees it in its
// list, as the API stored it.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pick } from '../support/antd.js';
import { devNamespaces } from '../support/namespaces.js';
import { apiCall, checkPage, consoleSuite } from '../support/console.js';

const patience = { timeout: 15_000 };
const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** Types the day into the picker (Tab leaves it with the typed day) and submits the form. */
async function record(page: Page, date: string) {
  const picker = page.getByLabel('抽调日期');
  await picker.click();
  await picker.fill(date);
  await picker.press('Tab');
  await expect.poll(() => page.locator('.ant-picker-dropdown:visible').count(), patience).toBe(0);
  await expect.poll(() => picker.inputValue(), patience).toBe(date);
  await page.getByRole('button', { name: '登记抽调' }).click();
}

describe('the console: a station records diversions', () => {
  const c = consoleSuite(devNamespaces.consoleStation, { users: [{ id: 'liu.station', role: 'station', subjectId: 'chengguan', name: '刘所长' }] });

  it('refuses a day to come under the date field, then records yesterday and lists it', async () => {
    const page = await c.open('liu.station');
    await page.getByRole('menuitem', { name: /抽调登记/ }).click();
    await expect.poll(() => page.getByRole('heading', { level: 2 }).innerText(), patience).toBe('抽调登记');

    await pick(page, '社区民警', '民警01(o01)');
    await page.getByLabel('说明').fill('协助办理盗窃案');
    await record(page, day(3));
    const dateError = page
      .locator('.ant-form-item')
      .filter({ has: page.getByLabel('抽调日期') })
      .locator('.ant-form-item-explain-error');
    await expect.poll(() => dateError.innerText(), patience).toContain('future');
    expect((await apiCall(c.running, 'GET', '/api/diversions')).body).toEqual([]);

    const yesterday = day(-1);
    await record(page, yesterday);
    const table = page.getByRole('table', { name: '本所抽调记录' });
    await expect.poll(() => table.locator('tbody tr.ant-table-row').count(), patience).toBe(1);
    const row = await table.locator('tbody tr.ant-table-row').innerText();
    expect(row).toContain('o01');
    expect(row).toContain('所内值班备勤');
    expect(row).toContain('协助办理盗窃案');
    const stored = (await apiCall(c.running, 'GET', '/api/diversions')).body as { officerId: string; stationId: string; date: string; kind: string }[];
    expect(stored).toMatchObject([{ officerId: 'o01', stationId: 'chengguan', date: yesterday, kind: 'station-duty' }]);
    await checkPage(page, 'station-diversions');
  });
});
