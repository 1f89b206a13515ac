// The documentation cannot drift: the curl examples of the README and of the pages under docs/ run as
// written, in order, through bash against the real service (src/service.ts) on a fresh SQLite file
// with the demo county as seeded, each curl required to succeed; and the error example of the HTTP
// API page is what the service answers.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startService, type RunningService } from '../../src/service.js';
import { freshSqlite } from '../support/db.js';
import { devNamespaces } from '../support/namespaces.js';
import { serviceToken } from '../support/serviceUsers.js';

const token = 'readme-bureau-token-0123456789';
const root = resolve(import.meta.dirname, '../..');

/**
 * The pages in the order their examples build on each other (the order of the sections when they
 * were one README): the quick start's quarter, then pagination over it, the binding examples (which
 * decide 2026-Q2), the rule sets (which explain a Q2 decision), payments, then appeals (which
 * appeal a quarter paid above).
 */
const pages = [
  'README.md',
  'docs/accounts.md',
  'docs/scoring.md',
  'docs/cycles.md',
  'docs/api.md',
  'docs/binding.md',
  'docs/rules.md',
  'docs/payments.md',
  'docs/appeals.md',
  'docs/simulate.md',
  'docs/data.md',
  'docs/tests.md',
  'docs/benchmarks.md',
  'docs/design.md',
  'docs/access.md',
  'docs/api-contract.md',
  'docs/console.md',
  'docs/cluster.md',
  'docs/faults.md',
  'docs/register.md',
];

const read = (page: string) => readFileSync(join(root, page), 'utf8');

/** The sh blocks that talk to the API, page by page, each with its page and line. */
function apiBlocks(): { at: string; code: string }[] {
  return pages.flatMap((page) => {
    const text = read(page);
    return [...text.matchAll(/^```sh\n([\s\S]*?)^```$/gm)]
      .filter((m) => m[1]!.includes('$API'))
      .map((m) => ({ at: `${page}:${text.slice(0, m.index).split('\n').length}`, code: m[1]! }));
  });
}

/** Every curl fails on an HTTP error and shows the problem it got. */
const prelude = `set -eu
curl() { command curl --fail-with-body --silent --show-error "$@"; }
`;

function bash(script: string, cwd: string, env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile('bash', ['-c', script], { cwd, env: { ...process.env, ...env }, timeout: 240_000, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      done({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr });
    });
  });
}

describe('the README and docs/ against the demo county', () => {
  let service: RunningService;
  let drop: () => Promise<void>;
  let databaseUrl: string;
  let folder: string;

  beforeAll(async () => {
    const fresh = await freshSqlite('readme');
    await fresh.db.$disconnect();
    drop = fresh.drop;
    databaseUrl = fresh.url;
    service = await startService(
      loadConfig({
        DATABASE_URL: fresh.url,
        TEMPORAL_ADDRESS: inject('devServerAddress'),
        TEMPORAL_NAMESPACE: devNamespaces.readme,
        TASK_QUEUE: `readme-${devNamespaces.readme}`,
        HTTP_PORT: '0',
        BUREAU_TOKEN: token,
        // The request lines (info) would flood the test output.
        LOG_LEVEL: 'warn',
      }),
    );
    // A project folder of its own for the files the examples write (figures.csv, rec.xlsx).
    folder = mkdtempSync(join(tmpdir(), 'cp-readme-'));
    symlinkSync(join(root, 'src'), join(folder, 'src'));
  });

  afterAll(async () => {
    await service?.stop();
    await drop?.();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('lists every page of docs/', () => {
    const onDisk = readdirSync(join(root, 'docs'))
      .filter((name) => name.endsWith('.md'))
      .map((name) => `docs/${name}`);
    expect(pages.filter((page) => page.startsWith('docs/')).sort()).toEqual(onDisk.sort());
  });

  it('runs every curl example as written, in order, each succeeding', async () => {
    const blocks = apiBlocks();
    expect(blocks.length).toBeGreaterThanOrEqual(8);
    const script = prelude + blocks.map((b) => `echo "${b.at}" >&2\n${b.code}`).join('\n');
    const run = await bash(script, folder, { TOKEN: token, API: `${service.apiUrl}/api` });
    const failedAt = run.stderr.match(/^[\w/.-]+\.md:\d+$/gm)?.at(-1);
    expect(run.code, `the block at ${failedAt} failed:\n${run.stderr.slice(-3000)}\n${run.stdout.slice(-2000)}`).toBe(0);
    expect(run.stdout).toContain('"status":"ready"');
    expect(run.stdout).toContain('{"noticeId":"quarterly-2026-Q1-demo/joint-notice/c07","recipientType":"leader","recipientId":"L07"');
    expect(run.stdout).toMatch(/link: <\/api\/audit\?limit=2&cursor=[\w-]+>; rel="next"/i);
    // The quarter's audit names each user who did their part, with their role and how they signed in.
    for (const row of [
      'zhengong\tdepartment\tsession\tcreate\tMetricSubmission',
      'bureau\tbureau-staff\tbootstrap\tstart\tCycle',
      'L07\tleader\tsession\tacknowledge\tNoticeRecipient',
      'finance\tfinance\tsession\tcreate\tObligationPayment',
      'o13\tofficer\tsession\tconfirm-receipt\tPaymentObligation',
    ])
      expect(run.stdout).toContain(row);
    // The refusals of docs/access.md, in order.
    expect(run.stdout).toContain('403\n403\n403\n404\n');
  });

  it('shows the error the service sends', async () => {
    const documented = JSON.parse(/^```json\n([\s\S]*?)^```$/m.exec(read('docs/api.md'))![1]!);
    // Figures are submitted by the department that supplies them, here zhengong (its own user, so
    // that this test does not depend on the README's); the request id is the one the page shows.
    const zhengong = await serviceToken(databaseUrl, { role: 'department', subjectId: 'zhengong', id: 'zhengong-errors' });
    const res = await fetch(`${service.apiUrl}/api/metrics`, {
      method: 'POST',
      headers: { authorization: `Bearer ${zhengong}`, 'content-type': 'application/json', 'x-request-id': 'figures-upload-17' },
      body: JSON.stringify({ period: '2026-Q1', submittedBy: 'zhengong', figures: [{ communityId: 'c01', metric: 'satisfaction', value: 1.5 }] }),
    });
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await res.json()).toEqual(documented);
  });
});
