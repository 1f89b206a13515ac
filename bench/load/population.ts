// The users a load run acts as, in a running service's demo county: bureau staff, officers, leaders
// and the departments that supply figures, each with its own access token, and a decided quarter
// so that evaluations and joint notices exist to read and acknowledge.
import { createDb } from '../../src/db/client.js';
import { demoSubmissions } from '../../test/support/figures.js';
import { tokenFor } from '../../test/support/users.js';
import { fetchHonouringRetryAfter } from '../retryAfter.js';

export interface Actor {
  role: 'bureau-staff' | 'officer' | 'leader' | 'department';
  subjectId: string | null;
  token: string;
  /** Leaders: the community they are bound to (visits are logged there). */
  communityId?: string;
  /** Departments: the figures they supply, by community and metric. */
  figures?: { communityId: string; metric: string; value: number }[];
  /** Notices addressed to the actor. */
  notices: string[];
}

export interface Population {
  apiUrl: string;
  cycleId: string;
  /** The period the departments' writes go to (not yet evaluated). */
  figuresPeriod: string;
  actors: Actor[];
}

const communities = Array.from({ length: 10 }, (_, i) => `c${String(i + 1).padStart(2, '0')}`);
const county = 'demo';

/** A request that waits out Retry-After when the busy service sheds it. */
async function call(apiUrl: string, token: string, method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const res = await fetchHonouringRetryAfter(`${apiUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

/** Runs the demo county's 2026-Q1 over HTTP and makes a token for every user the load acts as. */
export async function preparePopulation(apiUrl: string, databaseUrl: string, bureauToken: string): Promise<Population> {
  const db = createDb(databaseUrl);
  try {
    // Every token is made before the cycle runs: a write from this process while the cycle's
    // activities write would be the service's SQLITE_BUSY, not the load's.
    const bindings = await db.binding.findMany({ where: { countyId: county, effectiveTo: null, subjectType: { in: ['officer', 'leader'] } } });
    const people: Actor[] = [];
    for (const b of bindings) {
      const role = b.subjectType as 'officer' | 'leader';
      people.push({
        role,
        subjectId: b.subjectId,
        token: await tokenFor(db, { role, subjectId: b.subjectId, countyId: county }),
        communityId: b.communityId,
        notices: [],
      });
    }
    const staff: Actor[] = [];
    // Ten at their desks: at 200 requests/s each asks some 6 a second, within the per-client limit.
    for (let n = 1; n <= 10; n++) {
      staff.push({
        role: 'bureau-staff',
        subjectId: null,
        token: await tokenFor(db, { role: 'bureau-staff', countyId: county, id: `load-staff-${n}` }),
        notices: [],
      });
    }
    const departments: Actor[] = [];
    for (const { submittedBy, figures } of demoSubmissions(communities)) {
      departments.push({
        role: 'department',
        subjectId: submittedBy,
        token: await tokenFor(db, { role: 'department', subjectId: submittedBy, countyId: county }),
        figures,
        notices: [],
      });
    }
    for (const d of departments) await call(apiUrl, d.token, 'POST', '/api/metrics', { period: '2026-Q1', figures: d.figures });
    const { cycleId } = (await call(apiUrl, bureauToken, 'POST', '/api/cycles', { kind: 'quarterly', period: '2026-Q1' })) as { cycleId: string };
    for (let status = ''; status !== 'decided'; await new Promise((r) => setTimeout(r, 200))) {
      const cycle = await call(apiUrl, bureauToken, 'GET', `/api/cycles/${cycleId}`);
      status = String(cycle.status);
      if (status === 'failed') throw new Error(`cycle ${cycleId} failed: ${JSON.stringify(cycle.failure)}`);
    }
    const recipients = await db.noticeRecipient.findMany({ where: { notice: { countyId: county } } });
    for (const a of [...people, ...departments]) {
      a.notices = recipients.filter((r) => r.recipientType === a.role && r.recipientId === a.subjectId).map((r) => r.noticeId);
    }
    return { apiUrl, cycleId, figuresPeriod: '2026-Q2', actors: [...staff, ...people, ...departments] };
  } finally {
    await db.$disconnect();
  }
}
