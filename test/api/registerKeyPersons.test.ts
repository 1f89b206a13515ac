// Key persons over HTTP, on a real SQLite file and on PostgreSQL: listing a person of the
// community, their help group changed member by member with its history kept, the talk log with
// its refusals, delisting, the list's display facts (complete, lastTalkOn, talkDueOn under the rule
// set in force), the audit of every write, of every read of a record and of the list, listing and
// delisting one person from four requests at once, an import listing the persons a hand listing
// lists at the same time, and who may do what.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { addRuleSetVersion, ruleSetInForce } from '../../src/db/ruleSets.js';
import { seedDemoCounty } from '../../src/db/seed.js';
import { freshPostgres, freshSqlite, type TestDb } from '../support/db.js';
import { seedOtherCounty } from '../support/otherCounty.js';
import { importBatch, type HashedRow } from '../../src/register/importBatch.js';
import { addTestPerson, freshIdNumber, idNumberOf, throwawayCipher } from '../support/register.js';
import { testCounty, testCountyRecord } from '../support/users.js';
import { expectProblem, harness } from './harness.js';

type H = Awaited<ReturnType<typeof harness>>;
type Client = Awaited<ReturnType<H['as']>>;

/** The test county seeded, with persons living in c01 (o01's, station chengguan) and c05, and one in the other county. */
async function world(t: TestDb) {
  await seedDemoCounty(t.db, { today: '2026-01-01', county: testCountyRecord });
  const other = await seedOtherCounty(t.db);
  const h = await harness(t.db);
  const person = (id: string, communityId: string, n: number, countyId = testCounty) =>
    addTestPerson(t.db, {
      id,
      countyId,
      communityId,
      name: `居民${id}`,
      idNumber: idNumberOf(`43012319800101${String(n).padStart(3, '0')}`),
      fromDate: '2025-06-01',
      door: String(100 + n),
    });
  for (const [i, id] of ['p1', 'p2', 'p3', 'p4'].entries()) await person(id, 'c01', i + 1);
  await person('p5', 'c05', 5);
  await person('px', other.communityId, 9, other.id);
  return { h, other };
}

const audits = (db: Db, entity: string, entityId: string) => db.auditEntry.findMany({ where: { entity, entityId }, orderBy: { id: 'asc' } });

