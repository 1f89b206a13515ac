// GET /api/register/backlog: per community, how many help groups are incomplete, talks overdue,
// permits expiring or expired and rented homes due for inspection on the bureau's today, counted
// by the rule set's intervals; the bureau and province readers see their reach's communities, an
// officer, a station and the population brigade those whose register they keep or read; nobody
// sees a name; leaders and finance are refused; countyId narrows it to one county; it is paged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { seedDemoCounty } from '../../src/db/seed.js';
import { freshSqlite } from '../support/db.js';
import { otherCounty, seedOtherCounty } from '../support/otherCounty.js';
import { keyPerson, rentedHome, temporaryResident } from '../support/register.js';
import { testCounty, testCountyRecord } from '../support/users.js';
import { expectProblem, harness, today } from './harness.js';

let db: Db;
let h: Awaited<ReturnType<typeof harness>>;
const zero = { helpGroupsIncomplete: 0, talksOverdue: 0, permitsExpiring: 0, permitsExpired: 0, inspectionsDue: 0 };

beforeAll(async () => {
  db = (await freshSqlite('api-register-backlog')).db;
  await seedDemoCounty(db, { today: '2026-01-01', county: testCountyRecord });
  h = await harness(db);
  await seedOtherCounty(db);
  expect(today).toBe('2026-03-15');
  const c01 = { countyId: testCounty, communityId: 'c01' };
  const c02 = { countyId: testCounty, communityId: 'c02' };
  // c01: a key person with only their officer and no talk since 1 February (due 3 March); one kept; a permit expiring 1 April.
  await keyPerson(db, c01, { id: 'kp1', name: '张一', listedOn: '2026-02-01', members: ['officer'] });
  await keyPerson(db, c01, { id: 'kp2', name: '张二', listedOn: '2026-01-01', talks: ['2026-03-01'] });
  await temporaryResident(db, c01, { id: 'tr1', name: '李一', registeredOn: '2025-04-01', expiresOn: '2026-04-01' });
  // c02: a permit that expired on 1 March, a home let since October and never inspected, one inspected in February.
  await temporaryResident(db, c02, { id: 'tr2', name: '李二', registeredOn: '2025-03-01', expiresOn: '2026-03-01' });
  await rentedHome(db, c02, { id: 'rh1', fromDate: '2025-10-01' });
  await rentedHome(db, c02, { id: 'rh2', fromDate: '2025-10-01', inspections: ['2026-02-01'] });
  // A delisted key person and a home no longer let owe nothing.
  await keyPerson(db, c02, { id: 'kp3', name: '王三', listedOn: '2025-01-01', members: [] });
  await db.keyPersonListing.update({ where: { id: 'kp-kp3' }, data: { delistedOn: '2026-03-01', delistReason: 'test' } });
  await rentedHome(db, c02, { id: 'rh3', fromDate: '2025-01-01' });
  await db.rentedHome.update({ where: { id: 'rh3' }, data: { untilDate: '2026-01-01' } });
  await keyPerson(db, { countyId: otherCounty.id, communityId: otherCounty.communityId }, { id: 'kpx', name: '外县', listedOn: '2026-01-01', members: [] });
});

afterAll(async () => db?.$disconnect());

type Row = { communityId: string; communityName: string } & typeof zero;
const rows = (res: { body: { items: Row[] } }) => res.body.items;
const ids = (res: { body: { items: Row[] } }) => rows(res).map((r) => r.communityId);
const demo = ['c01', 'c02', 'c03', 'c04', 'c05', 'c06', 'c07', 'c08', 'c09', 'c10'];

