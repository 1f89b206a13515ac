// Diversions of community officers: recorded by a station for its own officers, flagged to the
// station and the bureau head past the allowance; read by the station, the officer and the county.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { seedDemoCounty } from '../../src/db/seed.js';
import { freshSqlite } from '../support/db.js';
import { seedOtherCounty } from '../support/otherCounty.js';
import { testCounty, testCountyRecord } from '../support/users.js';
import { expectProblem, harness } from './harness.js';

let db: Db;
let h: Awaited<ReturnType<typeof harness>>;
type Client = Awaited<ReturnType<typeof h.as>>;
let station: Client;
let other: Client;

beforeAll(async () => {
  db = (await freshSqlite('api-diversions')).db;
  await seedDemoCounty(db, { today: '2026-01-01', county: testCountyRecord });
  h = await harness(db);
  // The demo seed puts o01–o08 in 城关 (chengguan); a second station takes o03 and o04.
  await db.station.create({ data: { id: 'beiguan', countyId: testCounty, name: '北关派出所' } });
  await db.officer.updateMany({ where: { id: { in: ['o03', 'o04'] } }, data: { stationId: 'beiguan' } });
  await seedOtherCounty(db);
  station = await h.as({ role: 'station', subjectId: 'chengguan' });
  other = await h.as({ role: 'station', subjectId: 'beiguan' });
});

afterAll(async () => db?.$disconnect());

const diversion = { officerId: 'o01', date: '2026-03-02', kind: 'station-duty', note: '节日值班' };

