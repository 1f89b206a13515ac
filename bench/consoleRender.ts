// Time to first render of a console page in headless Chromium, against the real service on a
// county of many offices with a decided quarter: a synthetic county is seeded, its departments
// post their figures over HTTP, the bureau starts the quarter and a real worker decides it; then a
// signed-in bureau user opens the page, cold (empty browser cache) and then warm, several times.
//   tsx bench/consoleRender.ts <offices> <warm runs> [path] [selector]
// The page and what "rendered" means default to the ranking page's rows (BENCH_CONSOLE_PATH and
// BENCH_CONSOLE_SELECTOR, or the arguments, measure another).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { loadConfig } from '../src/config.js';
import { createDb } from '../src/db/client.js';
import { seedSyntheticCounties, syntheticCountyId } from '../src/db/counties.js';
import { migrate } from '../src/db/migrate.js';
import { startService } from '../src/service.js';
import { consoleUser, desktop, launchBrowser, newContext, password } from '../test/support/browser.js';
import { demoSubmissions } from '../test/support/figures.js';
import { tokenFor } from '../test/support/users.js';

const offices = Number(process.argv[2] ?? 200);
const warmRuns = Number(process.argv[3] ?? 5);
const path = process.argv[4] ?? process.env.BENCH_CONSOLE_PATH ?? '/ranking';
// Data rows only: while loading, an Ant Design table shows a placeholder row.
const selector = process.argv[5] ?? process.env.BENCH_CONSOLE_SELECTOR ?? 'table[aria-label="排名表"] tbody tr.ant-table-row';
const period = '2026-Q1';

interface Rendered {
  /** From navigation start to the first animation frame in which the selector matched. */
  ms: number;
  /** How many elements it matched then. */
  matched: number;
  /** When the last API answer before it had arrived: the rest of `ms` is the browser's own work. */
  dataMs: number;
  /** Each API call before it: path, start and end, for looking into a slow figure (stderr). */
  calls: string[];
}

/** Opens `url` and times it to the rendering of `selector`, by the page's own clock. */
async function timeToRender(page: Page, url: string, selector: string): Promise<Rendered> {
  // Once committed, the new document is the one evaluated: the previous page's rows cannot count.
  await page.goto(url, { waitUntil: 'commit' });
  const seen = await page.waitForFunction(
    (sel) => {
      // Runs in the page, where `document` is a global that Node's types do not know.
      const { document } = globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } };
      const matched = document.querySelectorAll(sel).length;
      if (!matched) return false;
      const api = (performance.getEntriesByType('resource') as unknown as { name: string; startTime: number; responseEnd: number }[]).filter((e) =>
        e.name.includes('/api/'),
      );
      return {
        ms: Math.round(performance.now()),
        matched,
        dataMs: Math.round(Math.max(0, ...api.map((e) => e.responseEnd))),
        calls: api.map((e) => `${new URL(e.name).pathname} ${Math.round(e.startTime)}–${Math.round(e.responseEnd)} ms`),
      };
    },
    selector,
    { polling: 'raf', timeout: 60_000 },
  );
  return (await seen.jsonValue()) as Rendered;
}

// The console as the sources stand (a no-op when dist/console was built from them already).
execFileSync(process.execPath, [fileURLToPath(new URL('../scripts/build-console.mjs', import.meta.url))], { stdio: 'ignore' });

const dir = mkdtempSync(join(tmpdir(), 'bench-console-'));
const databaseUrl = `file:${join(dir, 'app.db')}`;
await migrate(databaseUrl);
const db = createDb(databaseUrl);
const countyId = syntheticCountyId(1);
await seedSyntheticCounties(db, 1, { communities: offices, from: `${period.slice(0, 4)}-01-01` });

const service = await startService(
  loadConfig({
    ...process.env,
    DATABASE_URL: databaseUrl,
    TEMPORAL_DEV_DB: join(dir, 'temporal.db'),
    TEMPORAL_DEV_PORT: process.env.BENCH_TEMPORAL_PORT ?? '17233',
    TEMPORAL_DEV_UI_PORT: process.env.BENCH_TEMPORAL_UI_PORT ?? '18233',
    TASK_QUEUE: `bench-console-${Date.now()}`,
    HTTP_PORT: '0',
    LOG_LEVEL: 'warn',
  }),
);

async function call(method: string, route: string, token: string, body?: unknown) {
  const res = await fetch(`${service.apiUrl}${route}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status >= 400) throw new Error(`${method} ${route}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<Record<string, unknown>>;
}

const browser = await launchBrowser();
try {
  // The quarter, decided as in bench/cycle.ts: each reporting department posts its own figures.
  const communities = (await db.community.findMany({ where: { countyId }, select: { id: true }, orderBy: { id: 'asc' } })).map((c) => c.id);
  const submissions = demoSubmissions(communities);
  const tokens = await Promise.all(
    submissions.map(({ submittedBy }) => tokenFor(db, { role: 'department', subjectId: `${countyId}-${submittedBy}`, countyId })),
  );
  const bureau = await tokenFor(db, { role: 'bureau-staff', countyId });
  for (const [i, { figures }] of submissions.entries()) await call('POST', '/api/metrics', tokens[i]!, { period, figures });
  const { cycleId } = await call('POST', '/api/cycles', bureau, { kind: 'quarterly', period });
  const giveUp = Date.now() + 10 * 60_000;
  for (;;) {
    // The worker deciding 200 offices in this process can stall it past the server's keep-alive
    // timeout (the reused connection is reset) or past the deadline of the workflow query the
    // answer needs (a 500): such a poll is repeated, until the cycle ends or ten minutes pass.
    const cycle = await call('GET', `/api/cycles/${cycleId}`, bureau).catch((err: Error) => {
      const transient = (err.cause as NodeJS.ErrnoException | undefined)?.code === 'ECONNRESET' || err.message.includes(': 500 ');
      if (transient && Date.now() < giveUp) return {} as Record<string, unknown>;
      throw err;
    });
    if (cycle.status === 'decided') break;
    if (cycle.status === 'failed') throw new Error(`cycle failed: ${JSON.stringify(cycle.failure)}`);
    if (Date.now() > giveUp) throw new Error(`cycle ${cycleId} still ${String(cycle.status)} after ten minutes`);
    await new Promise((r) => setTimeout(r, 200));
  }

  // Signed in through the API, so the first page load finds the browser cache empty.
  const id = await consoleUser(db, { id: 'bench-bureau', role: 'bureau-staff', countyId, name: '基准测试' });
  const context = await newContext(browser, desktop);
  const signedIn = await context.request.post(`${service.apiUrl}/api/session`, { data: { id, password } });
  if (!signedIn.ok()) throw new Error(`sign-in: ${signedIn.status()} ${await signedIn.text()}`);
  const page = await context.newPage();
  const url = `${service.apiUrl}${path}`;
  const cold = await timeToRender(page, url, selector);
  const warm = [];
  for (let i = 0; i < warmRuns; i++) warm.push(await timeToRender(page, url, selector));
  for (const [i, run] of [cold, ...warm].entries()) process.stderr.write(`${i ? `warm ${i}` : 'cold'}: ${run.ms} ms; ${run.calls.join('; ')}\n`);
  console.log(
    JSON.stringify({
      offices,
      path,
      selector,
      matched: cold.matched,
      coldMs: cold.ms,
      coldDataMs: cold.dataMs,
      warmMs: warm.map((w) => w.ms),
      warmDataMs: warm.map((w) => w.dataMs),
    }),
  );
} finally {
  await browser.close();
  await db.$disconnect();
  await service.stop();
  rmSync(dir, { recursive: true, force: true });
}
