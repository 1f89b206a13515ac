// Signing in to the console at /, in Chinese, English one click away; the menu shows only what
// the role may open; a wrong password is said next to the form; sign-out returns to the form;
// the system's reduced-motion setting turns the transitions off.
import { describe, expect, it } from 'vitest';
import { devNamespaces } from '../support/namespaces.js';
import { checkPage, consoleSuite, newContext, phone, signIn } from '../support/console.js';

describe('the console: signing in', () => {
  const c = consoleSuite(devNamespaces.consoleSignIn, {
    users: [
      { id: 'zhang.clerk', role: 'bureau-staff', name: '张文书' },
      { id: 'li.officer', role: 'officer', subjectId: 'o01', name: '李警官' },
    ],
  });

  it('serves the console at / with its assets from the service itself, nothing from elsewhere', async () => {
    const context = await newContext(c.browser);
    const page = await context.newPage();
    const foreign: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(c.running.url) && !r.url().startsWith('data:')) foreign.push(r.url());
    });
    await page.goto(`${c.running.url}/`);
    await expect.poll(() => page.getByText('社区警务责任捆绑考核').count()).toBeGreaterThan(0);
    await checkPage(page, 'sign-in');
    expect(foreign).toEqual([]);
    // A reload on a page's address opens the console, not a 404.
    const deep = await fetch(`${c.running.url}/ranking`, { headers: { accept: 'text/html' } });
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('<div id="root">');
    // The API's own 404 stays JSON.
    expect((await fetch(`${c.running.url}/api/nowhere`)).headers.get('content-type')).toContain('application/problem+json');
    await context.close();
  });

  it('says a wrong password on the form, then signs in in Chinese and switches to English', async () => {
    const context = await newContext(c.browser);
    const page = await context.newPage();
    await page.goto(`${c.running.url}/`);
    await page.getByLabel('登录名').fill('zhang.clerk');
    await page.getByLabel('密码').fill('not the password at all');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('the sign-in name or password is wrong');

    await signIn(page, c.running.url, 'zhang.clerk');
    await expect.poll(() => page.getByText('张文书').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('menuitem', { name: /收件箱/ }).count()).toBe(1);
    await checkPage(page, 'inbox-bureau');
    await page.getByText('English', { exact: true }).click();
    await expect.poll(() => page.getByRole('menuitem', { name: /Inbox/ }).count()).toBe(1);
    await page.getByText('中文', { exact: true }).click();
    await page.getByRole('button', { name: /退\s*出/ }).click();
    await expect.poll(() => page.getByLabel('登录名').count()).toBe(1);
    await context.close();
  });

  it('lets the first clerk in with the code the first start printed, on 接受邀请', async () => {
    const code = c.running.service.firstInvitation!.code;
    const context = await newContext(c.browser);
    const page = await context.newPage();
    await page.goto(`${c.running.url}/`);
    await page.getByRole('tab', { name: '接受邀请' }).click();
    await page.getByLabel('邀请码').fill(code);
    await page.getByLabel('设置密码').fill('short');
    await page.getByRole('button', { name: '接受邀请并登录' }).click();
    // The API's refusal of the password, under the password field.
    await expect.poll(() => page.locator('.ant-form-item-explain-error').allInnerTexts()).toEqual([expect.stringMatching(/12/)]);
    await page.getByLabel('设置密码').fill('the first clerk of the demo county');
    await page.getByRole('button', { name: '接受邀请并登录' }).click();
    await expect.poll(() => page.getByText('局机关管理员').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await checkPage(page, 'first-clerk');
    await context.close();
  });

  it('moves without transitions when the system asks for reduced motion, and with them otherwise', async () => {
    // The menu's items: Ant Design's own reduced-motion styles cover buttons, not menus.
    const transition = async (reducedMotion: 'reduce' | 'no-preference') => {
      const context = await c.browser.newContext({ locale: 'zh-CN', reducedMotion });
      const page = await context.newPage();
      await signIn(page, c.running.url, 'zhang.clerk');
      // Run in the page, where getComputedStyle is a global; Node's types do not know it.
      const seconds = (await page.evaluate(`getComputedStyle(document.querySelector('.ant-menu-item')).transitionDuration`)) as string;
      await context.close();
      return seconds.split(',').map((s) => parseFloat(s));
    };
    expect(Math.max(...(await transition('reduce')))).toBe(0);
    expect(Math.max(...(await transition('no-preference')))).toBeGreaterThan(0);
  });

  it('fits a phone: the menu folds into a drawer', async () => {
    const page = await c.open('li.officer', phone);
    await page.getByRole('button', { name: '打开菜单' }).click();
    await expect.poll(() => page.getByRole('menuitem', { name: /收件箱/ }).count()).toBe(1);
    await checkPage(page, 'phone-officer-menu');
    await page.context().close();
  });
});