describe('POST /api/diversions', () => {
  it('flags the month once it goes over the allowance of 2, to the station and the bureau head, once', async () => {
    for (const [i, date] of ['2026-03-02', '2026-03-05'].entries()) {
      const res = await station.post('/api/diversions', { ...diversion, date, officerId: i ? 'o02' : 'o01' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ stationId: 'chengguan', countyId: testCounty, communityId: 'c01', monthCount: i + 1, allowed: 2, flagged: false });
      expect(res.body.recordedBy).toBe('station:chengguan');
    }
    expect(await db.notice.count({ where: { kind: 'diversion-excess' } })).toBe(0);
    const third = await station.post('/api/diversions', { ...diversion, stationId: 'chengguan', date: '2026-03-09', kind: 'case-work' });
    expect(third.body).toMatchObject({ monthCount: 3, flagged: true, notice: 'diversions/c01/2026-03', noticeDelivery: true });
    const fourth = await station.post('/api/diversions', { ...diversion, date: '2026-03-10' });
    expect(fourth.body).toMatchObject({ monthCount: 4, flagged: true });
    expect(fourth.body.notice).toBeUndefined();
    // The notice goes on to the channels once, after its transaction.
    expect(h.signals.delivered).toEqual(['diversions/c01/2026-03']);
    const notices = await db.notice.findMany({ where: { kind: 'diversion-excess' }, include: { recipients: { orderBy: { recipientType: 'asc' } } } });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      id: 'diversions/c01/2026-03',
      countyId: testCounty,
      about: 'c01',
      facts: { count: 3, allowed: 2, stationId: 'chengguan' },
    });
    expect(notices[0]!.recipients.map((r) => `${r.recipientType}:${r.recipientId}`)).toEqual(['bureau:head', 'station:chengguan']);
    expect(notices[0]!.bodyZh).toContain('不参与派出所值班');
    const audit = await db.auditEntry.findMany({ where: { entity: { in: ['Diversion', 'Notice'] } } });
    expect(audit.filter((a) => a.entity === 'Diversion')).toHaveLength(4);
    for (const a of audit) expect(a).toMatchObject({ actor: 'station:chengguan', role: 'station', countyId: testCounty, authMethod: 'token' });
  });

  it('keeps the record and the notice when its delivery cannot be started, saying so and logging it', async () => {
    h.signals.deliveryError = new Error('temporal unreachable');
    try {
      for (const date of ['2026-02-02', '2026-02-03']) await station.post('/api/diversions', { ...diversion, date }).expect(201);
      const res = await station.post('/api/diversions', { ...diversion, date: '2026-02-04' }).expect(201);
      expect(res.body).toMatchObject({ flagged: true, notice: 'diversions/c01/2026-02', noticeDelivery: false });
      expect(await db.notice.count({ where: { id: 'diversions/c01/2026-02' } })).toBe(1);
      expect(h.logger.warnings).toHaveLength(1);
    } finally {
      h.signals.deliveryError = undefined;
    }
  });

  it("refuses another station's officer, another county's officer, another station's name and anyone but a station, writing nothing", async () => {
    const before = await Promise.all([db.diversion.count(), db.auditEntry.count()]);
    const foreign = await station.post('/api/diversions', { ...diversion, officerId: 'o03' });
    expectProblem(foreign, 422, { pointer: '/officerId' });
    expect(foreign.body.detail).toContain('officer o03 is not an officer of station chengguan');
    expectProblem(await station.post('/api/diversions', { ...diversion, officerId: 'xo1' }), 422, { pointer: '/officerId' });
    expectProblem(await other.post('/api/diversions', diversion), 422, { pointer: '/officerId' });
    expectProblem(await other.post('/api/diversions', { ...diversion, stationId: 'chengguan' }), 403, { pointer: '/stationId' });
    expectProblem(await h.api.post('/api/diversions', { ...diversion, stationId: 'chengguan' }), 403);
    expectProblem(await (await h.as({ role: 'officer', subjectId: 'o01' })).post('/api/diversions', diversion), 403);
    expect(await Promise.all([db.diversion.count(), db.auditEntry.count()])).toEqual(before);
  });

  it('rejects an officer without a community, a future date and an unknown kind, writing nothing', async () => {
    await db.officer.create({ data: { id: 'o99', countyId: testCounty, stationId: 'chengguan', name: '未驻社区民警' } });
    const before = await db.diversion.count();
    expectProblem(await station.post('/api/diversions', { ...diversion, officerId: 'o99' }), 422, { pointer: '/officerId' });
    expectProblem(await station.post('/api/diversions', { ...diversion, officerId: 'nobody' }), 422, { pointer: '/officerId' });
    expectProblem(await station.post('/api/diversions', { ...diversion, date: '2026-04-01' }), 422, { pointer: '/date' });
    expectProblem(await station.post('/api/diversions', { ...diversion, kind: 'patrol' }), 422, { pointer: '/kind' });
    expect(await db.diversion.count()).toBe(before);
  });
});

describe('GET /api/diversions', () => {
  it("shows a station its records, an officer their own, readers the county's and never another county's", async () => {
    const foreign = await db.diversion.create({
      data: {
        countyId: 'other-county',
        stationId: 'xstation',
        officerId: 'xo1',
        communityId: 'x01',
        date: '2026-03-03',
        kind: 'case-work',
        note: '',
        recordedBy: 'station:xstation',
      },
    });
    const ids = (res: { body: { id: number }[] }) => res.body.map((r) => r.id);
    const all = ids(await h.api.get('/api/diversions').expect(200));
    expect(all.length).toBeGreaterThan(0);
    expect(all).not.toContain(foreign.id);
    expect(ids(await station.get('/api/diversions').expect(200))).toEqual(all);
    expect((await other.get('/api/diversions').expect(200)).body).toEqual([]);
    expect((await other.get('/api/diversions?stationId=chengguan').expect(200)).body).toEqual([]);
    const o02 = (await (await h.as({ role: 'officer', subjectId: 'o02' })).get('/api/diversions').expect(200)).body;
    expect(o02.map((d: { officerId: string }) => d.officerId)).toEqual(['o02']);
    const province = await h.as({ role: 'province-reader', countyId: null });
    expect(ids(await province.get('/api/diversions').expect(200))).toEqual(expect.arrayContaining([...all, foreign.id]));
    expectProblem(await (await h.as({ role: 'leader', subjectId: 'L01' })).get('/api/diversions'), 403);
  });
});
