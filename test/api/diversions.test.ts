// Diversions of community officers: recorded by stations, flagged to station and bureau past the allowance.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { seedDemoCounty } from '../../src/db/seed.js';
import { freshSqlite } from '../support/db.js';
import { expectProblem, harness } from './harness.js';

let db: Db;
let h: Awaited<ReturnType<typeof harness>>;

beforeAll(async () => {
  db = (await freshSqlite('api-diversions')).db;
  await seedDemoCounty(db, { today: '2026-01-01' });
  h = await harness(db);
});

afterAll(async () => db?.$disconnect());

const diversion = { stationId: 'chengguan', officerId: 'o01', date: '2026-03-02', kind: 'station-duty', note: '节日值班' };

describe('POST /api/diversions', () => {
  it('flags the month once it goes over the allowance of 2, to the station and the bureau, once', async () => {
    for (const [i, date] of ['2026-03-02', '2026-03-05'].entries()) {
      const res = await h.api.post('/api/diversions', { ...diversion, date, officerId: i ? 'o02' : 'o01' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ communityId: 'c01', monthCount: i + 1, allowed: 2, flagged: false });
    }
    expect(await db.notice.count({ where: { kind: 'diversion-excess' } })).toBe(0);
    const third = await h.api.post('/api/diversions', { ...diversion, date: '2026-03-09', kind: 'case-work' });
    expect(third.body).toMatchObject({ monthCount: 3, flagged: true, notice: 'diversions/c01/2026-03', noticeDelivery: true });
    const fourth = await h.api.post('/api/diversions', { ...diversion, date: '2026-03-10' });
    expect(fourth.body).toMatchObject({ monthCount: 4, flagged: true });
    expect(fourth.body.notice).toBeUndefined();
    // The notice goes on to the channels once, after its transaction.
    expect(h.signals.delivered).toEqual(['diversions/c01/2026-03']);
    const notices = await db.notice.findMany({ where: { kind: 'diversion-excess' }, include: { recipients: { orderBy: { recipientType: 'asc' } } } });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ id: 'diversions/c01/2026-03', about: 'c01', facts: { count: 3, allowed: 2 } });
    expect(notices[0]!.recipients.map((r) => `${r.recipientType}:${r.recipientId}`)).toEqual(['bureau:head', 'station:chengguan']);
    expect(notices[0]!.bodyZh).toContain('不参与派出所值班');
    expect(await db.auditEntry.count({ where: { entity: 'Diversion' } })).toBe(4);
  });

  it('keeps the record and the notice when its delivery cannot be started, saying so and logging it', async () => {
    h.signals.deliveryError = new Error('temporal unreachable');
    try {
      for (const date of ['2026-02-02', '2026-02-03']) await h.api.post('/api/diversions', { ...diversion, date }).expect(201);
      const res = await h.api.post('/api/diversions', { ...diversion, date: '2026-02-04' }).expect(201);
      expect(res.body).toMatchObject({ flagged: true, notice: 'diversions/c01/2026-02', noticeDelivery: false });
      expect(await db.notice.count({ where: { id: 'diversions/c01/2026-02' } })).toBe(1);
      expect(h.logger.warnings).toHaveLength(1);
    } finally {
      h.signals.deliveryError = undefined;
    }
  });

  it('rejects an officer without a community, a future date and an unknown kind, writing nothing', async () => {
    const before = await db.diversion.count();
    expectProblem(await h.api.post('/api/diversions', { ...diversion, officerId: 'nobody' }), 422, { pointer: '/officerId' });
    expectProblem(await h.api.post('/api/diversions', { ...diversion, date: '2026-04-01' }), 422, { pointer: '/date' });
    expectProblem(await h.api.post('/api/diversions', { ...diversion, kind: 'patrol' }), 422, { pointer: '/kind' });
    expect(await db.diversion.count()).toBe(before);
  });
});
