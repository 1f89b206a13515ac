// Rural reassignments: a cycle decides them as pending, the bureau confirms (posting and binding
// end together from a date) or overrules them, and the following quarter sees the result.
import { afterEach, describe, expect, it } from 'vitest';
import { createActivities } from '../../src/activities/index.js';
import type { Db } from '../../src/db/client.js';
import { cycleId } from '../../src/contracts/cycles.js';
import { demoCountyRecord } from '../../src/db/demo-county.js';
import { proposeReassignment } from '../../src/db/reassignments.js';
import { seedDemoCounty } from '../../src/db/seed.js';
import { createInboxNotifier } from '../../src/notices/notifier.js';
import { freshPostgres, freshSqlite, type TestDb } from '../support/db.js';
import { submitDemoFigures } from '../support/figures.js';
import { testCounty } from '../support/users.js';
import { counts, expectProblem, harness } from './harness.js';

const rates = ['satisfaction', 'familiarity', 'prevention', 'registration', 'keyPersonControl'];
let t: TestDb | undefined;
afterEach(async () => t?.drop());

/** The demo county, and the API as its bureau staff (`tester`, as the bootstrap clerk is called). */
async function county(provider: 'sqlite' | 'postgresql') {
  t = provider === 'sqlite' ? await freshSqlite('api-reassignments') : await freshPostgres('api-reassignments');
  await seedDemoCounty(t.db, { today: '2026-01-01' });
  const h = await harness(t.db);
  const seeded = (await t.db.community.findFirstOrThrow()).countyId;
  return { ...h, api: await h.as({ role: 'bureau-staff', countyId: seeded, id: 'tester' }) };
}

/** The demo county's cycle of a quarter, `quarterly-2026-Q1-demo`, as its workflow names it. */
const quarter = (period: string) => cycleId('quarterly', period, demoCountyRecord.id);

/** Decides a quarter of the demo county on the given day with `last` far below everyone (and below 80); `without` submit nothing. */
async function decideQuarter(db: Db, period: string, on: string, last: string, without: string[] = []) {
  const ids = (await db.community.findMany({ orderBy: { id: 'asc' } })).map((c) => c.id).filter((id) => !without.includes(id));
  await submitDemoFigures(db, period, ids);
  await db.metricSubmission.updateMany({ where: { period, communityId: last, metric: { in: rates } }, data: { value: 0.3 } });
  const activities = createActivities({ db, notifier: createInboxNotifier(), clock: () => new Date(`${on}T02:00:00Z`) });
  await activities.openCycle({ cycleId: quarter(period), period, countyId: demoCountyRecord.id });
  return activities.decideAndPersist({ cycleId: quarter(period), gaps: [] });
}

const openBindings = (db: Db, officerId: string) =>
  db.binding.findMany({ where: { subjectType: 'officer', subjectId: officerId }, select: { communityId: true, effectiveFrom: true, effectiveTo: true } });
const postingsOf = (db: Db, officerId: string) =>
  db.posting.findMany({
    where: { officerId },
    orderBy: { id: 'asc' },
    select: { communityId: true, kind: true, startsOn: true, endsOn: true, decisionId: true },
  });

