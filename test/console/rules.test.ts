// A rule-set edit in the browser: a bureau clerk opens the editor on the version in force, makes
// a weight a string, validates and sees the error marked at its line; fixes it with a real change
// (满意率 weight 20 → 40), reads the diff, back-tests it on the decided quarter (old vs new per
// office, and totals, as the API computes them), and publishes it with an effective date; the
// versions page lists it as pending. The bureau head reads versions but has no editor.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { devNamespaces } from '../support/namespaces.js';
import { apiCall, checkPage, consoleSuite, decideQuarter, newContext, signIn } from '../support/console.js';

/** The editor shows the version in force as JSON.stringify(…, null, 2): the line of a text in it. */
const lineOf = (document: unknown, needle: string) =>
  JSON.stringify(document, null, 2)
    .split('\n')
    .findIndex((l) => l.includes(needle)) + 1;

/** Puts the cursor at the end of the editor line holding `text`, as a user clicking there would. */
async function endOfLine(page: Page, text: string) {
  await page.locator('.cm-line', { hasText: text }).first().click();
  await page.keyboard.press('End');
}

describe('the console: editing the rules', () => {
  const c = consoleSuite(devNamespaces.consoleRules, {
    users: [
      { id: 'wang.rules', role: 'bureau-staff', name: '王规则' },
      { id: 'zhao.head', role: 'bureau-head', name: '赵局长' },
    ],
  });

  it('marks a located error at its line, shows the diff and the back-test, and publishes a version', async () => {
    // A decided quarter, so the back-test has history to re-decide.
    await decideQuarter(c.running, '2026-Q1');
    const page = await c.open('wang.rules');
    await page.goto(`${c.running.url}/rules/editor`);
    const editor = page.getByRole('textbox', { name: '规则文档编辑区' });
    await expect.poll(() => editor.innerText(), { timeout: 15_000 }).toContain('county-default-2026');

    // The satisfaction weight (the only "weight": 20) becomes a string.
    const inForce = (await apiCall(c.running, 'GET', '/api/rulesets/1')).body.document;
    const weightLine = lineOf(inForce, '"weight": 20');
    expect(weightLine).toBeGreaterThan(1);
    await endOfLine(page, '"weight": 20');
    for (let i = 0; i < '20,'.length; i++) await page.keyboard.press('Backspace');
    await page.keyboard.insertText('"heavy",');
    await page.getByRole('button', { name: /校\s*验/ }).click();

    // Marked at its line: the underline is on the weight's line, the gutter has a marker, and
    // the list under the editor names the line and the pointer.
    await expect.poll(() => page.locator('.cm-line:has(.cm-lintRange-error)').allInnerTexts()).toEqual([expect.stringContaining('"weight": "heavy"')]);
    expect(await page.locator('.cm-lint-marker-error').count()).toBe(1);
    const errors = page.getByText(/发现 1 处错误/);
    await expect.poll(() => errors.count()).toBe(1);
    const item = page.locator('.ant-list-item', { hasText: '/scoring/metrics/satisfaction/weight' });
    await expect.poll(() => item.innerText()).toContain(`第 ${weightLine} 行`);
    // The gutter marker sits on the same line: the line-number gutter element beside it reads weightLine.
    const markerTop = await page.locator('.cm-lint-marker-error').boundingBox();
    const numberTop = await page.locator('.cm-lineNumbers .cm-gutterElement', { hasText: new RegExp(`^${weightLine}$`) }).boundingBox();
    expect(Math.abs(markerTop!.y - numberTop!.y)).toBeLessThan(12);
    await checkPage(page, 'rules-editor');

    // A real change instead: weight 40; valid now.
    await endOfLine(page, '"weight": "heavy"');
    for (let i = 0; i < '"heavy",'.length; i++) await page.keyboard.press('Backspace');
    await page.keyboard.insertText('40,');
    await page.getByRole('button', { name: /校\s*验/ }).click();
    await expect.poll(() => page.getByText('校验通过').count()).toBe(1);
    expect(await page.locator('.cm-lintRange-error').count()).toBe(0);

    // The diff against the version in force: one change, 20 removed, 40 in its place.
    await page.getByRole('button', { name: '对比现行版本' }).click();
    await expect.poll(() => page.getByText('共 1 处改动').count()).toBe(1);
    const diff = page.getByRole('textbox', { name: '与现行版本的差异' });
    await expect.poll(() => diff.locator('.cm-deletedChunk').innerText()).toContain('"weight": 20');
    expect(await diff.locator('.cm-changedLine').innerText()).toContain('"weight": 40');

    // The back-test re-decides 2026-Q1: the page shows what the API computes for the same document.
    const edited = structuredClone(inForce);
    edited.scoring.metrics.satisfaction.weight = 40;
    const expected = (await apiCall(c.running, 'POST', '/api/rulesets/backtest', { document: edited })).body;
    const q1 = expected.periods.find((p: any) => p.period === '2026-Q1');
    const scored = q1.offices.filter((o: any) => o.score);
    expect(scored.length).toBeGreaterThan(0);
    await page.getByRole('button', { name: /回\s*测/ }).click();
    const offices = page.getByRole('table', { name: '2026-Q1 各警务室对比' });
    await expect.poll(() => offices.count(), { timeout: 60_000 }).toBe(1);
    const first = scored[0];
    const row = offices.locator('tr', { hasText: first.community });
    expect(await row.innerText()).toContain(`${first.score.actual} → ${first.score.candidate}`);
    const totals = page.locator('.ant-descriptions');
    expect(await totals.innerText()).toMatch(new RegExp(`有变化的警务室\\s+${expected.totals.officesChanged}`));
    expect(await totals.innerText()).toContain('补贴');
    expect(await totals.innerText()).toContain('→');
    if (q1.officers.length > 0) expect(await page.getByRole('table', { name: '2026-Q1 各民警补贴对比' }).locator('tbody tr').count()).toBeGreaterThan(0);
    await checkPage(page, 'rules-backtest');

    // Publishing: the date is required (said at the field), then given.
    await page.getByLabel('修改说明').fill('满意率权重由20调为40');
    await page.getByRole('button', { name: '发布新版本' }).click();
    await expect.poll(() => page.getByText('请选择生效日期').count()).toBe(1);
    // Enter in the date field takes the typed date and submits the form, as in any form field.
    await page.getByLabel('生效日期').fill('2027-01-01');
    await page.getByLabel('生效日期').press('Enter');

    const versions = page.getByRole('table', { name: '规则版本列表' });
    await expect.poll(() => page.url(), { timeout: 15_000 }).toMatch(/\/rules\/versions$/);
    const added = versions.locator('tr', { hasText: '满意率权重由20调为40' });
    await expect.poll(() => added.count(), { timeout: 20_000 }).toBe(1);
    expect(await added.innerText()).toContain('2027年1月1日');
    expect(await added.innerText()).toContain('待生效');
    expect(await versions.locator('tr', { hasText: '现行' }).count()).toBe(1);
    const stored = (await apiCall(c.running, 'GET', '/api/rulesets')).body;
    expect(stored.at(-1)).toMatchObject({ effectiveFrom: '2027-01-01', reason: '满意率权重由20调为40', author: 'wang.rules' });
    await checkPage(page, 'rules-versions');
    await page.context().close();
  }, 300_000);

  it('lets the bureau head read the versions but not edit', async () => {
    const context = await newContext(c.browser);
    const page = await context.newPage();
    const failures: string[] = [];
    page.on('pageerror', (e) => failures.push(e.message));
    page.on('response', (r) => r.status() >= 400 && failures.push(`${r.status()} ${r.url()}`));
    await signIn(page, c.running.url, 'zhao.head');
    // The menu (its items, shown or folded) has the versions and no editor.
    await expect.poll(() => page.locator('[data-menu-id$="/rules/versions"]').count()).toBe(1);
    expect(await page.locator('[data-menu-id$="/rules/editor"]').count()).toBe(0);
    await page.goto(`${c.running.url}/rules/versions`);
    const versions = page.getByRole('table', { name: '规则版本列表' });
    await expect.poll(async () => `${await page.locator('body').innerText()}\n${failures.join('\n')}`, { timeout: 20_000 }).toContain('现行');
    expect(await versions.locator('tr', { hasText: '待生效' }).count()).toBe(1);
    await context.close();
  });
});
