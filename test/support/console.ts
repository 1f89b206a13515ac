// The console in a real browser: Debian's Chromium driven by playwright-core, against the real
// service (HTTP, worker, Temporal dev server, a fresh SQLite file) seeded with the demo county.
// Each person signs in with a password, as they would; screenshots go to test-artifacts/console.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createDb, type Db } from '../../src/db/client.js';
import { startService, type RunningService } from '../../src/service.js';
import { consoleUser, desktop, launchBrowser, newContext, password } from './browser.js';
import { freshSqlite } from './db.js';
import { demoSubmissions } from './figures.js';
import { serviceToken } from './serviceUsers.js';

export const artefacts = new URL('../../test-artifacts/console/', import.meta.url).pathname;
export const bureauToken = 'console-bureau-token-0123456789';

export { chromiumPath, consoleUser, desktop, launchBrowser, newContext, password, phone } from './browser.js';

export interface ConsoleService {
  service: RunningService;
  url: string;
  databaseUrl: string;
  db: Db;
  stop(): Promise<void>;
}

/** The whole service on a fresh SQLite file, seeded with the demo county, on the shared dev server. */
export async function startConsoleService(namespace: string): Promise<ConsoleService> {
  const fresh = await freshSqlite(`console-${namespace}`);
  await fresh.db.$disconnect();
  const service = await startService(
    loadConfig({
      DATABASE_URL: fresh.url,
      TEMPORAL_ADDRESS: inject('devServerAddress'),
      TEMPORAL_NAMESPACE: namespace,
      TASK_QUEUE: `console-${namespace}`,
      HTTP_PORT: '0',
      BUREAU_TOKEN: bureauToken,
      LOG_LEVEL: 'warn',
    }),
  );
  const db = createDb(fresh.url);
  return {
    service,
    url: service.apiUrl,
    databaseUrl: fresh.url,
    db,
    async stop() {
      await db.$disconnect();
      await service.stop();
      await fresh.drop();
    },
  };
}

/** What a browser test file shares: the service and browser its beforeAll started, and signed-in pages. */
export interface ConsoleSuite {
  readonly running: ConsoleService;
  readonly browser: Browser;
  /** A page in a fresh browser context at `viewport`, signed in as `userId` (the console's own form). */
  open(userId: string, viewport?: { width: number; height: number }): Promise<Page>;
}

/**
 * Registers the beforeAll/afterAll of a console test file: the service in `namespace`, Chromium,
 * and the password users; both are stopped after the file's tests.
 */
export function consoleSuite(namespace: string, { users = [] }: { users?: Parameters<typeof consoleUser>[1][] } = {}): ConsoleSuite {
  let running: ConsoleService | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    running = await startConsoleService(namespace);
    browser = await launchBrowser();
    for (const user of users) await consoleUser(running.db, user);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('consoleSuite: used before its beforeAll ran');
    return value;
  };
  return {
    get running() {
      return started(running);
    },
    get browser() {
      return started(browser);
    },
    async open(userId, viewport = desktop) {
      const page = await (await newContext(started(browser), viewport)).newPage();
      await signIn(page, started(running).url, userId);
      return page;
    },
  };
}

/** Opens the console and signs in through its form, in Chinese; waits for the menu. */
export async function signIn(page: Page, url: string, id: string): Promise<void> {
  await page.goto(`${url}/`);
  await page.getByLabel('登录名').fill(id);
  await page.getByLabel('密码').fill(password);
  await page
    .getByRole('button', { name: '登 录' })
    .or(page.getByRole('button', { name: '登录' }))
    .click();
  await expect.poll(() => page.getByRole('button', { name: /退\s*出/ }).count(), { timeout: 15_000 }).toBe(1);
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string; failureSummary?: string }[];
}

/**
 * The page as it stands: a screenshot to test-artifacts/console/<name>.png, no serious or
 * critical axe-core violation, and no stack trace anywhere in its text.
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  mkdirSync(artefacts, { recursive: true });
  await page.waitForLoadState('networkidle');
  await expect.poll(() => page.locator('.ant-spin-spinning, .ant-skeleton-active').count(), { timeout: 15_000 }).toBe(0);
  // Whatever still animates under reduced motion (not Ant Design's own transitions) ends first.
  await page.evaluate(`Promise.race([
    new Promise((settle) => setTimeout(settle, 5000)),
    Promise.all(document.getAnimations()
      .filter((a) => a.effect && a.effect.getTiming().iterations !== Infinity)
      .map((a) => a.finished.catch(() => undefined))),
  ])`);
  await page.screenshot({ path: join(artefacts, `${name}.png`), fullPage: true });
  // Evaluated through the DevTools protocol, so the page's Content-Security-Policy allows it.
  await page.evaluate(axeSource);
  // The function runs in the page, where `axe` and `document` are globals; Node's types know neither.
  const violations = (await page.evaluate(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html.slice(0, 200), failureSummary: n.failureSummary })),
    })))`,
  )) as AxeViolation[];
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious, `${name}: axe-core violations`).toEqual([]);
  const text = await page.locator('body').innerText();
  expect(text, `${name}: a stack trace on the page`).not.toMatch(/\n\s+at \S+ \(|Error: .*\n\s+at /);
}

export const demoCommunityIds = ['c01', 'c02', 'c03', 'c04', 'c05', 'c06', 'c07', 'c08', 'c09', 'c10'];

/** A call to the running service as the bureau (the bootstrap token) or with another token. */
export async function apiCall(running: ConsoleService, method: string, path: string, body?: unknown, token = bureauToken) {
  const res = await fetch(`${running.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as any) : undefined };
}

/**
 * A quarter of the demo county decided by the real worker: each department submits its figures
 * over HTTP as itself, the bureau starts the cycle, and the call returns once it is decided.
 */
export async function decideQuarter(running: ConsoleService, period = '2026-Q1'): Promise<string> {
  for (const { submittedBy, figures } of demoSubmissions(demoCommunityIds)) {
    const token = await serviceToken(running.databaseUrl, { role: 'department', subjectId: submittedBy });
    const submitted = await apiCall(running, 'POST', '/api/metrics', { period, figures }, token);
    expect(submitted.status, JSON.stringify(submitted.body)).toBeLessThan(300);
  }
  const started = await apiCall(running, 'POST', '/api/cycles', { kind: 'quarterly', period });
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  const cycleId = `quarterly-${period}-demo`;
  await expect.poll(async () => (await apiCall(running, 'GET', `/api/cycles/${cycleId}`)).body?.status, { timeout: 90_000, interval: 500 }).toBe('decided');
  return cycleId;
}
