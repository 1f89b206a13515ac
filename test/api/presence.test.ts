// Who reads a leader's presence: the leader his own months, the bureau and province readers every
// leader of their reach; another leader's months and another county's answer 404 or stay out of lists.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { seedDemoCounty } from '../../src/db/seed.js';
import { freshSqlite } from '../support/db.js';
import { seedOtherCounty } from '../support/otherCounty.js';
import { testCountyRecord } from '../support/users.js';
import { expectProblem, harness } from './harness.js';

let db: Db;
let h: Awaited<ReturnType<typeof harness>>;
type Client = Awaited<ReturnType<typeof h.as>>;
let l01: Client;

beforeAll(async () => {
  db = (await freshSqlite('api-presence')).db;
  await seedDemoCounty(db, { today: '2026-01-01', county: testCountyRecord });
  h = await harness(db);
  await seedOtherCounty(db);
  const month = (leaderId: string, communityId: string, compliant: boolean) => ({
    leaderId,
    month: '2026-02',
    communityId,
    days: compliant ? 2 : 1,
    required: 2,
    compliant,
    countedDays: compliant ? ['2026-02-03', '2026-02-04'] : ['2026-02-03'],
  });
  await db.presenceMonth.createMany({ data: [month('L01', 'c01', false), month('L02', 'c02', true), month('XL1', 'x01', true)] });
  l01 = await h.as({ role: 'leader', subjectId: 'L01' });
});

afterAll(async () => db?.$disconnect());

const leaders = (res: { body: { leaderId: string }[] }) => res.body.map((m) => m.leaderId);

describe('GET /api/presence', () => {
  it("lists a leader's own months only, the county's to the bureau, every county's to a province reader", async () => {
    expect(leaders(await l01.get('/api/presence').expect(200))).toEqual(['L01']);
    expect((await l01.get('/api/presence?leaderId=L02').expect(200)).body).toEqual([]);
    expect(leaders(await h.api.get('/api/presence').expect(200))).toEqual(['L01', 'L02']);
    expect(leaders(await (await h.as({ role: 'bureau-head' })).get('/api/presence?compliant=true').expect(200))).toEqual(['L02']);
    const province = await h.as({ role: 'province-reader', countyId: null });
    expect(leaders(await province.get('/api/presence').expect(200))).toEqual(['L01', 'L02', 'XL1']);
    expectProblem(await (await h.as({ role: 'officer', subjectId: 'o01' })).get('/api/presence'), 403);
  });
});

describe('GET /api/presence/{leaderId}/{month}', () => {
  it("shows a leader his own month; another leader's and another county's answer 404", async () => {
    const own = await l01.get('/api/presence/L01/2026-02').expect(200);
    expect(own.body).toMatchObject({ leaderId: 'L01', verdict: 'non-compliant', days: 1, workingDaysLeft: 0 });
    expect((await h.api.get('/api/presence/L01/2026-02').expect(200)).body).toEqual(own.body);
    expectProblem(await l01.get('/api/presence/L02/2026-02'), 404);
    expectProblem(await h.api.get('/api/presence/XL1/2026-02'), 404);
    const province = await h.as({ role: 'province-reader', countyId: null });
    expect((await province.get('/api/presence/XL1/2026-02').expect(200)).body).toMatchObject({ leaderId: 'XL1', verdict: 'compliant' });
  });

  it("counts the working days left from the bureau's today: Monday to Friday less the rule set's public holidays", async () => {
    // Today is Sunday 2026-03-15 (16:00 in Shanghai): 16–20, 23–27, 30 and 31 March remain.
    expect((await l01.get('/api/presence/L01/2026-03').expect(200)).body).toMatchObject({ verdict: 'open', days: 0, workingDaysLeft: 12 });
    // A month to come has all of its working days left: April 2026 has 22.
    expect((await l01.get('/api/presence/L01/2026-04').expect(200)).body).toMatchObject({ workingDaysLeft: 22 });
  });
});
