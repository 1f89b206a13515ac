// The register's shared writers on a real SQLite file, in batches as the import calls them: a
// batch files its cards and persons in a few statements, the same batch again writes nothing, a
// later batch moves and re-classifies, and a refusal names the field and the item.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshSqlite, type TestDb } from '../support/db.js';
import { freshIdNumber, throwawayCipher } from '../support/register.js';
import { ensureCounty } from '../support/users.js';
import { fileCards, filePersons, placePersons, registerBatchSize, RegisterRefusal } from '../../src/register/residences.js';

let t: TestDb;
const place = { countyId: 'rc', communityId: 'rc1' };
const cipher = throwawayCipher();

beforeAll(async () => {
  t = await freshSqlite('register-residences');
  await ensureCounty(t.db, 'rc');
  await t.db.community.create({ data: { id: 'rc1', countyId: 'rc', name: '社区', population: 1000, complexity: 1 } });
  await t.db.community.create({ data: { id: 'rc2', countyId: 'rc', name: '社区2', population: 1000, complexity: 1 } });
});
afterAll(() => t.drop());

// A full batch: four persons a card, ten cards (on ten doors) a building.
const rows = Array.from({ length: registerBatchSize }, (_, k) => ({
  card: { number: `K${Math.floor(k / 4)}`, building: `${Math.floor(k / 40)}`, door: `${Math.floor(k / 4) % 10}` },
  person: { name: `人${k}`, idNumber: freshIdNumber() },
}));

async function file(batch: typeof rows, cls: 'present-registered' | 'temporary', fromDate: string) {
  return t.db.$transaction(async (tx) => {
    const cards = await fileCards(
      tx,
      place,
      batch.map((r) => r.card),
    );
    const persons = await filePersons(
      tx,
      cipher,
      'rc',
      batch.map((r) => r.person),
    );
    return placePersons(
      tx,
      persons.map((p, i) => ({ personId: p.person.id, card: cards.get(batch[i]!.card.number)!, class: cls, fromDate, recordedBy: 'test' })),
    );
  });
}

describe('the register’s batch writers', () => {
  it('files a full batch, and the same batch again writes nothing', async () => {
    const first = await file(rows, 'present-registered', '2026-01-01');
    expect(first.every((r) => r.closed === null)).toBe(true);
    const counts = async () =>
      Promise.all([
        t.db.registerBuilding.count(),
        t.db.registerDoor.count(),
        t.db.householdCard.count(),
        t.db.registerPerson.count(),
        t.db.personResidence.count(),
      ]);
    expect(await counts()).toEqual([registerBatchSize / 40, registerBatchSize / 4, registerBatchSize / 4, registerBatchSize, registerBatchSize]);
    const again = await file(rows, 'present-registered', '2026-02-01');
    expect(again.map((r) => r.residence.id)).toEqual(first.map((r) => r.residence.id));
    expect(await counts()).toEqual([registerBatchSize / 40, registerBatchSize / 4, registerBatchSize / 4, registerBatchSize, registerBatchSize]);
  });

  it('re-classifies and moves in a batch, closing the open residences on the day', async () => {
    const moved = rows.slice(0, 4).map((r, i) => ({ ...r, card: i < 2 ? r.card : { number: 'M1', building: 'M', door: '1' } }));
    const result = await file(moved, 'temporary', '2026-03-01');
    expect(result.map((r) => r.closed?.endReason)).toEqual(['reclassified', 'reclassified', 'moved', 'moved']);
    const history = await t.db.personResidence.findMany({ where: { personId: result[2]!.residence.personId }, orderBy: { fromDate: 'asc' } });
    expect(history.map((h) => [h.class, h.fromDate, h.untilDate, h.endReason])).toEqual([
      ['present-registered', '2026-01-01', '2026-03-01', 'moved'],
      ['temporary', '2026-03-01', null, null],
    ]);
  });

  it('refuses naming the field and the item, writing nothing of the batch', async () => {
    const before = await t.db.personResidence.count();
    const early = rows.slice(4, 8).map((r, i) => (i === 2 ? { ...r, card: { ...rows[0]!.card } } : r));
    await expect(file(early, 'temporary', '2025-12-01')).rejects.toMatchObject({ field: 'fromDate', index: 0 });
    const twice = [rows[10]!, rows[11]!, rows[10]!];
    await expect(file(twice, 'temporary', '2026-03-05')).rejects.toMatchObject({ field: 'idNumber', index: 2 });
    const elsewhere = t.db.$transaction(async (tx) => {
      const [card] = (await fileCards(tx, { countyId: 'rc', communityId: 'rc2' }, [{ number: 'Z1', building: '1', door: '1' }])).values();
      const [p] = await filePersons(tx, cipher, 'rc', [rows[12]!.person]);
      return placePersons(tx, [{ personId: p!.person.id, card: card!, class: 'temporary', fromDate: '2026-03-05', recordedBy: 'test' }]);
    });
    await expect(elsewhere).rejects.toBeInstanceOf(RegisterRefusal);
    await expect(file([{ ...rows[13]!, card: { ...rows[13]!.card, door: '7' } }], 'temporary', '2026-03-05')).rejects.toMatchObject({ field: 'number' });
    expect(await t.db.personResidence.count()).toBe(before);
    const tooMany = Array.from({ length: registerBatchSize + 1 }, () => ({}) as never);
    await expect(placePersons(t.db, tooMany)).rejects.toThrow(/at most/);
  });
});