describe.each(['sqlite', 'postgresql'] as const)('rural reassignment decided by a cycle (%s)', (provider) => {
  it('decides three quarters on one day (a catch-up) with every row, each reassignment pending under its own decision', async () => {
    const h = await county(provider);
    for (const q of ['2026-Q1', '2026-Q2', '2026-Q3']) await decideQuarter(h.db, q, '2026-10-05', 'c01');
    for (const q of ['2026-Q1', '2026-Q2', '2026-Q3']) {
      const cycleId = quarter(q);
      expect((await h.db.cycle.findUnique({ where: { id: cycleId } }))?.status).toBe('decided');
      expect(await h.db.evaluation.count({ where: { cycleId } })).toBe(10);
      expect(await h.db.paymentObligation.count({ where: { cycleId } })).toBe(16);
      expect(await h.db.notice.count({ where: { cycleId, kind: 'joint-notice' } })).toBe(1);
    }
    const list = await h.api.get('/api/reassignments');
    expect(list.status).toBe(200);
    expect(list.body).toEqual([
      expect.objectContaining({
        decisionId: `${quarter('2026-Q2')}/rural-reassignment/c01`,
        communityId: 'c01',
        officers: ['o01', 'o02'],
        decidedOn: '2026-10-05',
        status: 'pending',
      }),
      expect.objectContaining({
        decisionId: `${quarter('2026-Q3')}/rural-reassignment/c01`,
        communityId: 'c01',
        officers: ['o01', 'o02'],
        decidedOn: '2026-10-05',
        status: 'pending',
      }),
    ]);
    // Deciding changed no posting and no binding; the quarter after the first decision still had the team.
    expect(await h.db.posting.count({ where: { kind: 'rural-hardship' } })).toBe(0);
    expect(await openBindings(h.db, 'o01')).toEqual([{ communityId: 'c01', effectiveFrom: '2026-01-01', effectiveTo: null }]);
    expect(await h.db.decision.count({ where: { cycleId: quarter('2026-Q3'), type: 'subsidy', subjectId: { in: ['o01', 'o02'] } } })).toBe(2);

    // The office shows as pending in the registry and in the ranking.
    expect((await h.api.get('/api/communities/c01')).body).toMatchObject({ id: 'c01', pendingReassignment: true });
    const communities = (await h.api.get('/api/communities')).body;
    expect(communities.filter((c: any) => c.pendingReassignment).map((c: any) => c.id)).toEqual(['c01']);
    const ranking = (await h.api.get('/api/evaluations?period=2026-Q3')).body;
    expect(ranking.find((e: any) => e.communityId === 'c01')).toMatchObject({ isLast: true, pendingReassignment: true });
    expect(ranking.find((e: any) => e.communityId === 'c02')).toMatchObject({ pendingReassignment: false });

    // Carrying out one leaves nothing for the other, also when both are confirmed at once; the
    // bureau overrules the one left.
    const race = await Promise.all(list.body.map((r: { id: number }) => h.api.post(`/api/reassignments/${r.id}/confirm`, { effectiveFrom: '2026-10-12' })));
    expect(race.map((r) => r.status).sort()).toEqual([200, 409]);
    const done = race.find((r) => r.status === 200)!.body;
    const left = list.body.find((r: { id: number }) => r.id !== done.id);
    expect(race.find((r) => r.status === 409)!.body.detail).toContain(`reassignment ${done.id}`);
    expect((await h.db.reassignment.findUnique({ where: { id: left.id } }))?.status).toBe('pending');
    expect(await postingsOf(h.db, 'o01')).toEqual([
      { communityId: 'c01', kind: 'community', startsOn: '2026-01-01', endsOn: '2026-10-11', decisionId: null },
      { communityId: null, kind: 'rural-hardship', startsOn: '2026-10-12', endsOn: null, decisionId: done.decisionId },
    ]);
    const overruled = await h.api.post(`/api/reassignments/${left.id}/overrule`, { reason: '已由另一季度的决定执行' });
    expect(overruled.status).toBe(200);
    expect((await h.api.get('/api/communities/c01')).body.pendingReassignment).toBe(false);
  });

  it('after confirmation, the next quarter evaluates the office with the remaining officer alone', async () => {
    const h = await county(provider);
    await decideQuarter(h.db, '2026-Q1', '2026-04-03', 'c01');
    await decideQuarter(h.db, '2026-Q2', '2026-07-03', 'c01');
    const [pending] = (await h.api.get('/api/reassignments?communityId=c01&status=pending')).body;
    const audit = await h.db.auditEntry.count();

    const confirmed = await h.api.post(`/api/reassignments/${pending.id}/confirm`, { effectiveFrom: '2026-07-20', officers: ['o01'] });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({
      status: 'confirmed',
      effectiveFrom: '2026-07-20',
      officers: ['o01', 'o02'],
      reassigned: ['o01'],
      resolvedBy: 'tester',
    });
    // Posting and binding end together on the last day in the community; the rural posting starts on the date.
    expect(await postingsOf(h.db, 'o01')).toEqual([
      { communityId: 'c01', kind: 'community', startsOn: '2026-01-01', endsOn: '2026-07-19', decisionId: null },
      { communityId: null, kind: 'rural-hardship', startsOn: '2026-07-20', endsOn: null, decisionId: pending.decisionId },
    ]);
    expect(await openBindings(h.db, 'o01')).toEqual([{ communityId: 'c01', effectiveFrom: '2026-01-01', effectiveTo: '2026-07-19' }]);
    expect(await openBindings(h.db, 'o02')).toEqual([{ communityId: 'c01', effectiveFrom: '2026-01-01', effectiveTo: null }]);
    const written = await h.db.auditEntry.findMany({ where: { id: { gt: audit } }, orderBy: { id: 'asc' } });
    expect(written.map((a) => [a.actor, a.action, a.entity])).toEqual([
      ['tester', 'reassign', 'Binding'],
      ['tester', 'reassign', 'Posting'],
      ['tester', 'reassign', 'Posting'],
      ['tester', 'confirm', 'Reassignment'],
    ]);
    expect((await h.api.get('/api/communities/c01')).body.pendingReassignment).toBe(false);

    await decideQuarter(h.db, '2026-Q3', '2026-10-03', 'c01');
    const q3 = await h.db.decision.findMany({ where: { cycleId: quarter('2026-Q3'), OR: [{ subjectId: 'c01' }, { subjectId: { in: ['o01', 'o02'] } }] } });
    expect(q3.filter((d) => d.type === 'subsidy').map((d) => d.subjectId)).toEqual(['o02']);
    expect(q3.filter((d) => d.type === 'sanction').map((d) => d.officers)).toEqual([['o02'], ['o02'], ['o02']]);
    const notice = await h.db.notice.findUnique({ where: { id: `${quarter('2026-Q3')}/joint-notice/c01` }, include: { recipients: true } });
    expect(notice?.recipients.map((r) => r.recipientId)).not.toContain('o01');
    expect((await h.api.get('/api/reassignments?status=pending')).body).toEqual([
      expect.objectContaining({ decisionId: `${quarter('2026-Q3')}/rural-reassignment/c01`, officers: ['o02'] }),
    ]);
  });

  it('after confirmation for a lone officer, the next quarter does not evaluate the office', async () => {
    const h = await county(provider);
    await decideQuarter(h.db, '2026-Q1', '2026-04-03', 'c07');
    await decideQuarter(h.db, '2026-Q2', '2026-07-03', 'c07');
    const [pending] = (await h.api.get('/api/reassignments')).body;
    // The day of the decision is the earliest date a reassignment can take effect.
    expect((await h.api.post(`/api/reassignments/${pending.id}/confirm`, { effectiveFrom: '2026-07-03' })).body).toMatchObject({ reassigned: ['o13'] });

    const summary = await decideQuarter(h.db, '2026-Q3', '2026-10-03', 'c08', ['c07']);
    expect(summary.ranked).toBe(9);
    expect(summary.unranked).not.toContain('c07');
    expect(await h.db.evaluation.count({ where: { cycleId: quarter('2026-Q3'), communityId: 'c07' } })).toBe(0);
    expect(await h.db.decision.count({ where: { cycleId: quarter('2026-Q3'), OR: [{ subjectId: 'c07' }, { subjectId: 'o13' }] } })).toBe(0);
  });
});

