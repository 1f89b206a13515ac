// The registry in the console, as a bureau clerk keeps it: a community created (the API's error
// under the field it names, then fixed), an officer edited, a binding made and ended, an officer
// invited — the code copied, and accepted on the sign-in page by that officer in another browser —
// and then disabled.
// The bureau head reads the same pages without the buttons that write.
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { fieldError, pick } from '../support/antd.js';
import { devNamespaces } from '../support/namespaces.js';
import { checkPage, consoleSuite, newContext, signIn } from '../support/console.js';

/** Long enough for a lazy page's chunk and its first answer on a busy machine. */
const soon = { timeout: 15_000 };

/** Picks an option of an AntD select by typing part of its label and pressing Enter. */
async function choose(page: Page, select: Locator, text: string): Promise<void> {
  await select.click();
  await select.fill(text);
  await expect.poll(() => page.locator('.ant-select-dropdown:visible .ant-select-item-option').count(), soon).toBe(1);
  await select.press('Enter');
}

describe('the console: registry, bindings and users', () => {
  const c = consoleSuite(devNamespaces.consoleRegistry, {
    users: [
      { id: 'wang.clerk', role: 'bureau-staff', name: '王文书' },
      { id: 'chen.head', role: 'bureau-head', name: '陈局长' },
    ],
  });

  it('a clerk keeps the registry and invites an officer, who accepts on the sign-in page', { timeout: 180_000 }, async () => {
    const context = await newContext(c.browser);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: c.running.url });
    const page = await context.newPage();
    await signIn(page, c.running.url, 'wang.clerk');

    // A community with a complexity out of range: the API's error under that field; fixed, it is saved.
    await page
      .getByRole('menuitem', { name: /基础信息/ })
      .first()
      .waitFor();
    await page.getByRole('link', { name: '社区', exact: true }).click();
    await page.getByRole('button', { name: /新建社区/ }).click();
    const drawer = page.locator('.ant-drawer-open');
    await drawer.getByLabel('编号').fill('c11');
    await drawer.getByLabel('名称').fill('新城社区');
    await drawer.getByLabel('人口').fill('8200');
    await drawer.getByLabel('复杂程度').fill('9');
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => fieldError(drawer, '复杂程度').allInnerTexts(), soon).toEqual([expect.stringMatching(/5/)]);
    await drawer.getByLabel('复杂程度').fill('4');
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    await expect
      .poll(
        () =>
          page
            .getByRole('row')
            .filter({ hasText: /c11.*新城社区.*8,200.*4/ })
            .count(),
        soon,
      )
      .toBe(1);
    expect((await c.running.db.community.findUnique({ where: { id: 'c11' } }))?.complexity).toBe(4);
    await checkPage(page, 'registry-communities');

    // An officer's name and station changed; the row opens the officer's postings.
    await page.getByRole('link', { name: '社区民警', exact: true }).click();
    await page
      .getByRole('row')
      .filter({ hasText: 'o01' })
      .getByRole('button', { name: /编\s*辑/ })
      .click();
    await drawer.getByLabel('姓名').fill('刘海涛');
    await choose(page, drawer.getByLabel('所属派出所'), 'xinqu');
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    await expect
      .poll(
        () =>
          page
            .getByRole('row')
            .filter({ hasText: /o01.*刘海涛.*xinqu/ })
            .count(),
        soon,
      )
      .toBe(1);
    expect(await c.running.db.officer.findUnique({ where: { id: 'o01' } })).toMatchObject({ name: '刘海涛', stationId: 'xinqu' });
    await page.getByRole('row').filter({ hasText: /o01/ }).getByRole('button', { name: /展开/ }).click();
    await expect.poll(() => page.getByRole('table', { name: 'o01 的任职记录' }).getByRole('row').count(), soon).toBeGreaterThan(1);
    await checkPage(page, 'registry-officers');

    // A binding of officer o02 to the new community from today, then ended today.
    await page.getByRole('link', { name: '责任捆绑', exact: true }).click();
    await page.getByRole('button', { name: /建立捆绑/ }).click();
    await choose(page, drawer.getByLabel('社区', { exact: true }), 'c11');
    await pick(drawer, '类型', '社区民警');
    await choose(page, drawer.getByLabel('责任人'), 'o02');
    await drawer.getByRole('button', { name: /建\s*立/ }).click();
    // The drawer closes once the binding is stored; while it stays open, what it shows is why.
    await expect.poll(async () => ((await drawer.count()) ? drawer.innerText() : ''), soon).toBe('');
    await choose(page, page.getByLabel('按社区筛选'), 'c11');
    const row = page.getByRole('row').filter({ hasText: /新城社区.*o02/ });
    await expect.poll(() => row.innerText(), soon).toContain('长期有效');
    await row.getByRole('button', { name: /结\s*束/ }).click();
    await drawer.getByRole('button', { name: /结束捆绑/ }).click();
    await expect.poll(() => row.innerText(), soon).not.toContain('长期有效');
    const ended = await c.running.db.binding.findFirst({ where: { communityId: 'c11', subjectId: 'o02' } });
    expect(ended?.effectiveTo).toBe(ended?.effectiveFrom);
    await checkPage(page, 'registry-bindings');

    // An officer invited: the code shown once, copied, with its expiry.
    await page.getByRole('link', { name: '用户与邀请', exact: true }).click();
    await page.getByRole('button', { name: /邀请用户/ }).click();
    await drawer.getByLabel('登录名').fill('zhao.officer');
    await drawer.getByLabel('姓名').fill('赵警官');
    await pick(drawer, '角色', '社区民警');
    await choose(page, drawer.getByLabel('对应人员或单位'), 'o03');
    await drawer.getByRole('button', { name: /生成邀请码/ }).click();
    const dialog = page.getByRole('dialog', { name: '邀请码' });
    const code = (await dialog.getByTestId('invitation-code').innerText()).trim();
    expect(code.length).toBeGreaterThan(16);
    await expect.poll(() => dialog.innerText(), soon).toMatch(/有效期至\s*\d{4}年\d+月\d+日/);
    await dialog.getByRole('button', { name: '复制邀请码' }).click();
    await expect.poll(() => page.evaluate('navigator.clipboard.readText()'), soon).toBe(code);
    await dialog.getByRole('button', { name: /我已记下/ }).click();
    await expect
      .poll(
        () =>
          page
            .getByRole('row')
            .filter({ hasText: /zhao\.officer.*赵警官.*社区民警.*o03.*待接受邀请/ })
            .count(),
        soon,
      )
      .toBe(1);
    await checkPage(page, 'registry-users');

    // The officer, in another browser, accepts the code on the sign-in page and is signed in.
    const officerContext = await newContext(c.browser);
    const officer = await officerContext.newPage();
    await officer.goto(`${c.running.url}/`);
    await officer.getByRole('tab', { name: '接受邀请' }).click();
    await officer.getByLabel('邀请码').fill(code);
    await officer.getByLabel('设置密码').fill('zhao-officer-password-2026');
    await officer.getByRole('button', { name: /接受邀请并登录/ }).click();
    await expect.poll(() => officer.getByRole('button', { name: /退\s*出/ }).count(), soon).toBe(1);
    await expect.poll(() => officer.getByText(/赵警官/).count(), soon).toBeGreaterThan(0);
    await officerContext.close();

    await page.reload();
    await expect
      .poll(
        () =>
          page
            .getByRole('row')
            .filter({ hasText: /zhao\.officer.*已启用/ })
            .count(),
        soon,
      )
      .toBe(1);
    // Disabled: the row says so, and so does the database.
    await page
      .getByRole('row')
      .filter({ hasText: 'zhao.officer' })
      .getByRole('button', { name: /停\s*用/ })
      .click();
    await page
      .locator('.ant-popconfirm:visible')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await expect
      .poll(
        () =>
          page
            .getByRole('row')
            .filter({ hasText: /zhao\.officer.*已停用/ })
            .count(),
        soon,
      )
      .toBe(1);
    expect((await c.running.db.user.findUnique({ where: { id: 'zhao.officer' } }))?.disabledAt).not.toBeNull();
    await context.close();
  });

  it('the bureau head reads the registry without the buttons that write', async () => {
    const page = await c.open('chen.head');
    await page.getByRole('link', { name: '社区', exact: true }).click();
    await expect.poll(() => page.getByRole('row').filter({ hasText: /c01/ }).count(), soon).toBe(1);
    expect(await page.getByRole('button', { name: /新建社区|编辑/ }).count()).toBe(0);
    await page.getByRole('link', { name: '用户与邀请', exact: true }).click();
    await expect
      .poll(
        () =>
          page
            .getByRole('row')
            .filter({ hasText: /wang\.clerk/ })
            .count(),
        soon,
      )
      .toBe(1);
    expect(await page.getByRole('button', { name: /邀请用户|停用|重新生成/ }).count()).toBe(0);
    await checkPage(page, 'registry-users-head');
    await page.context().close();
  });
});
