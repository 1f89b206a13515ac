// A leader in the field, on a phone: after a quarter in which his community placed last, he logs
// two days there (the first try with a day still to come, refused under the date field), sees
// the month's counts move as he logs and as the officer confirms, signs for the joint notice and
// sees it marked, and opens his scorecard; then the presence page once more on a desktop.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { todayIn } from '../../web/src/lib/today.js';
import { devNamespaces } from '../support/namespaces.js';
import { serviceToken } from '../support/serviceUsers.js';
import { apiCall, checkPage, consoleSuite, consoleUser, decideQuarter, desktop, phone } from '../support/console.js';

const timeZone = 'Asia/Shanghai';
const dayMs = 24 * 60 * 60 * 1000;

/** Polls long enough for a loaded machine: a write, its answer and the page's next read. */
const eventually = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000 });

/** A day relative to the bureau's today, as YYYY-MM-DD. */
const bureauDay = (offsetDays: number) => todayIn(timeZone, new Date(Date.now() + offsetDays * dayMs));

/** The statistic card of the presence page with the given test id, as its text. */
const stat = (page: Page, key: string) => page.getByTestId(`presence-${key}`).innerText();

async function openFromMenu(page: Page, name: RegExp) {
  await page.getByRole('button', { name: '打开菜单' }).click();
  await page.getByRole('menuitem', { name }).click();
}

/** Writes the note, types the day (Tab leaves the picker with the typed day) and submits. */
async function logVisit(page: Page, date: string, note: string) {
  await page.getByLabel('工作内容').fill(note);
  await page.getByLabel('日期').click();
  await page.getByLabel('日期').fill(date);
  await page.getByLabel('日期').press('Tab');
  await eventually(() => page.locator('.ant-picker-dropdown:visible').count()).toBe(0);
  await eventually(() => page.getByLabel('日期').inputValue()).toBe(date);
  await page.getByRole('button', { name: /登\s*记/ }).click();
}

