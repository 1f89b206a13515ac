// A reporting department's part of a quarter in the console: the bureau starts the cycle, the
// department sees the figures due from it and by when, uploads a CSV with one bad line (the
// error shown by line and column), fixes it, uploads again and sees it accepted and nothing due.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { devNamespaces } from '../support/namespaces.js';
import { demoSubmissions } from '../support/figures.js';
import { apiCall, checkPage, consoleSuite, demoCommunityIds } from '../support/console.js';

const period = '2026-Q1';
const cycleId = `quarterly-${period}-demo`;

/** The political-work office's figures of the quarter as CSV; `bad` replaces one line's value. */
function csv(bad?: { line: number; value: string }): string {
  const figures = demoSubmissions(demoCommunityIds).find((s) => s.submittedBy === 'zhengong')!.figures;
  const lines = figures.map((f, i) => `${period},${f.communityId},${f.metric},${bad && bad.line === i + 2 ? bad.value : f.value}`);
  return ['period,communityId,metric,value', ...lines].join('\n') + '\n';
}

describe('the console: a department reports its figures', () => {
  const c = consoleSuite(devNamespaces.consoleDepartment, { users: [{ id: 'wang.zhengong', role: 'department', subjectId: 'zhengong', name: '王政工' }] });

  it('sees what is due, uploads a CSV with a bad line, fixes it and sees it accepted', async () => {
    const started = await apiCall(c.running, 'POST', '/api/cycles', { kind: 'quarterly', period });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    await expect
      .poll(async () => (await apiCall(c.running, 'GET', `/api/cycles/${cycleId}`)).body?.step, { timeout: 60_000, interval: 500 })
      .toBe('waiting-for-figures');
    const page = await c.open('wang.zhengong');
    await page.getByRole('menuitem', { name: /待报送数据/ }).click();
    const due = page.getByRole('table', { name: `${period} 季度考核待报送数据` });
    // Ten communities, two metrics from the political-work office: satisfaction and familiarity.
    await expect.poll(() => due.locator('tbody tr.ant-table-row').count(), { timeout: 15_000 }).toBe(20);
    await expect.poll(() => due.innerText()).toContain('满意率');
    await expect.poll(() => page.getByText('报送截止').count()).toBe(1);
    await checkPage(page, 'department-due');

    await page.getByRole('menuitem', { name: /上传CSV/ }).click();
    const [template] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /下载模板/ }).click()]);
    const templateText = readFileSync((await template.path())!, 'utf8');
    expect(templateText.split(/\r?\n/)[0]).toBe('period,communityId,metric,value');
    expect(templateText).toContain(`${period},c01,satisfaction,`);

    // Line 3 of the file says a satisfaction rate of 1.5.
    const upload = async (text: string) => {
      await page.locator('input[type=file]').setInputFiles({ name: 'figures.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
      await page.getByRole('button', { name: '上传并校验' }).click();
    };
    await upload(csv({ line: 3, value: '1.5' }));
    const errors = page.getByRole('table', { name: 'CSV中的错误' });
    await expect.poll(() => errors.locator('tbody tr.ant-table-row').count(), { timeout: 15_000 }).toBe(1);
    const row = await errors.locator('tbody tr.ant-table-row').first().innerText();
    expect(row).toContain('第 3 行');
    expect(row).toContain('value');
    expect(row).toContain('1.5');
    expect(await page.getByText('文件未保存:发现 1 处错误').count()).toBe(1);
    await checkPage(page, 'department-upload');

    await upload(csv());
    await expect.poll(() => page.getByText('已接收 20 项数据').count(), { timeout: 15_000 }).toBe(1);
    expect(await errors.count()).toBe(0);

    await page.getByRole('link', { name: '查看待报送数据' }).click();
    await expect
      .poll(
        async () => {
          // The cycle hears of the figures after the upload answers; each reload reads it afresh,
          // and the deadline shows once the cycle's answer is on the page.
          await page.reload();
          await page.getByText('报送截止').waitFor({ timeout: 15_000 });
          return page.getByText('本部门的数据已全部报送').count();
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toBe(1);
    await expect.poll(() => page.getByRole('table', { name: '已报送数据' }).locator('tbody tr.ant-table-row').count()).toBe(20);
    await checkPage(page, 'department-due');
    await page.context().close();
  });
});