describe.each(['sqlite', 'postgresql'] as const)('POST /api/reassignments/{id}/confirm and /overrule (%s)', (provider) => {
  it('refuses bad input naming the field, answers 404 and 409, and overruling changes nothing but the reassignment', async () => {
    const h = await county(provider);
    await decideQuarter(h.db, '2026-Q1', '2026-04-03', 'c07');
    await decideQuarter(h.db, '2026-Q2', '2026-07-03', 'c07');
    await decideQuarter(h.db, '2026-Q3', '2026-10-03', 'c08');
    const [r] = (await h.api.get('/api/reassignments')).body;
    const url = `/api/reassignments/${r.id}`;
    const untouched = await counts(h.db);

    expectProblem(await h.api.post('/api/reassignments/999/confirm', { effectiveFrom: '2026-07-20' }), 404);
    expectProblem(await h.api.post('/api/reassignments/abc/overrule', { reason: 'x' }), 404);
    expectProblem(await h.api.get('/api/reassignments/999'), 404);
    expectProblem(await h.api.post(`${url}/confirm`, {}), 422, { pointer: '/effectiveFrom' });
    expectProblem(await h.api.post(`${url}/confirm`, { effectiveFrom: '2026-02-30' }), 422, { pointer: '/effectiveFrom' });
    const early = await h.api.post(`${url}/confirm`, { effectiveFrom: '2026-07-02' });
    expectProblem(early, 422, { pointer: '/effectiveFrom' });
    expect(early.body.detail).toContain('2026-07-03');
    expectProblem(await h.api.post(`${url}/confirm`, { effectiveFrom: '2026-07-20', officers: ['o99'] }), 422, { pointer: '/officers/0' });
    // The next quarter was judged with the officer: the reassignment cannot reach back into it.
    const back = await h.api.post(`${url}/confirm`, { effectiveFrom: '2026-09-30' });
    expectProblem(back, 422, { pointer: '/effectiveFrom' });
    expect(back.body.detail).toContain('2026-Q3');
    expectProblem(await h.api.post(`${url}/overrule`, {}), 422, { pointer: '/reason' });
    expectProblem(await h.api.post(`${url}/overrule`, { reason: '  ' }), 422, { pointer: '/reason' });
    const badStatus = await h.api.get('/api/reassignments?status=done');
    expectProblem(badStatus, 400);
    expect(badStatus.body.detail).toContain('parameter status');
    expect(await counts(h.db)).toEqual(untouched);
    expect((await h.api.get(url)).body).toMatchObject({ status: 'pending', effectiveFrom: null });

    const overruled = await h.api.post(`${url}/overrule`, { reason: '该民警已调任交警大队' });
    expect(overruled.status).toBe(200);
    expect(overruled.body).toMatchObject({ status: 'overruled', reason: '该民警已调任交警大队', resolvedBy: 'tester', effectiveFrom: null });
    expect(await counts(h.db)).toEqual({ ...untouched, audit: untouched.audit + 1 });
    expect(await h.db.auditEntry.findFirst({ where: { entity: 'Reassignment', action: 'overrule' } })).toMatchObject({
      actor: 'tester',
      entityId: String(r.id),
      after: expect.objectContaining({ reason: '该民警已调任交警大队' }),
    });
    expect((await h.api.get('/api/communities/c07')).body.pendingReassignment).toBe(false);

    expectProblem(await h.api.post(`${url}/confirm`, { effectiveFrom: '2026-07-20' }), 409);
    expectProblem(await h.api.post(`${url}/overrule`, { reason: 'again' }), 409);
    expect(await counts(h.db)).toEqual({ ...untouched, audit: untouched.audit + 1 });
    expect((await h.api.get('/api/reassignments?status=overruled')).body).toHaveLength(1);
  });
});

