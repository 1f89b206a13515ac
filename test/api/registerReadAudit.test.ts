// Every list of a community's register that shows personal data — its persons, its cards with their
// persons, its key persons, its rented homes (the landlords) and the derivation's shortfall — leaves
// one AuditEntry per request (action `read`, entity `Register`, the community's id) naming the reader
// and the ids of what it showed; a refused request leaves none. On SQLite and on PostgreSQL, whose
// JSON columns differ.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCounty } from '../../src/db/seed.js';
import { freshPostgres, freshSqlite, type TestDb } from '../support/db.js';
import { addTestPerson, freshIdNumber, keyPerson, rentedHome } from '../support/register.js';
import { testCounty, testCountyRecord } from '../support/users.js';
import { expectProblem, harness } from './harness.js';

type H = Awaited<ReturnType<typeof harness>>;
type Body = Record<string, unknown> & { items?: Record<string, unknown>[] };
const c01 = { countyId: testCounty, communityId: 'c01' };
const community = '/api/register/communities/c01';

const unique = (ids: string[]) => [...new Set(ids)];

/** What each list showed, by kind, read back from its body: the audit must name exactly these. */
const lists: [string, string, (body: Body) => Record<string, string[]>][] = [
  ['persons', `${community}/persons`, (body) => ({ persons: (body as unknown as { id: string }[]).map((p) => p.id) })],
  [
    'cards',
    `${community}/cards`,
    (body) => {
      const cards = body as unknown as { id: string; persons: { id: string }[] }[];
      return { cards: cards.map((c) => c.id), persons: cards.flatMap((c) => c.persons.map((p) => p.id)) };
    },
  ],
  [
    'key-persons',
    `${community}/key-persons`,
    (body) => ({ keyPersons: body.items!.map((k) => String(k.id)), persons: body.items!.map((k) => String((k.person as { id: string }).id)) }),
  ],
  ['rented-homes', `${community}/rented-homes`, (body) => ({ rentedHomes: body.items!.map((r) => String(r.id)) })],
  [
    'derivation',
    `${community}/derivation?period=2026-Q1`,
    (body) => {
      const { registration, keyPersonControl } = body.metrics as Record<string, { shortfall: Record<string, string>[] }>;
      return {
        persons: unique([...registration!.shortfall, ...keyPersonControl!.shortfall].map((s) => s.personId!)),
        cards: unique(registration!.shortfall.map((s) => s.cardId!)),
        keyPersons: unique(keyPersonControl!.shortfall.map((s) => s.listingId!)),
      };
    },
  ],
];

describe.each([
  ['SQLite', freshSqlite],
  ['PostgreSQL', freshPostgres],
] as const)('list reads of the register on %s', (_, fresh) => {
  let t: TestDb;
  let h: H;
  const listReads = () => t.db.auditEntry.findMany({ where: { entity: 'Register', entityId: 'c01', action: 'read' }, orderBy: { id: 'asc' } });

  beforeAll(async () => {
    t = await fresh('api-register-read-audit');
    await seedDemoCounty(t.db, { today: '2026-01-01', county: testCountyRecord });
    h = await harness(t.db);
    const person = (id: string, door: string, cls: 'present-registered' | 'present-unregistered') =>
      addTestPerson(t.db, { ...c01, id, name: `居民${id}`, idNumber: freshIdNumber(), class: cls, fromDate: '2025-06-01', door });
    await person('p1', '101', 'present-registered');
    await person('p2', '102', 'present-unregistered');
    // A key person whose help group is incomplete: in the derivation's shortfall too.
    await keyPerson(t.db, c01, { id: 'k1', name: '重点一', listedOn: '2026-01-01', members: ['officer'] });
    await rentedHome(t.db, c01, { id: 'rh1', fromDate: '2026-01-01' });
  });
  afterAll(() => t?.drop());

  it.each(lists)('%s: one audit row per read, naming the reader and what it showed', async (list, path, shown) => {
    for (const [reader, actor] of [
      [{ role: 'officer', subjectId: 'o01' }, 'officer:o01'],
      [{ role: 'department', subjectId: 'renkou' }, 'department:renkou'],
    ] as const) {
      const before = (await listReads()).length;
      const res = await (await h.as(reader)).get(path).expect(200);
      const expected = shown(res.body as Body);
      expect(Object.values(expected).some((ids) => ids.length > 0)).toBe(true);
      const rows = await listReads();
      expect(rows).toHaveLength(before + 1);
      expect(rows.at(-1)).toMatchObject({ actor, countyId: testCounty, after: { list, ...expected } });
    }
  });

  it.each(lists)('%s: a refused read (404 another community’s officer, 403 the bureau) leaves no audit row', async (_list, path) => {
    const before = await t.db.auditEntry.count();
    expectProblem(await (await h.as({ role: 'officer', subjectId: 'o03' })).get(path), 404);
    expectProblem(await (await h.as({ role: 'bureau-staff' })).get(path), 403);
    expect(await t.db.auditEntry.count()).toBe(before);
  });

  it('names only the page shown, and never the query (which may be an ID number)', async () => {
    const o01 = await h.as({ role: 'officer', subjectId: 'o01' });
    const page = (await o01.get(`${community}/persons?limit=1`).expect(200)).body as { id: string }[];
    expect(page).toHaveLength(1);
    expect((await listReads()).at(-1)!.after).toEqual({ list: 'persons', persons: [page[0]!.id] });
    // Filed through the API, under the deployment's key, so that the number finds them.
    const idNumber = freshIdNumber();
    const card = (await o01.post(`${community}/cards`, { number: 'R-9', building: '1', door: '109' }).expect(201)).body as { id: string };
    const p9 = (
      await o01.post(`/api/register/cards/${card.id}/persons`, { name: '居民p9', idNumber, class: 'present-registered', fromDate: '2026-03-01' }).expect(201)
    ).body as { id: string };
    expect(((await o01.get(`${community}/persons?q=${idNumber}`).expect(200)).body as { id: string }[]).map((p) => p.id)).toEqual([p9.id]);
    expect((await listReads()).at(-1)!.after).toEqual({ list: 'persons', persons: [p9.id] });
    expect(JSON.stringify(await t.db.auditEntry.findMany())).not.toContain(idNumber.slice(0, 14));
  });
});
