// The bureau runs a quarter in the console: a clerk starts 2026-Q1 by hand from the dashboard,
// which shows it waiting for figures from the named departments; the departments send theirs one
// after another and the dashboard follows until the quarter is decided; the completeness page
// shows every figure in; an officer's appeal appears among the appeals and the clerk decides it,
// a refused decision said under the field it names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { fieldError, pick } from '../support/antd.js';
import { devNamespaces } from '../support/namespaces.js';
import { demoSubmissions } from '../support/figures.js';
import { serviceToken } from '../support/serviceUsers.js';
import {
  apiCall,
  checkPage,
  consoleUser,
  demoCommunityIds,
  launchBrowser,
  newContext,
  signIn,
  startConsoleService,
  type ConsoleService,
} from '../support/console.js';

/** The console reads, renders and polls on a shared machine: give it time. */
const patient = { timeout: 15_000 };
/** Opens a page from the menu and waits for its heading, so the next field filled is on it. */
async function open(page: Page, name: string) {
  await page.getByRole('menuitem', { name: new RegExp(name) }).click();
  await expect.poll(() => page.getByRole('heading', { name, level: 2 }).count(), patient).toBe(1);
}

/** checkPage with the pointer off the buttons, so a hover colour is not what axe-core judges. */
async function checkPageAtRest(page: Page, name: string) {
  await page.mouse.move(0, 0);
  await checkPage(page, name);
}

const departmentNames: Record<string, string> = { zhengong: '政工室', zhian: '治安大队', renkou: '人口大队' };

describe('the console: the bureau runs a quarter', () => {
  let running: ConsoleService;
  let browser: Browser;

  beforeAll(async () => {
    running = await startConsoleService(devNamespaces.consoleBureau);
    browser = await launchBrowser();
    await consoleUser(running.db, { id: 'wang.clerk', role: 'bureau-staff', name: '王文书' });
  });

  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  it('starts 2026-Q1 by hand, follows it to decided as the departments send figures, then decides an appeal', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    page.on('pageerror', (err) => console.error('page error:', err.message));
    await signIn(page, running.url, 'wang.clerk');

    // The dashboard is the bureau's first page: no quarter yet.
    await expect
      .poll(() => page.getByRole('heading', { name: '工作台', level: 2 }).count(), { timeout: 15_000 })
      .toBe(1)
      .catch(async (err: unknown) => {
        console.error(page.url(), await page.locator('body').innerText());
        throw err;
      });
    const quarter = page.getByRole('region', { name: '季度考核' });
    await expect.poll(() => quarter.innerText(), patient).toContain('尚未启动');

    // Nothing is in for 2026-Q1: every department owes all its figures.
    await open(page, '数据报送情况');
    await page.getByLabel('考核期').fill('2026-Q1');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await expect.poll(() => page.getByRole('alert').first().innerText(), patient).toContain('2026年第一季度尚缺 70 项数据');
    const byDepartment = page.getByRole('table', { name: '各部门报送情况' });
    for (const name of Object.values(departmentNames)) await expect.poll(() => byDepartment.innerText(), patient).toContain(name);

    // A quarter that has not ended is refused, said under the period.
    await open(page, '工作台');
    await page.getByLabel('考核期').fill('2026-Q4');
    await page.getByRole('button', { name: /启动考核/ }).click();
    await expect.poll(() => fieldError(page, '考核期').innerText(), patient).toMatch(/2026-Q4|ended|end/);
    await expect.poll(() => quarter.innerText(), patient).toContain('尚未启动');

    // Started by hand, it waits for figures from the three departments by name.
    await page.getByLabel('考核期').fill('2026-Q1');
    await page.getByRole('button', { name: /启动考核/ }).click();
    await expect.poll(() => quarter.innerText(), { timeout: 30_000 }).toContain('等待以下部门报送数据');
    const waiting = await quarter.innerText();
    expect(waiting).toContain('2026年第一季度');
    expect(waiting).toContain('进行中');
    expect(waiting).toContain('报送截止');
    for (const name of Object.values(departmentNames)) expect(waiting).toContain(name);

    // Each department sends its figures; the dashboard stops waiting for it, then decides.
    const submissions = demoSubmissions(demoCommunityIds);
    for (const [i, { submittedBy, figures }] of submissions.entries()) {
      const token = await serviceToken(running.databaseUrl, { role: 'department', subjectId: submittedBy });
      const sent = await apiCall(running, 'POST', '/api/metrics', { period: '2026-Q1', figures }, token);
      expect(sent.status, JSON.stringify(sent.body)).toBe(200);
      if (i < submissions.length - 1) {
        await expect.poll(() => quarter.innerText(), { timeout: 30_000 }).not.toContain(departmentNames[submittedBy]);
        expect(await quarter.innerText()).toContain(departmentNames[submissions[i + 1]!.submittedBy]);
      }
    }
    await expect.poll(() => quarter.innerText(), { timeout: 90_000 }).toContain('已裁决');
    expect(await quarter.innerText()).toContain('裁决时间');
    expect(await quarter.innerText()).not.toContain('等待以下部门报送数据');
    await checkPageAtRest(page, 'bureau-dashboard');

    // Every figure of the quarter is in.
    await open(page, '数据报送情况');
    await page.getByLabel('考核期').fill('2026-Q1');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await expect.poll(() => page.getByRole('alert').first().innerText(), patient).toContain('2026年第一季度数据已全部报齐');
    await checkPageAtRest(page, 'bureau-figures');

    // An officer appeals the quarter's evaluation; the clerk finds it among the open appeals.
    const officer = await serviceToken(running.databaseUrl, { role: 'officer', subjectId: 'o01' });
    const filed = await apiCall(
      running,
      'POST',
      '/api/appeals',
      { contests: 'evaluation', cycleId: 'quarterly-2026-Q1-demo', reason: '满意率调查漏计了两户' },
      officer,
    );
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const id = filed.body.id as number;
    await open(page, '申诉裁决');
    const appeals = page.getByRole('table', { name: '申诉列表' });
    await expect.poll(() => appeals.innerText(), patient).toContain('满意率调查漏计了两户');
    await page.getByRole('button', { name: `查看申诉 ${id}` }).click();
    const drawer = page.getByRole('dialog');
    await expect.poll(() => drawer.innerText(), patient).toContain('待裁决');

    // A corrected metric without its value is refused under the value field.
    await drawer.getByLabel('改判').check();
    await drawer.getByLabel('裁决理由').fill('复核问卷,确有两户漏计');
    await pick(drawer, '更正的指标(可选)', '满意率');
    await drawer.getByRole('button', { name: /提交裁决/ }).click();
    await expect.poll(() => fieldError(page, '更正后的数值(可选)').innerText(), patient).toContain('expected the corrected value');

    await drawer.getByLabel('更正后的数值(可选)').fill('0.95');
    await drawer.getByRole('button', { name: /提交裁决/ }).click();
    await expect.poll(() => drawer.innerText(), patient).toContain('复核问卷,确有两户漏计');
    expect(await drawer.innerText()).not.toContain('提交裁决');
    expect((await apiCall(running, 'GET', `/api/appeals/${id}`)).body.status).toBe('overturned');
    await page.getByRole('button', { name: '关闭' }).click();
    await page.getByText('全部', { exact: true }).click();
    await expect.poll(() => appeals.innerText(), patient).toContain('改判');
    await checkPageAtRest(page, 'bureau-appeals');
    await context.close();
  });
});