describe('a reassignment whose decision an appeal replaced', () => {
  it('can be neither confirmed nor overruled (409 naming the appeal), and no longer flags its office as pending', async () => {
    const h = await county('sqlite');
    await decideQuarter(h.db, '2026-Q1', '2026-04-03', 'c07');
    await decideQuarter(h.db, '2026-Q2', '2026-07-03', 'c07');
    const [r] = (await h.api.get('/api/reassignments')).body;
    expect((await h.api.get('/api/communities/c07')).body).toMatchObject({ pendingReassignment: true });
    // What an overturned appeal's re-decision does to a sanction that falls away.
    await h.db.decision.update({
      where: { id: r.decisionId },
      data: { supersededAt: new Date('2026-07-20T02:00:00Z'), supersededByAppeal: 4, supersededBy: null, supersededReason: '第4号申诉改判' },
    });
    const untouched = await counts(h.db);

    const confirm = await h.api.post(`/api/reassignments/${r.id}/confirm`, { effectiveFrom: '2026-07-20' });
    expectProblem(confirm, 409);
    expect(confirm.body.detail).toContain(`decision ${r.decisionId}, which appeal 4 replaced`);
    expectProblem(await h.api.post(`/api/reassignments/${r.id}/overrule`, { reason: '已改判' }), 409);
    expect(await counts(h.db)).toEqual(untouched);
    expect((await h.db.reassignment.findUniqueOrThrow({ where: { id: r.id } })).status).toBe('pending');
    expect((await h.api.get('/api/communities/c07')).body).toMatchObject({ pendingReassignment: false });
  });
});

