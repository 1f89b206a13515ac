// The population register in the console, as issue 14's "done when" tells it: an officer imports
// their community's cards from an XLSX file whose two bad rows are refused whole (all or nothing,
// each error by line and column), fixes them and imports again, reads a card with an ID number
// revealed, and logs a talk with a key person; bureau staff see the backlog per community, counts
// only. Every page passes axe.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { devNamespaces } from '../support/namespaces.js';
import { checkPage, consoleSuite } from '../support/console.js';

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
});
