// The population register in the console, as issue 14's "done when" tells it: an officer imports
// their community's cards from an XLSX file whose two bad rows are refused whole (all or nothing,
// each error by line and column), fixes them and imports again, reads a card with an ID number
// revealed, and logs a talk with a key person; bureau staff see the backlog per community, counts
// only; the officer sees who costs the derived rates (推算依据), moves one person to another card
// and reclassifies another (a date before the residence began refused under the field), and sees
// both in the cards, the person's history and the derivation. Every page passes axe.
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { todayIn } from '../../web/src/lib/today.js';
import { demoSubmissions } from '../support/figures.js';
import { pick } from '../support/antd.js';
import { devNamespaces } from '../support/namespaces.js';
import { activateDerivedRates } from '../support/registerExample.js';
import { serviceToken } from '../support/serviceUsers.js';
import { apiCall, checkPage, consoleSuite, demoCommunityIds } from '../support/console.js';

const patience = { timeout: 15_000 };
const header = [
  '楼栋号',
  '门牌号',
  '户号',
  '姓名',
  '身份证号',
  '联系电话',
  '人员类别',
  '起始日期',
  '暂住登记日期',
  '居住证号',
  '居住证有效期至',
  '重点人口类别',
  '列管日期',
];

/** An 18-character ID number with its GB 11643 check digit, from 17 digits. */
function idNumber(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

const good = {
  zhang: idNumber('11010519800101001'),
  li: idNumber('11010519850505002'),
  wang: idNumber('11010519900909003'),
  zhao: idNumber('11010519950303004'),
};
/** The check digit wrong: the last character of a valid number changed. */
const wrongCheck = good.li.slice(0, 17) + (good.li.endsWith('0') ? '1' : '0');

/** The community's cards as a station keeps them; `broken` puts a bad ID on line 3 and a bad class on line 5. */
async function workbook(broken: boolean): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('户卡');
  sheet.addRow(header);
  sheet.addRow(['1', '101', 'H001', '张建国', good.zhang, '13800000001', '人在户在', '2025-01-01', '', '', '', '', '']);
  sheet.addRow(['1', '101', 'H001', '李秀英', broken ? wrongCheck : good.li, '', '人在户在', '2025-01-01', '', '', '', '', '']);
  sheet.addRow(['1', '102', 'H002', '王小明', good.wang, '13800000003', '人在户在', '2025-03-01', '', '', '', '吸毒人员', '2025-06-01']);
  sheet.addRow(['2', '201', 'H003', '赵暂住', good.zhao, '', broken ? '外星人' : '暂住人口', '2025-02-01', '2025-02-03', 'JZ2025001', '2027-02-02', '', '']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Types the day into the drawer's picker labelled 变更日期 and leaves it (a click on the drawer's text) with the typed day. */
async function typeDay(page: Page, day: string): Promise<void> {
  const picker = page.getByLabel('变更日期');
  await picker.click();
  await picker.fill(day);
  await page.getByRole('dialog').getByText(/^现居/).click();
  await expect.poll(() => page.locator('.ant-picker-dropdown:visible').count(), patience).toBe(0);
  await expect.poll(() => picker.inputValue(), patience).toBe(day);
}

const rowsOf = (table: Locator) => table.locator('tbody tr.ant-table-row').allInnerTexts();

describe('the console: the population register', () => {
  const c = consoleSuite(devNamespaces.consoleRegister, {
    users: [
      { id: 'li.officer', role: 'officer', subjectId: 'o01', name: '李警官' },
      { id: 'zhao.bureau', role: 'bureau-staff', name: '赵科员' },
    ],
  });

  it('an officer imports an XLSX, fixes its two bad rows, reveals an ID number and logs a talk with a key person', async () => {
    const page = await c.open('li.officer');
    await page.getByRole('menuitem', { name: /人口登记/ }).click();
    await page.getByRole('tab', { name: '导入导出' }).click();

    const upload = async (buffer: Buffer) => {
      await page.locator('input[type=file]').setInputFiles({
        name: '户卡.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer,
      });
      await page.getByRole('button', { name: '上传并导入' }).click();
    };

    // All or nothing (the default): two bad rows, nothing written, each error by line and column.
    await upload(await workbook(true));
    await expect.poll(() => page.getByText('未导入:发现 2 处错误').count(), patience).toBe(1);
    const errors = page.getByRole('table', { name: '导入文件中的错误' }).locator('tbody tr.ant-table-row');
    expect(await errors.count()).toBe(2);
    const lines = await errors.allInnerTexts();
    expect(lines.join('\n')).toContain('第 3 行');
    expect(lines.join('\n')).toContain('第 5 行');
    for (const line of lines) expect(line.split('\t')[1]?.trim(), line).toMatch(/^(?!—).+/);
    await checkPage(page, 'register-import-refused');

    await upload(await workbook(false));
    await expect.poll(() => page.getByText('导入完成:共 4 行,写入 4 行。').count(), { timeout: 60_000 }).toBe(1);
    await checkPage(page, 'register-import-done');

    // The cards by building and door, ID numbers masked until 显示 asks the API for one.
    await page.getByRole('tab', { name: '户卡' }).click();
    const cards = page.getByRole('table', { name: '户卡' });
    await expect.poll(() => cards.locator('tbody tr.ant-table-row').count(), patience).toBe(3);
    expect(await cards.innerText()).not.toContain(good.zhang);
    await expect.poll(() => cards.innerText()).toContain('暂住人口');
    await page.getByRole('button', { name: '显示 · 张建国的身份证号' }).click();
    await expect.poll(() => cards.innerText(), patience).toContain(good.zhang);
    await checkPage(page, 'register-cards');

    // The key person from the sheet: no help group yet, no talk; the officer logs one today.
    await page.getByRole('tab', { name: '重点人口' }).click();
    const keyPersons = page.getByRole('table', { name: '重点人口' });
    await expect.poll(() => keyPersons.locator('tbody tr.ant-table-row').count(), patience).toBe(1);
    expect(await keyPersons.innerText()).toContain('从未谈话');
    await page.getByRole('button', { name: '记录谈话 · 王小明' }).click();
    await page.getByLabel('谈话内容').fill('了解近况,按时报到。');
    await page.getByRole('button', { name: '记录谈话', exact: true }).click();
    await expect.poll(() => keyPersons.innerText(), patience).not.toContain('从未谈话');
    await checkPage(page, 'register-key-persons');
    await page.context().close();
  });

  it('bureau staff see the backlog per community, counts only', async () => {
    const page = await c.open('zhao.bureau');
    await page.getByRole('menuitem', { name: /登记积压/ }).click();
    const backlog = page.getByRole('table', { name: '各社区登记积压' });
    await expect.poll(() => backlog.locator('tbody tr.ant-table-row').count(), patience).toBeGreaterThan(0);
    // The officer's key person has no help group: their community counts one incomplete; no name shows.
    const rows = await backlog.locator('tbody tr.ant-table-row').allInnerTexts();
    expect(rows.filter((r) => r.split('\t')[1]?.trim() === '1')).toHaveLength(1);
    expect(rows.join('\n')).not.toContain('王小明');
    await checkPage(page, 'register-backlog');
    await page.context().close();
  });

  it('an officer sees who costs the derived rates, moves one person and reclassifies another, and sees both in the cards, the history and the derivation', async () => {
    const page = await c.open('li.officer');
    await page.getByRole('menuitem', { name: /人口登记/ }).click();

    // This quarter so far: everyone present is registered; the key person without a help group costs a point.
    await page.getByRole('tab', { name: '推算依据' }).click();
    const unregistered = page.getByRole('table', { name: '未计为已登记的人员' });
    const uncontrolled = page.getByRole('table', { name: '未管控到位的重点人口' });
    await expect.poll(() => rowsOf(uncontrolled), patience).toEqual(expect.arrayContaining([expect.stringMatching(/王小明\s+帮教小组不全/)]));
    expect(await unregistered.innerText()).toContain('实有人口均已登记');
    await checkPage(page, 'register-derivation');

    await page.getByRole('tab', { name: '户卡' }).click();
    const cards = page.getByRole('table', { name: '户卡' });
    await expect.poll(() => cards.locator('tbody tr.ant-table-row').count(), patience).toBe(3);
    const drawer = page.getByRole('dialog');

    // 李秀英 moves from H001 to H002 today.
    await page.getByRole('button', { name: '变更居住 · 李秀英' }).click();
    await pick(page.locator('.ant-drawer'), '变更事项', '迁往本社区其他户');
    await pick(page.locator('.ant-drawer'), '迁入户卡', 'H002');
    await checkPage(page, 'register-residence-change');
    await drawer.getByRole('button', { name: '保存变更' }).click();
    await expect.poll(() => drawer.count(), patience).toBe(0);
    const cardRow = (number: string) => cards.locator('tbody tr.ant-table-row').filter({ hasText: number });
    await expect.poll(() => cardRow('H002').innerText(), patience).toContain('李秀英');
    expect(await cardRow('H001').innerText()).not.toContain('李秀英');

    // 张建国 is reclassified 人在户不在: first dated before his residence began, refused under the date.
    await page.getByRole('button', { name: '变更居住 · 张建国' }).click();
    await pick(page.locator('.ant-drawer'), '变更事项', '变更人员类别');
    await pick(page.locator('.ant-drawer'), '新的人员类别', '人在户不在');
    await typeDay(page, '2024-12-31');
    await drawer.getByRole('button', { name: '保存变更' }).click();
    const dateError = drawer
      .locator('.ant-form-item')
      .filter({ has: page.getByLabel('变更日期') })
      .locator('.ant-form-item-explain-error');
    await expect.poll(() => dateError.innerText(), patience).toContain('must be after 2025-01-01');
    await checkPage(page, 'register-residence-change-refused');
    await typeDay(page, todayIn('Asia/Shanghai'));
    await drawer.getByRole('button', { name: '保存变更' }).click();
    await expect.poll(() => drawer.count(), patience).toBe(0);
    await expect.poll(() => cardRow('H001').innerText(), patience).toMatch(/张建国\s+人在户不在/);

    // 李秀英's record keeps the closed residence on H001, ended by the move, and the open one on H002.
    await page.getByRole('button', { name: '档案 · 李秀英' }).click();
    const history = page.getByRole('table', { name: '居住登记历史' });
    await expect
      .poll(() => rowsOf(history), patience)
      .toEqual([expect.stringMatching(/^H001[\s\S]*人在户在[\s\S]*迁往本社区其他户/), expect.stringMatching(/^H002[\s\S]*人在户在[\s\S]*现居/)]);
    await checkPage(page, 'register-person-history');
    await page.keyboard.press('Escape');
    await expect.poll(() => drawer.count(), patience).toBe(0);

    // 张建国 now costs the registration rate a point, named with his card and class.
    await page.getByRole('tab', { name: '推算依据' }).click();
    await expect.poll(() => rowsOf(unregistered), patience).toEqual([expect.stringMatching(/H001\s+张建国\s+人在户不在\s+人在户不在:户籍不在本社区/)]);
    expect(await page.getByText('由人口登记计算：3/4').count()).toBe(1);
    await page.context().close();
  });

  it("an officer's derived figure in 我的考核 opens who cost it, for the quarter it was derived on", async () => {
    // 2026-Q3 decided with both register rates derived: the departments submit every other metric.
    await activateDerivedRates(c.running.db, '2026-01-01', 'demo');
    const derived = new Set(['registration', 'keyPersonControl']);
    for (const { submittedBy, figures } of demoSubmissions(demoCommunityIds)) {
      const submitted = figures.filter((f) => !derived.has(f.metric));
      if (submitted.length === 0) continue;
      const token = await serviceToken(c.running.databaseUrl, { role: 'department', subjectId: submittedBy });
      const answer = await apiCall(c.running, 'POST', '/api/metrics', { period: '2026-Q3', figures: submitted }, token);
      expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(300);
    }
    expect((await apiCall(c.running, 'POST', '/api/cycles', { kind: 'quarterly', period: '2026-Q3' })).status).toBe(202);
    await expect
      .poll(async () => (await apiCall(c.running, 'GET', '/api/cycles/quarterly-2026-Q3-demo')).body?.status, { timeout: 90_000, interval: 500 })
      .toBe('decided');

    const page = await c.open('li.officer');
    await page.getByRole('menuitem', { name: /我的考核/ }).click();
    await page.getByRole('button', { name: '推算依据 · 重点人口管控率' }).click();
    // On 2026-09-30 王小明 had no help group and, listed since 2025-06-01, no talk yet.
    const drawer = page.getByRole('dialog');
    await expect.poll(() => drawer.innerText(), patience).toContain('按期末(2026年9月30日)');
    expect(await rowsOf(drawer.getByRole('table', { name: '未管控到位的重点人口' }))).toEqual([
      expect.stringMatching(/王小明\s+帮教小组不全/),
      expect.stringMatching(/王小明\s+谈话逾期/),
    ]);
    expect(await drawer.getByRole('table', { name: '未计为已登记的人员' }).count()).toBe(0);
    await checkPage(page, 'register-derivation-from-breakdown');
    await page.context().close();
  });
});