describe('GET /api/register/backlog', () => {
  it('counts each community’s backlog by the rule set’s intervals, and shows no name', async () => {
    const res = await h.api.get('/api/register/backlog').expect(200);
    expect(ids(res)).toEqual(demo);
    expect(rows(res)[0]).toEqual({ communityId: 'c01', communityName: '小江口', ...zero, helpGroupsIncomplete: 1, talksOverdue: 1, permitsExpiring: 1 });
    expect(rows(res)[1]).toMatchObject({ communityId: 'c02', ...zero, permitsExpired: 1, inspectionsDue: 1 });
    expect(rows(res)[2]).toMatchObject({ communityId: 'c03', ...zero });
    expect(JSON.stringify(res.body)).not.toMatch(/张|李|王|kp|tr\d|rh\d/);
    expect((await (await h.as({ role: 'bureau-head' })).get('/api/register/backlog').expect(200)).body).toEqual(res.body);
  });

  it('gives the province reader every county, an officer, station and population brigade the register they keep or read', async () => {
    const province = await h.as({ role: 'province-reader', countyId: null });
    const all = rows(await province.get('/api/register/backlog').expect(200));
    expect(all.map((r) => r.communityId)).toEqual([...demo, otherCounty.communityId].sort());
    expect(all.find((r) => r.communityId === otherCounty.communityId)).toMatchObject({ helpGroupsIncomplete: 1 });

    expect(ids(await (await h.as({ role: 'officer', subjectId: 'o01' })).get('/api/register/backlog').expect(200))).toEqual(['c01']);
    expect(ids(await (await h.as({ role: 'station', subjectId: 'chengguan' })).get('/api/register/backlog').expect(200))).toEqual(['c01', 'c02', 'c03', 'c04']);
    expect(ids(await (await h.as({ role: 'department', subjectId: 'renkou' })).get('/api/register/backlog').expect(200))).toEqual(demo);
    expect(ids(await (await h.as({ role: 'department', subjectId: 'D01' })).get('/api/register/backlog').expect(200))).toEqual([]);
    expectProblem(await (await h.as({ role: 'leader', subjectId: 'L01' })).get('/api/register/backlog'), 403);
    expectProblem(await (await h.as({ role: 'finance' })).get('/api/register/backlog'), 403);
    expectProblem(await h.api.get('/api/register/backlog?communityId=c01'), 400);
  });

  it('narrows to one county with countyId: a province reader reads county by county, everyone else only their own; 422 naming it otherwise', async () => {
    const province = await h.as({ role: 'province-reader', countyId: null });
    const o01 = await h.as({ role: 'officer', subjectId: 'o01' });
    const brigade = await h.as({ role: 'department', subjectId: 'renkou' });
    const inCounty = (countyId: string) => `/api/register/backlog?countyId=${countyId}`;
    expect(ids(await province.get(inCounty(testCounty)).expect(200))).toEqual(demo);
    expect(rows(await province.get(inCounty(otherCounty.id)).expect(200))).toEqual([
      { communityId: otherCounty.communityId, communityName: '外县社区', ...zero, helpGroupsIncomplete: 1, talksOverdue: 1 },
    ]);
    expect(ids(await h.api.get(inCounty(testCounty)).expect(200))).toEqual(demo);
    expect(ids(await o01.get(inCounty(testCounty)).expect(200))).toEqual(['c01']);
    expect(ids(await brigade.get(inCounty(testCounty)).expect(200))).toEqual(demo);
    // Another county and one that does not exist answer alike, so another county's id leaks nothing.
    for (const [caller, countyId] of [
      [province, 'nowhere'],
      [h.api, otherCounty.id],
      [h.api, 'nowhere'],
      [o01, otherCounty.id],
      [brigade, otherCounty.id],
    ] as const) {
      const res = await caller.get(inCounty(countyId));
      expectProblem(res, 422, { parameter: 'countyId' });
      expect(res.body.detail).toContain(`${countyId} is not a county whose register backlog you read`);
    }
  });

  it('pages by community id, the next page named in the Link header, the pages together the whole list', async () => {
    const province = await h.as({ role: 'province-reader', countyId: null });
    const whole = rows(await province.get('/api/register/backlog').expect(200));
    const pages: Row[][] = [];
    for (let next: string | undefined = '/api/register/backlog?limit=4'; next;) {
      const res: { body: { items: Row[] }; headers: Record<string, string> } = await province.get(next).expect(200);
      pages.push(rows(res));
      next = /<([^>]+)>;\s*rel="next"/.exec(res.headers.link ?? '')?.[1];
    }
    expect(pages.map((p) => p.length)).toEqual([4, 4, 3]);
    expect(pages.flat()).toEqual(whole);
    expectProblem(await province.get('/api/register/backlog?cursor=nonsense'), 400, { parameter: 'cursor' });
  });

  it('follows a rule set that asks for talks more often', async () => {
    const { ruleSetInForce, addRuleSetVersion } = await import('../../src/db/ruleSets.js');
    const { ruleSet } = await ruleSetInForce(db, testCounty, today);
    await db.$transaction((tx) =>
      addRuleSetVersion(tx, {
        countyId: testCounty,
        ruleSet: { ...ruleSet, register: { ...ruleSet.register, talkIntervalDays: 10 } },
        effectiveFrom: '2026-03-01',
        reason: 'talks every ten days',
        author: 'test',
      }),
    );
    // 张二's talk of 1 March is 14 days old.
    expect(rows(await h.api.get('/api/register/backlog').expect(200))[0]).toMatchObject({ communityId: 'c01', talksOverdue: 2 });
  });
});
