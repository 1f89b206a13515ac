// An officer's quarter in the console, at phone width: after a decided quarter, finance's payment
// of their subsidy and a leader's logged visit, the officer reads their score's breakdown and the
// explanation of their decisions, signs for the last place's notice, confirms the visit, confirms
// receipt (a wrong amount is refused at its field by the API first) and files an appeal (a rate
// typed as a percentage is refused at its field first).
import { describe, expect, it } from 'vitest';
import { fieldError, pick } from '../support/antd.js';
import { devNamespaces } from '../support/namespaces.js';
import { apiCall, checkPage, consoleSuite, decideQuarter, phone } from '../support/console.js';
import { serviceToken } from '../support/serviceUsers.js';

const officerId = 'o01';
const yuan = (n: number) => `¥${new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2 }).format(n)}`;
/** Yesterday (UTC): a day that has happened in every time zone the service may keep. */
const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

/** A loaded machine (Temporal, 8 engineers' tests) may take seconds to render a lazy page. */
const patience = { timeout: 15_000 };

describe('the console: an officer', () => {
  let officerToken: string;
  let cycleId: string;
  let obligation: { id: string; amount: number };
  let visitId: number;

  const c = consoleSuite(devNamespaces.consoleOfficer, { users: [{ id: 'wang.officer', role: 'officer', subjectId: officerId, name: '王警官' }] });

  // expect.poll, which decideQuarter waits with, runs only inside a test.
  it('has a decided quarter, the subsidy paid by finance and a visit logged by the leader', async () => {
    cycleId = await decideQuarter(c.running);
    officerToken = await serviceToken(c.running.databaseUrl, { role: 'officer', subjectId: officerId });

    // Finance pays the officer's subsidy of the quarter in full.
    const owed = await apiCall(c.running, 'GET', `/api/obligations?cycleId=${cycleId}`, undefined, officerToken);
    expect(owed.status).toBe(200);
    obligation = owed.body[0];
    expect(obligation, 'a subsidy decided for the officer').toBeDefined();
    const finance = await serviceToken(c.running.databaseUrl, { role: 'finance' });
    const paid = await apiCall(
      c.running,
      'POST',
      '/api/payments',
      { obligationId: obligation.id, amount: obligation.amount, paidOn: yesterday, reference: 'CW-2026-0417' },
      finance,
    );
    expect(paid.status, JSON.stringify(paid.body)).toBe(201);

    // The leader bound to the officer's community logs yesterday there.
    const [office] = (await apiCall(c.running, 'GET', `/api/bindings?subjectType=officer&subjectId=${officerId}`)).body as { communityId: string }[];
    const [leader] = (await apiCall(c.running, 'GET', `/api/bindings?subjectType=leader&communityId=${office!.communityId}`)).body as { subjectId: string }[];
    const leaderToken = await serviceToken(c.running.databaseUrl, { role: 'leader', subjectId: leader!.subjectId });
    const visit = await apiCall(c.running, 'POST', '/api/visits', { communityId: office!.communityId, date: yesterday, note: '走访独居老人' }, leaderToken);
    expect(visit.status, JSON.stringify(visit.body)).toBe(201);
    visitId = visit.body.id;
  }, 120_000);

  it('reads the breakdown and explanation, confirms the visit and the receipt, and files an appeal, at phone width', async () => {
    const page = await c.open('wang.officer', phone);

    // 我的考核: the officer's home; the score, each metric's contribution and the decision's reason.
    await expect.poll(() => page.getByRole('heading', { level: 2, name: '我的考核' }).count(), patience).toBe(1);
    const [evaluation] = (await apiCall(c.running, 'GET', `/api/evaluations?cycleId=${cycleId}`, undefined, officerToken)).body;
    await expect.poll(() => page.getByText('2026年第一季度').count(), patience).toBeGreaterThan(0);
    const breakdown = page.getByRole('table').first();
    for (const e of evaluation.breakdown as { contribution: number }[])
      await expect.poll(() => breakdown.innerText(), patience).toContain(e.contribution.toFixed(2));
    await expect.poll(() => breakdown.innerText(), patience).toContain('满意率');
    await expect.poll(() => breakdown.innerText(), patience).toContain(evaluation.score.toFixed(2));
    const [decision] = (await apiCall(c.running, 'GET', `/api/decisions?cycleId=${cycleId}`, undefined, officerToken)).body;
    const explanation = await apiCall(c.running, 'GET', `/api/decisions/${encodeURIComponent(decision.id)}/explanation`, undefined, officerToken);
    await expect.poll(() => page.getByText(explanation.body.zh).count(), patience).toBeGreaterThan(0);
    await checkPage(page, 'officer-evaluations');

    // 我的通报: the last place's joint notice, signed for (签收).
    await page.goto(`${c.running.url}/officer/notices`);
    await expect.poll(() => page.getByText('考评末位通报').count(), patience).toBeGreaterThan(0);
    const unsigned = await page.getByRole('button', { name: /^签\s*收$/ }).count();
    expect(unsigned).toBeGreaterThan(0);
    await page
      .getByRole('button', { name: /^签\s*收$/ })
      .first()
      .click();
    await expect.poll(() => page.getByRole('button', { name: /^签\s*收$/ }).count(), patience).toBe(unsigned - 1);
    const notices = (await apiCall(c.running, 'GET', '/api/notices', undefined, officerToken)).body as {
      recipients: { recipientId: string; acknowledgedAt: string | null }[];
    }[];
    expect(notices.filter((n) => n.recipients.some((r) => r.recipientId === officerId && r.acknowledgedAt))).toHaveLength(1);
    await checkPage(page, 'officer-notices');

    // 领导驻社区确认: through the folded menu, then confirm the day.
    await page.getByRole('button', { name: '打开菜单' }).click();
    await page.getByRole('menuitem', { name: /领导驻社区确认/ }).click();
    await expect.poll(() => page.getByText('走访独居老人').count(), patience).toBe(1);
    await page.getByRole('button', { name: /^确\s*认$/ }).click();
    await expect.poll(async () => (await apiCall(c.running, 'GET', `/api/visits/${visitId}`)).body.status, patience).toBe('confirmed');
    await page.getByText('全部', { exact: true }).click();
    await expect.poll(() => page.getByText('已确认').count(), patience).toBeGreaterThan(0);
    await checkPage(page, 'officer-visits');

    // 我的补贴: a wrong amount is refused by the API under the field, the right one confirms.
    await page.goto(`${c.running.url}/officer/money`);
    await expect.poll(() => page.getByText('CW-2026-0417', { exact: false }).count(), patience).toBe(1);
    await expect.poll(() => page.getByText(yuan(obligation.amount)).count(), patience).toBeGreaterThan(0);
    await page.getByLabel('实际收到金额(元)').fill(String(obligation.amount - 100));
    await page.getByRole('button', { name: '确认收款' }).click();
    await expect.poll(() => fieldError(page, '实际收到金额(元)').innerText(), patience).toContain('recorded as paid');
    const confirmedBefore = (await apiCall(c.running, 'GET', `/api/obligations/${encodeURIComponent(obligation.id)}`)).body.confirmed;
    expect(confirmedBefore).toBe(0);
    await page.getByLabel('实际收到金额(元)').fill(String(obligation.amount));
    await page.getByRole('button', { name: '确认收款' }).click();
    await expect
      .poll(async () => (await apiCall(c.running, 'GET', `/api/obligations/${encodeURIComponent(obligation.id)}`)).body.confirmed, patience)
      .toBe(obligation.amount);
    await expect.poll(() => page.getByLabel('实际收到金额(元)').count(), patience).toBe(0);
    await checkPage(page, 'officer-money');

    // 提出申诉: a rate typed as a percentage is refused at the value; as a fraction it is filed.
    await page.goto(`${c.running.url}/officer/appeals`);
    await pick(page, '考核周期', '2026年第一季度');
    await page.getByLabel('申诉理由').fill('满意率调查样本中有两户不在本社区,请核实。');
    await pick(page, '数据有误的指标(可选)', '满意率');
    await page.getByLabel('正确的数据(可选)').fill('95');
    await page.getByRole('button', { name: '提交申诉' }).click();
    await expect.poll(() => fieldError(page, '正确的数据(可选)').innerText(), patience).toContain('between 0 and 1');
    expect((await apiCall(c.running, 'GET', '/api/appeals')).body).toEqual([]);
    await page.getByLabel('正确的数据(可选)').fill('0.95');
    await page.getByRole('button', { name: '提交申诉' }).click();
    await expect.poll(() => page.getByText('待裁决').count(), patience).toBe(1);
    const appeals = (await apiCall(c.running, 'GET', '/api/appeals')).body;
    expect(appeals).toMatchObject([{ officerId, cycleId, contests: 'evaluation', metric: 'satisfaction', value: 0.95, status: 'open' }]);
    await checkPage(page, 'officer-appeal');
    await page.context().close();
  });
});