describe('who reads and resolves reassignments', () => {
  /** Two offices of the test county and one of another, each with a pending reassignment, made straight in the database. */
  async function offices() {
    const db = (t = await freshSqlite('api-reassignments-access')).db;
    const h = await harness(db);
    const staff = await h.as({ role: 'bureau-staff', countyId: 'other-county' });
    await h.api.post('/api/communities', { id: 'c01', name: '小江口', population: 7000, complexity: 5 }).expect(201);
    await h.api.post('/api/communities', { id: 'c02', name: '城中', population: 28500, complexity: 1 }).expect(201);
    await staff.post('/api/communities', { id: 'x01', name: '外县社区', population: 3000, complexity: 2 }).expect(201);
    for (const [countyId, communityId, officers] of [
      [testCounty, 'c01', ['o01', 'o02']],
      [testCounty, 'c02', ['o03']],
      ['other-county', 'x01', ['xo1']],
    ] as const) {
      const decisionId = `quarterly-2026-Q1/rural-reassignment/${communityId}`;
      await db.decision.create({
        data: {
          id: decisionId,
          countyId,
          cycleId: 'quarterly-2026-Q1',
          type: 'sanction',
          kind: 'rural-reassignment',
          subjectType: 'community',
          subjectId: communityId,
          officers: [...officers],
          rule: 'rural-reassignment',
          reason: '连续两个季度排名末位',
          facts: {},
        },
      });
      await proposeReassignment(db, 'system:quarterly-2026-Q1', {
        countyId,
        decisionId,
        cycleId: 'quarterly-2026-Q1',
        communityId,
        officers: [...officers],
        decidedOn: '2026-04-03',
      });
    }
    const ids = Object.fromEntries((await db.reassignment.findMany()).map((r) => [r.communityId, r.id]));
    return { h, staff, ids, db };
  }

  it('shows an officer only the reassignments naming them; the bureau its county’s, each in its county', async () => {
    const { h, staff, ids, db } = await offices();
    expect((await db.reassignment.findUniqueOrThrow({ where: { id: ids.x01 } })).countyId).toBe('other-county');
    expect((await h.api.get('/api/reassignments')).body.map((r: { communityId: string }) => r.communityId)).toEqual(['c01', 'c02']);
    expect((await staff.get('/api/reassignments')).body.map((r: { communityId: string }) => r.communityId)).toEqual(['x01']);
    const o02 = await h.as({ role: 'officer', subjectId: 'o02' });
    expect((await o02.get('/api/reassignments')).body.map((r: { communityId: string }) => r.communityId)).toEqual(['c01']);
    expect((await o02.get('/api/reassignments?status=pending&communityId=c02')).body).toEqual([]);
    expect((await o02.get(`/api/reassignments/${ids.c01}`)).body).toMatchObject({ officers: ['o01', 'o02'] });
    expectProblem(await o02.get(`/api/reassignments/${ids.c02}`), 404);
    expectProblem(await o02.post(`/api/reassignments/${ids.c01}/overrule`, { reason: '我不同意' }), 403);
    expectProblem(await o02.post(`/api/reassignments/${ids.c01}/confirm`, { effectiveFrom: '2026-04-10' }), 403);
    // The system's proposal is audited in the county of its office.
    const proposed = await db.auditEntry.findFirstOrThrow({ where: { entity: 'Reassignment', entityId: String(ids.x01), action: 'create' } });
    expect(proposed).toMatchObject({ actor: 'system:quarterly-2026-Q1', countyId: 'other-county', authMethod: 'system' });
  });

  it("answers 404 for another county's reassignment and records who resolved one", async () => {
    const { h, staff, ids, db } = await offices();
    const untouched = await counts(db);
    expectProblem(await h.api.get(`/api/reassignments/${ids.x01}`), 404);
    expectProblem(await h.api.post(`/api/reassignments/${ids.x01}/overrule`, { reason: '越权' }), 404);
    expectProblem(await h.api.post(`/api/reassignments/${ids.x01}/confirm`, { effectiveFrom: '2026-04-10' }), 404);
    expect(await counts(db)).toEqual(untouched);
    expect((await db.reassignment.findUniqueOrThrow({ where: { id: ids.x01 } })).status).toBe('pending');

    const overruled = await staff.post(`/api/reassignments/${ids.x01}/overrule`, { reason: '该民警已调任' });
    expect(overruled.body).toMatchObject({ status: 'overruled', resolvedBy: 'bureau-staff:other-county' });
    const token = await db.accessToken.findFirstOrThrow({ where: { userId: 'bureau-staff:other-county' } });
    expect(await db.auditEntry.findFirst({ where: { entity: 'Reassignment', action: 'overrule' } })).toMatchObject({
      actor: 'bureau-staff:other-county',
      role: 'bureau-staff',
      countyId: 'other-county',
      authMethod: 'token',
      credentialId: token.id,
    });
  });
});
