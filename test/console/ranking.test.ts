// The bureau reads two decided quarters in the console: a clerk opens 季度排名, sorts it by score
// on the server, opens the last-placed office's breakdown (every number as the API's evaluation
// has it), its explanation in Chinese and its score trend, then a liaison leader's scorecard.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { pick } from '../support/antd.js';
import { devNamespaces } from '../support/namespaces.js';
import { apiCall, checkPage, consoleSuite, decideQuarter, phone } from '../support/console.js';

const rows = (page: Page) => page.locator('table[aria-label="排名表"] tbody tr.ant-table-row');

describe('the console: the bureau reads the ranking', () => {
  let cycleId: string;

  const c = consoleSuite(devNamespaces.consoleRanking, { users: [{ id: 'wang.clerk', role: 'bureau-staff', name: '王文书' }] });

  // Two quarters, so the trend has two points; expect.poll (inside decideQuarter) needs a test.
  it('decides 2026-Q1 and 2026-Q2 on the real worker', async () => {
    await decideQuarter(c.running, '2026-Q1');
    cycleId = await decideQuarter(c.running, '2026-Q2');
  }, 300_000);

  it('ranks the latest quarter, sorts by score on the server, and opens the last office with its explanation, trend and a scorecard', async () => {
    const evaluations = (await apiCall(c.running, 'GET', `/api/evaluations?cycleId=${cycleId}&standing=true`)).body as any[];
    const last = evaluations.find((e) => e.isLast);
    expect(last).toBeDefined();

    const page = await c.open('wang.clerk');
    await page.getByRole('menuitem', { name: /季度排名/ }).click();
    await expect.poll(() => rows(page).count(), { timeout: 15_000 }).toBe(evaluations.length);
    // The latest decided quarter is shown first.
    await expect.poll(() => page.locator('.ant-select', { has: page.getByRole('combobox', { name: '考核周期' }) }).innerText()).toContain('2026年第二季度');
    await checkPage(page, 'bureau-ranking');

    // Sorting asks the server, lowest score first.
    const sorted = page.waitForRequest((r) => r.url().includes('/api/evaluations') && r.url().includes('sort=score') && r.url().includes('order=asc'));
    await page.getByRole('columnheader', { name: /得分/ }).click();
    await sorted;
    const lowest = Math.min(...evaluations.map((e) => e.score));
    await expect.poll(() => rows(page).first().innerText()).toContain(lowest.toFixed(2));
    await expect.poll(() => rows(page).first().innerText()).toContain(last.communityName);
    expect(await rows(page).first().innerText()).toMatch(/末位/);

    // The last-placed office's breakdown: each metric's points, weight and contribution as stored.
    await rows(page)
      .first()
      .getByRole('link', { name: new RegExp(last.communityName) })
      .click();
    await expect.poll(() => page.getByRole('heading', { level: 2 }).innerText()).toContain(last.communityName);
    const breakdown = page.locator('table[aria-label="指标明细"]');
    for (const entry of last.breakdown as { metric: string; points: number; weight: number; contribution: number }[]) {
      const cells = await breakdown.locator(`tr[data-row-key="${entry.metric}"] td`).allInnerTexts();
      expect(cells.slice(4), entry.metric).toEqual([entry.points.toFixed(2), String(entry.weight), entry.contribution.toFixed(2)]);
    }
    await expect.poll(() => breakdown.locator('tfoot, .ant-table-summary').innerText()).toContain(last.score.toFixed(2));

    // Its sanction explained in plain Chinese, as the API explains it.
    const sanction = last.decisions.find((d: { type: string }) => d.type === 'sanction');
    expect(sanction).toBeDefined();
    const explanation = (await apiCall(c.running, 'GET', `/api/decisions/${sanction.id}/explanation`)).body;
    const why = page.locator('.ant-card', { has: page.getByRole('heading', { name: '决定依据' }) });
    await expect.poll(() => why.innerText()).toContain(explanation.zh);

    // The trend: a chart over both quarters with its numbers as text.
    const chart = page.getByRole('img', { name: /得分走势/ });
    await expect.poll(() => chart.locator('canvas').count()).toBe(1);
    expect(await chart.getAttribute('aria-label')).toMatch(/2026年第一季度.*2026年第二季度/);
    await expect.poll(() => page.locator('table[aria-label="得分走势数据"] tbody tr.ant-table-row').count()).toBe(2);
    await checkPage(page, 'bureau-breakdown');

    // Back to the same sorted table.
    await page.getByRole('link', { name: /返回排名/ }).click();
    await expect.poll(() => rows(page).first().innerText()).toContain(last.communityName);

    // The scorecard of the leader bound to the last office: its quarters last.
    const bindings = (await apiCall(c.running, 'GET', `/api/bindings?communityId=${last.communityId}&subjectType=leader`)).body as { subjectId: string }[];
    const leader = bindings[0]!.subjectId;
    await page.getByRole('menuitem', { name: /领导与部门考核卡/ }).click();
    await pick(page, '局领导', `（${leader}）`);
    const quarters = page.locator('table[aria-label="季度考核"]');
    await expect.poll(() => quarters.locator('tr[data-row-key="2026-Q2"]').innerText()).toContain(last.score.toFixed(2));
    expect(await quarters.locator('tr[data-row-key="2026-Q2"]').innerText()).toMatch(/末位/);
    await checkPage(page, 'bureau-scorecards');
    await page.context().close();
  });

  it('fits a phone: the ranking table scrolls sideways', async () => {
    const page = await c.open('wang.clerk', phone);
    await page.goto(`${c.running.url}/ranking`);
    await expect.poll(() => rows(page).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await checkPage(page, 'bureau-ranking-phone');
    await page.context().close();
  });
});
