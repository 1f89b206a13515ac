// Finance's part of a quarter in the console: after a decided quarter, finance sees the
// obligations due, records a payment (a bad amount first, refused at the field), corrects
// another with a reason, and downloads the reconciliation as CSV and as an Excel workbook.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { pick } from '../support/antd.js';
import { devNamespaces } from '../support/namespaces.js';
import { apiCall, checkPage, consoleSuite, decideQuarter } from '../support/console.js';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('the console: finance pays and reconciles', () => {
  const c = consoleSuite(devNamespaces.consoleFinance, { users: [{ id: 'zhao.finance', role: 'finance', name: '赵会计' }] });

  it('records a payment, corrects an obligation and downloads the reconciliation', async () => {
    await decideQuarter(c.running);
    const open = (await apiCall(c.running, 'GET', '/api/obligations?status=open')).body as { id: string; amount: number }[];
    expect(open.length).toBeGreaterThan(1);
    const [paying, correcting] = open;

    const page = await c.open('zhao.finance');
    await page.getByRole('menuitem', { name: /应付款项/ }).click();
    const table = page.getByRole('table', { name: '应付款项' });
    await expect.poll(() => table.locator('tbody tr.ant-table-row').count(), { timeout: 15_000 }).toBe(open.length);
    await expect.poll(() => table.innerText()).toContain('工作补助');
    await checkPage(page, 'finance-obligations');

    // A payment larger than what is owed is refused under the amount field.
    const row = (id: string) => table.getByRole('row', { name: new RegExp(escape(id)) });
    await row(paying!.id).getByRole('button', { name: '登记付款' }).click();
    const dialog = page.getByRole('dialog', { name: '登记付款' });
    await dialog.getByLabel('付款凭证号').fill('CW-2026-0001');
    await dialog.getByLabel('金额(元)').fill(String(paying!.amount + 1000));
    await send(dialog);
    const amountError = dialog.locator('.ant-form-item').filter({ hasText: '金额(元)' }).locator('.ant-form-item-explain-error');
    await expect.poll(() => amountError.innerText(), { timeout: 15_000 }).toContain('still owed');
    await dialog.getByLabel('金额(元)').fill(String(paying!.amount));
    await send(dialog);
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(async () => (await apiCall(c.running, 'GET', `/api/obligations/${encodeURIComponent(paying!.id)}`)).body?.paid).toBe(paying!.amount);
    // Paid in full, it waits for the officer's receipt.
    await pick(page, '状态', '已付款,待确认收款');
    await expect.poll(() => row(paying!.id).innerText(), { timeout: 15_000 }).toContain('待民警确认');

    // A correction: a lower amount, with the reason required.
    await pick(page, '状态', '待付款');
    await row(correcting!.id)
      .getByRole('button', { name: /^更\s*正$/ })
      .click();
    const correction = page.getByRole('dialog', { name: '更正应付款项' });
    const lower = Math.round(correcting!.amount * 50) / 100;
    await correction.getByLabel('更正后金额(元)').fill(String(lower));
    await correction.getByRole('button', { name: '提交更正' }).click();
    await expect.poll(() => correction.getByText('请说明原因').count()).toBe(1);
    await correction.getByLabel('更正原因').fill('复核考核结果后按半数发放');
    await correction.getByRole('button', { name: '提交更正' }).click();
    await expect.poll(() => correction.count()).toBe(0);
    await expect.poll(async () => (await apiCall(c.running, 'GET', `/api/obligations/${encodeURIComponent(correcting!.id)}`)).body?.amount).toBe(lower);
    await expect.poll(() => row(correcting!.id).innerText(), { timeout: 15_000 }).toContain(lower.toLocaleString('zh-CN', { minimumFractionDigits: 2 }));

    await page.getByRole('menuitem', { name: /对账/ }).click();
    const perPayee = page.getByRole('table', { name: '按收款人对账' });
    await expect.poll(() => perPayee.locator('tbody tr.ant-table-row').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await checkPage(page, 'finance-reconciliation');

    const [csvFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /下载CSV/ }).click()]);
    expect(csvFile.suggestedFilename()).toBe('reconciliation-2026-Q1.csv');
    const lines = readFileSync((await csvFile.path())!, 'utf8')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe('payeeType,payeeId,obligations,decided,paid,confirmed,unconfirmed,outstanding,overdue,disputed,cancelled');
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.at(-1)).toMatch(/^total,/);

    const [xlsxFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /下载Excel/ }).click()]);
    expect(xlsxFile.suggestedFilename()).toBe('reconciliation-2026-Q1.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await xlsxFile.path())!);
    const sheet = book.getWorksheet('Reconciliation')!;
    expect(sheet.getRow(2).getCell(1).value).toBe('payeeType');
    expect(sheet.rowCount).toBe(lines.length + 1);
    // No error stays on the page; the correction's toast (an alert too) fades within seconds.
    await expect.poll(() => page.getByRole('alert').allInnerTexts(), { timeout: 15_000 }).toEqual([]);
    await page.context().close();
  });
});

/**
 * Presses the payment dialog's 登记 once it is idle: while a request runs the button shows a
 * spinner, whose "loading" joins its accessible name, and ignores presses (once, in CI under load,
 * the second press found no button named 登记 within 30 s).
 */
async function send(dialog: Locator): Promise<void> {
  const ok = dialog.locator('.ant-modal-footer .ant-btn-primary');
  await expect.poll(async () => (await ok.getAttribute('class')) ?? '', { timeout: 30_000 }).not.toMatch(/ant-btn-loading/);
  expect((await ok.innerText()).trim()).toMatch(/^登\s*记$/);
  await ok.click();
}