describe.each([
  ['SQLite', freshSqlite],
  ['PostgreSQL', freshPostgres],
] as const)('key persons on %s', (_, fresh) => {
  let t: TestDb;
  let h: H;
  let o01: Client;
  let id: string;
  const base = () => `/api/register/key-persons/${id}`;

  beforeAll(async () => {
    t = await fresh('api-key-persons');
    ({ h } = await world(t));
    o01 = await h.as({ role: 'officer', subjectId: 'o01' });
  });
  afterAll(() => t?.drop());

  it('lists a person of the community, masked, with no help group and a talk due an interval after listing; audits it', async () => {
    const res = await o01.post('/api/register/persons/p1/key-person-listings', { category: '刑满释放人员', listedOn: '2026-02-01' });
    expect(res.status).toBe(201);
    id = res.body.id;
    expect(res.headers.location).toBe(base());
    expect(res.body).toMatchObject({
      communityId: 'c01',
      category: '刑满释放人员',
      listedOn: '2026-02-01',
      delistedOn: null,
      helpGroup: { officer: null, 'security-cadre': null, parent: null },
      complete: false,
      lastTalkOn: null,
      talkDueOn: '2026-03-03',
      person: {
        id: 'p1',
        name: '居民p1',
        idNumber: expect.stringMatching(/^\*{14}\d{3}[\dX]$/),
        residence: { cardNumber: '1-101', building: '1', door: '101' },
      },
    });
    expect(JSON.stringify(res.body)).not.toContain('4301231980');
    expect(await audits(t.db, 'KeyPersonListing', id)).toEqual([expect.objectContaining({ action: 'create', actor: 'officer:o01', role: 'officer' })]);
  });

  it('refuses listing again while listed (409), a future day, and a day the person did not live there (422 naming /listedOn)', async () => {
    const before = await t.db.keyPersonListing.count();
    expectProblem(await o01.post('/api/register/persons/p1/key-person-listings', { category: '吸毒人员', listedOn: '2026-03-01' }), 409);
    expectProblem(await o01.post('/api/register/persons/p2/key-person-listings', { category: '吸毒人员', listedOn: '2026-03-16' }), 422, {
      pointer: '/listedOn',
    });
    expectProblem(await o01.post('/api/register/persons/p2/key-person-listings', { category: '吸毒人员', listedOn: '2025-05-31' }), 422, {
      pointer: '/listedOn',
    });
    expectProblem(await o01.post('/api/register/persons/p2/key-person-listings', { category: '', listedOn: '2026-03-01' }), 422, { pointer: '/category' });
    expectProblem(await o01.post('/api/register/persons/nobody/key-person-listings', { category: '吸毒人员', listedOn: '2026-03-01' }), 404);
    expect(await t.db.keyPersonListing.count()).toBe(before);
  });

  it('refuses a help-group officer who is not named, not of the county, or named for another role (422 naming /officerId)', async () => {
    const member = { name: '民警01', fromDate: '2026-02-01' };
    expectProblem(await o01.put(`${base()}/help-group/officer`, member), 422, { pointer: '/officerId' });
    expectProblem(await o01.put(`${base()}/help-group/officer`, { ...member, officerId: 'o99' }), 422, { pointer: '/officerId' });
    expectProblem(await o01.put(`${base()}/help-group/officer`, { ...member, officerId: 'xo1' }), 422, { pointer: '/officerId' });
    expectProblem(await o01.put(`${base()}/help-group/parent`, { ...member, officerId: 'o01' }), 422, { pointer: '/officerId' });
    expectProblem(await o01.put(`${base()}/help-group/officer`, { ...member, officerId: 'o01', fromDate: '2026-01-31' }), 422, { pointer: '/fromDate' });
    expectProblem(await o01.put(`${base()}/help-group/officer`, { ...member, officerId: 'o01', fromDate: '2026-03-16' }), 422, { pointer: '/fromDate' });
    expectProblem(await o01.put(`${base()}/help-group/neighbour`, member), 404);
    expect(await t.db.helpGroupMember.count()).toBe(0);
  });

  it('fills the three roles; the same member again changes nothing; the group is complete', async () => {
    expect((await o01.put(`${base()}/help-group/officer`, { name: '民警01', officerId: 'o01', fromDate: '2026-02-01' })).status).toBe(201);
    expect((await o01.put(`${base()}/help-group/security-cadre`, { name: '张治保', phone: '13800000001', fromDate: '2026-02-01' })).status).toBe(201);
    const parent = await o01.put(`${base()}/help-group/parent`, { name: '李母', fromDate: '2026-02-01' });
    expect(parent.status).toBe(201);
    expect(parent.body).toEqual({
      role: 'parent',
      name: '李母',
      officerId: null,
      phone: null,
      fromDate: '2026-02-01',
      untilDate: null,
      recordedBy: 'officer:o01',
    });
    expect((await o01.put(`${base()}/help-group/parent`, { name: '李母', fromDate: '2026-02-10' })).status).toBe(200);
    expect(await t.db.helpGroupMember.count()).toBe(3);
    const [row] = (await o01.get('/api/register/communities/c01/key-persons')).body.items;
    expect(row).toMatchObject({
      complete: true,
      helpGroup: {
        officer: { name: '民警01', officerId: 'o01', fromDate: '2026-02-01' },
        'security-cadre': { name: '张治保', phone: '13800000001' },
        parent: { name: '李母' },
      },
    });
  });

  it('changes a member by closing the one before and opening another; never overwrites; same day another member is 409', async () => {
    expect((await o01.put(`${base()}/help-group/parent`, { name: '李父', fromDate: '2026-03-01' })).status).toBe(201);
    expectProblem(await o01.put(`${base()}/help-group/parent`, { name: '王姨', fromDate: '2026-03-01' }), 409);
    expectProblem(await o01.put(`${base()}/help-group/parent`, { name: '王姨', fromDate: '2026-02-15' }), 422, { pointer: '/fromDate' });
    const record = (await o01.get(base())).body;
    expect(record.helpGroupHistory.filter((m: { role: string }) => m.role === 'parent')).toEqual([
      expect.objectContaining({ name: '李母', fromDate: '2026-02-01', untilDate: '2026-03-01' }),
      expect.objectContaining({ name: '李父', fromDate: '2026-03-01', untilDate: null }),
    ]);
    expect(record.helpGroup.parent).toMatchObject({ name: '李父' });
    const parentRows = await t.db.helpGroupMember.findMany({ where: { listingId: id, role: 'parent' }, orderBy: { id: 'asc' } });
    expect((await audits(t.db, 'HelpGroupMember', String(parentRows[0]!.id))).map((a) => a.action)).toEqual(['create', 'update']);
  });

  it('logs talks: once per day and role, idempotent when identical, 409 when different, 422 naming the field otherwise', async () => {
    const talk = { talkedOn: '2026-03-10', byRole: 'officer', summary: '了解近况，无异常' };
    const first = await o01.post(`${base()}/talks`, talk);
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ ...talk, recordedBy: 'officer:o01' });
    expect((await o01.post(`${base()}/talks`, talk)).status).toBe(200);
    expectProblem(await o01.post(`${base()}/talks`, { ...talk, summary: '另一次谈话' }), 409);
    expectProblem(await o01.post(`${base()}/talks`, { ...talk, talkedOn: '2026-03-16' }), 422, { pointer: '/talkedOn' });
    expectProblem(await o01.post(`${base()}/talks`, { ...talk, talkedOn: '2026-01-31' }), 422, { pointer: '/talkedOn' });
    expectProblem(await o01.post(`${base()}/talks`, { ...talk, byRole: 'neighbour' }), 422, { pointer: '/byRole' });
    expect((await o01.post(`${base()}/talks`, { talkedOn: '2026-02-20', byRole: 'parent', summary: '家访' })).status).toBe(201);
    expect(await t.db.keyPersonTalk.count({ where: { listingId: id } })).toBe(2);
    const [row] = (await o01.get('/api/register/communities/c01/key-persons')).body.items;
    expect(row).toMatchObject({ lastTalkOn: '2026-03-10', talkDueOn: '2026-04-09', complete: true });
    expect((await o01.get(base())).body.talks).toEqual([
      { talkedOn: '2026-02-20', byRole: 'parent', summary: '家访', recordedBy: 'officer:o01' },
      { ...talk, recordedBy: 'officer:o01' },
    ]);
  });

  it('refuses a talk by a cadre or parent nobody held that day (422 naming /byRole), and takes a talk by the officer before the group names them', async () => {
    const other = (await o01.post('/api/register/persons/p2/key-person-listings', { category: '吸毒人员', listedOn: '2026-03-01' })).body.id;
    expectProblem(await o01.post(`/api/register/key-persons/${other}/talks`, { talkedOn: '2026-03-02', byRole: 'parent', summary: '家访' }), 422, {
      pointer: '/byRole',
    });
    expect((await o01.post(`/api/register/key-persons/${other}/talks`, { talkedOn: '2026-03-02', byRole: 'officer', summary: '初次谈话' })).status).toBe(201);
  });

  it('takes the talk interval from the rule set in force today', async () => {
    const { ruleSet } = await ruleSetInForce(t.db, testCounty, '2026-03-15');
    await addRuleSetVersion(t.db, {
      countyId: testCounty,
      ruleSet: { ...ruleSet, register: { ...ruleSet.register, talkIntervalDays: 14 } },
      effectiveFrom: '2026-03-14',
      reason: 'talks every fortnight',
      author: 'test',
    });
    const items = (await o01.get('/api/register/communities/c01/key-persons')).body.items;
    // The first listing's last talk was on 2026-03-10, the second's (the officer's) on 2026-03-02.
    expect(items.map((i: { talkDueOn: string }) => i.talkDueOn)).toEqual(['2026-03-24', '2026-03-16']);
  });

  it('removes a member on a day: the group is incomplete; removing again is 404; a future day is 422 naming date', async () => {
    expectProblem(await o01.delete(`${base()}/help-group/parent?date=2026-03-16`), 422, { parameter: 'date' });
    const removed = await o01.delete(`${base()}/help-group/parent?date=2026-03-12`);
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ name: '李父', untilDate: '2026-03-12' });
    expectProblem(await o01.delete(`${base()}/help-group/parent?date=2026-03-12`), 404);
    const [row] = (await o01.get('/api/register/communities/c01/key-persons')).body.items;
    expect(row).toMatchObject({ complete: false, helpGroup: { parent: null } });
  });

  it('delists on a day for a reason: idempotent, 409 when different, no changes after; the list filters by status', async () => {
    expectProblem(await o01.post(`${base()}/delisting`, { date: '2026-01-31', reason: '期满' }), 422, { pointer: '/date' });
    expectProblem(await o01.post(`${base()}/delisting`, { date: '2026-03-16', reason: '期满' }), 422, { pointer: '/date' });
    const res = await o01.post(`${base()}/delisting`, { date: '2026-03-14', reason: '期满' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      delistedOn: '2026-03-14',
      delistReason: '期满',
      complete: false,
      talkDueOn: null,
      helpGroup: { officer: { name: '民警01' }, parent: null },
    });
    expect((await o01.post(`${base()}/delisting`, { date: '2026-03-14', reason: '期满' })).status).toBe(200);
    expectProblem(await o01.post(`${base()}/delisting`, { date: '2026-03-13', reason: '期满' }), 409);
    expectProblem(await o01.put(`${base()}/help-group/parent`, { name: '李父', fromDate: '2026-03-15' }), 409);
    expectProblem(await o01.post(`${base()}/talks`, { talkedOn: '2026-03-14', byRole: 'officer', summary: '回访' }), 422, { pointer: '/talkedOn' });
    const ids = async (status: string) =>
      (await o01.get(`/api/register/communities/c01/key-persons?status=${status}`)).body.items.map((i: { id: string }) => i.id);
    expect(await ids('listed')).not.toContain(id);
    expect(await ids('delisted')).toEqual([id]);
    expect(await ids('all')).toContain(id);
    expect((await audits(t.db, 'KeyPersonListing', id)).filter((a) => a.action === 'update')).toHaveLength(1);
  });

  it('lists a delisted person again from the day of delisting on, not before', async () => {
    expectProblem(await o01.post('/api/register/persons/p1/key-person-listings', { category: '刑满释放人员', listedOn: '2026-03-13' }), 422, {
      pointer: '/listedOn',
    });
    expect((await o01.post('/api/register/persons/p1/key-person-listings', { category: '刑满释放人员', listedOn: '2026-03-15' })).status).toBe(201);
  });

  it("audits every read of a key person's record with who read it, and a read of the list once, naming whom it showed", async () => {
    const reads = async () => (await audits(t.db, 'KeyPersonListing', id)).filter((a) => a.action === 'read');
    const listReads = () => audits(t.db, 'Register', 'c01');
    const before = [(await reads()).length, (await listReads()).length];
    await (await h.as({ role: 'department', subjectId: 'renkou' })).get(base()).expect(200);
    const listed = (await o01.get('/api/register/communities/c01/key-persons').expect(200)).body.items as { id: string; person: { id: string } }[];
    const after = await reads();
    expect(after).toHaveLength(before[0]! + 1);
    expect(after.at(-1)).toMatchObject({ actor: 'department:renkou', role: 'department', countyId: testCounty });
    const listRead = await listReads();
    expect(listRead).toHaveLength(before[1]! + 1);
    expect(listRead.at(-1)).toMatchObject({
      actor: 'officer:o01',
      action: 'read',
      after: { list: 'key-persons', keyPersons: listed.map((k) => k.id), persons: [...new Set(listed.map((k) => k.person.id))] },
    });
  });

  // Without the person's row lock, both requests read "not listed" on PostgreSQL and both list them.
  it('lists, delists and lists again one person from four requests at once: one wins each time, the others are a 409', async () => {
    const at = <T>(bodies: T[], call: (body: T) => PromiseLike<{ status: number; body: { id?: string } }>) => Promise.all(bodies.map(call));
    const open = () => t.db.keyPersonListing.count({ where: { personId: 'p3', delistedOn: null } });
    // Different days, so that no unique key could stop the others; four, so that a race shows.
    const listings = await at(['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04'], (listedOn) =>
      o01.post('/api/register/persons/p3/key-person-listings', { category: '吸毒人员', listedOn }),
    );
    expect(listings.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    expect(await open()).toBe(1);
    const listing = listings.find((r) => r.status === 201)!.body.id!;
    const delistings = await at(['2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08'], (date) =>
      o01.post(`/api/register/key-persons/${listing}/delisting`, { date, reason: '撤管' }),
    );
    expect(delistings.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    expect((await audits(t.db, 'KeyPersonListing', listing)).filter((a) => a.action === 'update')).toHaveLength(1);
    expect(await open()).toBe(0);
    const relistings = await at(['2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13'], (listedOn) =>
      o01.post('/api/register/persons/p3/key-person-listings', { category: '吸毒人员', listedOn }),
    );
    expect(relistings.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    expect(await open()).toBe(1);
  });

  // Without the import's taking the persons' locks, on PostgreSQL a hand listing landing while the
  // import writes reads "not listed" as the import did, and both list the person.
  it('an import listing eight persons while their officer lists them by hand, one by one: each is listed once', async () => {
    const cipher = throwawayCipher();
    const row = (
      r: Omit<HashedRow, 'line' | 'phone' | 'class' | 'fromDate' | 'permit' | 'idNumberHash' | 'keyPerson' | 'helpGroup' | 'rentedHome'>,
      line: number,
    ) => ({
      ...r,
      line,
      phone: null,
      class: 'present-registered' as const,
      fromDate: '2025-06-01',
      permit: null,
      keyPerson: null as HashedRow['keyPerson'],
      helpGroup: null,
      rentedHome: null,
      idNumberHash: cipher.hash(r.idNumber),
    });
    const racing = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8'];
    const rows: HashedRow[] = [];
    for (const [i, personId] of racing.entries()) {
      const held = { name: `居民${personId}`, idNumber: freshIdNumber(), building: '2', door: String(201 + i), card: `2-${201 + i}` };
      await addTestPerson(t.db, { id: personId, countyId: testCounty, communityId: 'c01', fromDate: '2025-06-01', ...held }, cipher);
      rows.push({ ...row(held, 2 + i), keyPerson: { category: '吸毒人员', listedOn: '2026-02-15' } });
    }
    // New persons after them, so that the batch writes for a while after reading the listings.
    for (let i = 0; i < 800; i++) rows.push(row({ name: `新居民${i}`, idNumber: freshIdNumber(), building: '3', door: String(i), card: `3-${i}` }, 10 + i));
    const scope = { countyId: testCounty, communityId: 'c01', importId: 'race', actor: { id: 'officer:o01' }, personalData: cipher, header: {} };
    const imported = t.db.$transaction((tx) => importBatch(tx, scope, rows, true), { timeout: 60_000 });
    const byHand = racing.map(async (personId, i) => {
      await new Promise((resolve) => setTimeout(resolve, 25 * i));
      return (await o01.post(`/api/register/persons/${personId}/key-person-listings`, { category: '吸毒人员', listedOn: '2026-03-01' })).status;
    });
    expect((await imported).errors).toEqual([]);
    // Each hand listing came first (the import then lists nobody new) or after (a 409).
    expect((await Promise.all(byHand)).filter((status) => status !== 201 && status !== 409)).toEqual([]);
    const listings = await t.db.keyPersonListing.groupBy({ by: ['personId'], where: { personId: { in: racing } }, _count: { _all: true } });
    expect(Object.fromEntries(listings.map((l) => [l.personId, l._count._all]))).toEqual(Object.fromEntries(racing.map((p) => [p, 1])));
  });
});

describe('who may do what with key persons', () => {
  let t: TestDb;
  let h: H;
  let listing: string;
  let foreign: string;

  beforeAll(async () => {
    t = await freshSqlite('api-key-persons-access');
    ({ h } = await world(t));
    const o01 = await h.as({ role: 'officer', subjectId: 'o01' });
    listing = (await o01.post('/api/register/persons/p3/key-person-listings', { category: '吸毒人员', listedOn: '2026-03-01' }).expect(201)).body.id;
    const xo1 = await h.as({ role: 'officer', subjectId: 'xo1', countyId: 'other-county' });
    foreign = (await xo1.post('/api/register/persons/px/key-person-listings', { category: '吸毒人员', listedOn: '2026-03-01' }).expect(201)).body.id;
  });
  afterAll(() => t?.drop());

  const reads = (kp: string) => [(c: Client) => c.get('/api/register/communities/c01/key-persons'), (c: Client) => c.get(`/api/register/key-persons/${kp}`)];
  const writes = (kp: string) => [
    (c: Client) => c.post('/api/register/persons/p4/key-person-listings', { category: '吸毒人员', listedOn: '2026-03-01' }),
    (c: Client) => c.put(`/api/register/key-persons/${kp}/help-group/security-cadre`, { name: '张治保', fromDate: '2026-03-02' }),
    (c: Client) => c.post(`/api/register/key-persons/${kp}/talks`, { talkedOn: '2026-03-03', byRole: 'security-cadre', summary: '谈话' }),
    (c: Client) => c.delete(`/api/register/key-persons/${kp}/help-group/security-cadre?date=2026-03-04`),
    (c: Client) => c.post(`/api/register/key-persons/${kp}/delisting`, { date: '2026-03-05', reason: '撤管' }),
  ];
  const statuses = async (c: Client, calls: ((c: Client) => PromiseLike<{ status: number }>)[]) => {
    const out: number[] = [];
    for (const call of calls) out.push((await call(c)).status);
    return out;
  };
  const written = async () => Promise.all([t.db.keyPersonListing.count(), t.db.helpGroupMember.count(), t.db.keyPersonTalk.count(), t.db.auditEntry.count()]);

  it.each([
    ['another community’s officer', { role: 'officer', subjectId: 'o03' }, 404, 404],
    ['another station', { role: 'station', subjectId: 'tuojiang' }, 404, 404],
    ['another department', { role: 'department', subjectId: 'D01' }, 404, 404],
    ['bureau staff', { role: 'bureau-staff' }, 403, 403],
    ['the bureau head', { role: 'bureau-head' }, 403, 403],
    ['another county’s officer', { role: 'officer', subjectId: 'xo1', countyId: 'other-county' }, 404, 404],
    ['the population brigade', { role: 'department', subjectId: 'renkou' }, 200, 403],
  ] as const)('%s: reads %i, writes %i, writing nothing', async (_, user, read, write) => {
    const c = await h.as(user);
    const before = await written();
    expect(await statuses(c, reads(listing))).toEqual([read, read]);
    expect(await statuses(c, writes(listing))).toEqual([write, write, write, write, write]);
    // The brigade's reads of the list and of a record are audited; nothing else is written.
    const after = await written();
    expect(after.slice(0, 3)).toEqual(before.slice(0, 3));
    expect(after[3]).toBe(before[3]! + (read === 200 ? 2 : 0));
  });

  it("another county's key person answers 404 to this county's officer", async () => {
    const o01 = await h.as({ role: 'officer', subjectId: 'o01' });
    expect(await statuses(o01, [(c) => c.get(`/api/register/key-persons/${foreign}`), ...writes(foreign).slice(1)])).toEqual([404, 404, 404, 404, 404]);
    expect((await o01.post('/api/register/persons/px/key-person-listings', { category: '吸毒人员', listedOn: '2026-03-01' })).status).toBe(404);
  });

  it.each([
    ['its own officer', { role: 'officer', subjectId: 'o01' }, 'p4'],
    ['its officer’s station', { role: 'station', subjectId: 'chengguan' }, 'p2'],
  ] as const)('%s keeps it: every route answers success', async (_, user, person) => {
    const c = await h.as(user);
    const kp = (await c.post(`/api/register/persons/${person}/key-person-listings`, { category: '吸毒人员', listedOn: '2026-03-01' }).expect(201)).body.id;
    expect(await statuses(c, [...reads(kp), ...writes(kp).slice(1)])).toEqual([200, 200, 201, 201, 200, 200]);
  });
});