describe('the console: a leader logs visits and acknowledges a joint notice', () => {
  let leaderId: string;
  let officerId: string;
  let noticeId: string;

  const c = consoleSuite(devNamespaces.consoleLeader);

  it("decides a quarter: the last-placed office's joint notice names its leader, who gets a console account", async () => {
    await decideQuarter(c.running, '2026-Q1');
    // The last-placed office's joint notice names its leader among the recipients.
    const notices = await apiCall(c.running, 'GET', '/api/notices?kind=joint-notice');
    expect(notices.status).toBe(200);
    expect(notices.body).toHaveLength(1);
    const notice = notices.body[0] as { id: string; recipients: { recipientType: string; recipientId: string }[] };
    noticeId = notice.id;
    leaderId = notice.recipients.find((r) => r.recipientType === 'leader')!.recipientId;
    officerId = notice.recipients.find((r) => r.recipientType === 'officer')!.recipientId;
    await consoleUser(c.running.db, { id: 'wang.leader', role: 'leader', subjectId: leaderId, name: '王局长' });
  });

  it('on a phone: logs two days (a day to come refused under the date field), signs for the joint notice, opens the scorecard', async () => {
    const page = await c.open('wang.leader', phone);
    // The leader's console opens on this month's presence.
    await eventually(() => page.getByRole('heading', { level: 2 }).innerText()).toBe('本月驻社区情况');
    await eventually(() => stat(page, 'logged')).toMatch(/已登记天数\s*0\s*天/);
    await eventually(() => stat(page, 'needed')).toMatch(/还需.*\s2\s*天/);

    await page.getByRole('button', { name: '登记驻社区工作日' }).click();
    await eventually(() => page.getByRole('heading', { level: 2 }).innerText()).toBe('登记驻社区工作日');
    const tomorrow = bureauDay(1);
    await logVisit(page, tomorrow, '走访重点人口');
    const dateItem = page.locator('.ant-form-item').filter({ has: page.getByLabel('日期') });
    await eventually(() => dateItem.locator('.ant-form-item-explain-error').innerText()).toContain(`${tomorrow} is in the future`);

    const today = bureauDay(0);
    await logVisit(page, today, '走访重点人口,检查出租屋');
    await eventually(() => page.getByRole('heading', { level: 2 }).innerText()).toBe('本月驻社区情况');
    await eventually(() => stat(page, 'logged')).toMatch(/已登记天数\s*1\s*天/);
    await eventually(() => page.getByText('走访重点人口,检查出租屋').count()).toBe(1);

    // A second day earlier this month (on the 1st, the same day again: it counts once).
    const earlier = today.endsWith('-01') ? today : bureauDay(-1);
    await page.getByRole('button', { name: '登记驻社区工作日' }).click();
    await logVisit(page, earlier, '参加社区警务例会');
    await eventually(() => stat(page, 'logged')).toMatch(new RegExp(`已登记天数\\s*${earlier === today ? 1 : 2}\\s*天`));
    await eventually(() => page.getByText('待民警确认').count()).toBe(2);
    await eventually(() => stat(page, 'confirmed')).toMatch(/民警已确认\s*0\s*天/);

    // The community's officer confirms today's visit; the page shows it once reloaded.
    const visits = await apiCall(c.running, 'GET', `/api/visits?leaderId=${leaderId}&month=${today.slice(0, 7)}`);
    const todays = (visits.body as { id: number; date: string }[]).find((v) => v.date === today)!;
    const officerToken = await serviceToken(c.running.databaseUrl, { role: 'officer', subjectId: officerId });
    expect((await apiCall(c.running, 'POST', `/api/visits/${todays.id}/confirmation`, { verdict: 'confirmed' }, officerToken)).status).toBe(200);
    await page.reload();
    await eventually(() => stat(page, 'confirmed')).toMatch(/民警已确认\s*1\s*天/);
    await eventually(() => stat(page, 'needed')).toMatch(/还需.*\s1\s*天/);
    await eventually(() => page.getByText('民警已确认', { exact: true }).count()).toBeGreaterThan(0);
    await checkPage(page, 'leader-presence');

    await openFromMenu(page, /联合通报/);
    const card = page.getByTestId(`notice-${noticeId}`);
    await eventually(() => card.innerText()).toContain('待签收');
    await eventually(() => card.getByTestId(`recipient-leader-${leaderId}`).innerText()).toContain('未签收');
    await eventually(() => card.getByTestId(`recipient-officer-${officerId}`).count()).toBe(1);
    await eventually(() => card.locator('[data-testid^="recipient-department-"]').count()).toBe(1);
    await card.getByRole('button', { name: /签\s*收/ }).click();
    await eventually(() => card.innerText()).toContain('本人已签收');
    await eventually(() => card.getByTestId(`recipient-leader-${leaderId}`).innerText()).toMatch(/已签收 \d{4}年/);
    await eventually(() => card.getByTestId(`recipient-officer-${officerId}`).innerText()).toContain('未签收');
    await eventually(() => card.getByRole('button', { name: /签\s*收/ }).count()).toBe(0);
    // The API agrees: the leader's acknowledgement is stored.
    const stored = await apiCall(c.running, 'GET', '/api/notices?kind=joint-notice');
    const mine = (stored.body[0].recipients as { recipientType: string; acknowledgedAt: string | null }[]).find((r) => r.recipientType === 'leader');
    expect(mine?.acknowledgedAt).toBeTruthy();
    await checkPage(page, 'leader-notices');

    await openFromMenu(page, /我的考核卡/);
    // On a phone each quarter is a card: the last place shows on the first quarter's.
    const q1 = page.getByTestId('quarter-2026-Q1');
    await eventually(() => q1.innerText()).toContain('2026年第一季度');
    await eventually(() => q1.getByText('末位', { exact: true }).count()).toBe(1);
    await eventually(() => q1.innerText()).toMatch(/通报批评|诫勉谈话/);
    await checkPage(page, 'leader-scorecard');
    await page.context().close();
  });

  it('on a desktop: the month as a table', async () => {
    const page = await c.open('wang.leader', desktop);
    const table = page.getByRole('table', { name: '本月登记的驻社区工作日' });
    await eventually(() => table.innerText()).toContain('参加社区警务例会');
    await eventually(() => table.getByText('民警已确认').count()).toBe(1);
    await checkPage(page, 'leader-presence-desktop');
    await page.context().close();
  });
});
