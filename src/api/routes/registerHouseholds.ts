// The register's buildings, doors and household cards (户卡), and adding a person to a card. A card
// is filed at a building and door, made when new. Reading a card shows its persons (ID numbers
// masked) and everyone who lived on it before; that read, and a read of the list of cards with
// their persons, is audited like a person's.
import { z } from 'zod';
import { audited } from '../../db/audit.js';
import { findOrCreateBuilding, findOrCreateCard, findOrCreatePerson, lockPersons, openResidence, placePerson } from '../../register/residences.js';
import { cardLabels, historyView, personAudit, personView, personViews, reachRecord, refusedAs422 } from '../../register/records.js';
import { reachCommunity } from '../../register/access.js';
import { auditedListRead, auditedRecordRead } from '../../register/readAudit.js';
import type { Operations } from '../access/operations.js';
import { actorOf } from '../access/principal.js';
import type { Ctx } from '../context.js';
import { Problem } from '../problem.js';
import { listQuery, readPage, stringKey } from '../pagination.js';
import { idSchema } from '../schemas.js';
import { noParameters, parseBody, parseQuery } from '../validate.js';
import { building, buildingBody, card, cardBody, cardRecord, numberSchema, person, personBody } from './registerRecords.schemas.js';

const communityParams = z.object({ communityId: idSchema });
const idParams = z.object({ id: z.string() });
const cardsQuery = listQuery({ building: numberSchema.optional(), q: z.string().trim().min(1).max(32).optional() });

export function registerHouseholdsOperations(
  ctx: Ctx,
): Operations<'listRegisterBuildings' | 'createRegisterBuilding' | 'listHouseholdCards' | 'createHouseholdCard' | 'getHouseholdCard' | 'addPersonToCard'> {
  /** The cards shown: building and door numbers, and the persons whose open residence is on them. */
  const cardViews = async (cards: { id: string }[]) => {
    const labels = await cardLabels(
      ctx.db,
      cards.map((c) => c.id),
    );
    const open = await ctx.db.personResidence.findMany({ where: { cardId: { in: cards.map((c) => c.id) }, untilDate: null }, orderBy: { id: 'asc' } });
    const persons = new Map((await ctx.db.registerPerson.findMany({ where: { id: { in: open.map((r) => r.personId) } } })).map((p) => [p.id, p]));
    return cards.map((c) => {
      const { communityId: _, ...label } = labels.get(c.id)!;
      return { ...label, persons: open.filter((r) => r.cardId === c.id).map((r) => personView(persons.get(r.personId)!, r, labels)) };
    });
  };
  const cardIn = async (res: Parameters<typeof reachCommunity>[1], id: string, write = false) => {
    const row = await ctx.db.householdCard.findUnique({ where: { id } });
    await reachRecord(ctx, res, row?.communityId, 'household card', id, write);
    return row!;
  };

  return {
    listRegisterBuildings: {
      params: communityParams,
      responses: { 200: z.object({ items: z.array(building) }) },
      handler: async (req, res) => {
        noParameters(req.query);
        const { id: communityId } = await reachCommunity(ctx, res, String(req.params.communityId));
        const [buildings, doors, cards] = await Promise.all([
          ctx.db.registerBuilding.findMany({ where: { communityId }, orderBy: { number: 'asc' } }),
          ctx.db.registerDoor.findMany({ where: { communityId }, orderBy: { number: 'asc' } }),
          ctx.db.householdCard.findMany({ where: { communityId }, orderBy: { number: 'asc' }, select: { id: true, number: true, doorId: true } }),
        ]);
        res.json({
          items: buildings.map((b) => ({
            id: b.id,
            number: b.number,
            address: b.address,
            doors: doors
              .filter((d) => d.buildingId === b.id)
              .map((d) => ({ id: d.id, number: d.number, cards: cards.filter((c) => c.doorId === d.id).map(({ id, number }) => ({ id, number })) })),
          })),
        });
      },
    },

    createRegisterBuilding: {
      params: communityParams,
      body: buildingBody,
      responses: { 201: building },
      handler: async (req, res) => {
        const place = await reachCommunity(ctx, res, String(req.params.communityId), true);
        const b = parseBody(buildingBody, req.body);
        const row = await ctx.db.$transaction(async (tx) => {
          if (await tx.registerBuilding.findUnique({ where: { communityId_number: { communityId: place.id, number: b.number } } })) {
            throw Problem.field(409, { pointer: '/number', message: `building ${b.number} is already filed in community ${place.id}` });
          }
          const created = await findOrCreateBuilding(tx, { countyId: place.countyId, communityId: place.id }, b.number, b.address);
          await audited(tx, actorOf(res), { action: 'create', entity: 'RegisterBuilding', entityId: created.id, after: created });
          return created;
        });
        res.status(201).json({ id: row.id, number: row.number, address: row.address, doors: [] });
      },
    },

    listHouseholdCards: {
      params: communityParams,
      query: cardsQuery,
      responses: { 200: z.array(card) },
      handler: async (req, res) => {
        const { id: communityId } = await reachCommunity(ctx, res, String(req.params.communityId));
        const { limit, cursor, building: buildingNumber, q } = parseQuery(cardsQuery, req.query);
        const buildingRow =
          buildingNumber === undefined
            ? undefined
            : await ctx.db.registerBuilding.findUnique({ where: { communityId_number: { communityId, number: buildingNumber } } });
        const doors =
          buildingNumber === undefined
            ? undefined
            : (await ctx.db.registerDoor.findMany({ where: { buildingId: buildingRow?.id ?? '' }, select: { id: true } })).map((d) => d.id);
        const rows = await readPage(req, res, {
          limit,
          cursor,
          key: stringKey,
          find: (page) =>
            ctx.db.householdCard.findMany({
              where: { communityId, ...(doors ? { doorId: { in: doors } } : {}), ...(q ? { number: { contains: q } } : {}) },
              orderBy: { number: 'asc' },
              select: { id: true },
              ...page,
            }),
        });
        const views = await cardViews(rows);
        await auditedListRead(ctx.db, actorOf(res), communityId, 'cards', {
          cards: views.map((c) => c.id),
          persons: views.flatMap((c) => c.persons.map((p) => p.id)),
        });
        res.json(views);
      },
    },

    createHouseholdCard: {
      params: communityParams,
      body: cardBody,
      responses: { 201: card },
      handler: async (req, res) => {
        const place = await reachCommunity(ctx, res, String(req.params.communityId), true);
        const c = parseBody(cardBody, req.body);
        const row = await ctx.db.$transaction(async (tx) => {
          if (await tx.householdCard.findUnique({ where: { communityId_number: { communityId: place.id, number: c.number } } })) {
            throw Problem.field(409, { pointer: '/number', message: `card ${c.number} is already filed in community ${place.id}` });
          }
          const created = await findOrCreateCard(tx, { countyId: place.countyId, communityId: place.id }, c);
          await audited(tx, actorOf(res), {
            action: 'create',
            entity: 'HouseholdCard',
            entityId: created.id,
            after: { ...created, building: c.building, door: c.door },
          });
          return created;
        });
        res
          .status(201)
          .location(`${req.baseUrl}/register/cards/${row.id}`)
          .json((await cardViews([row]))[0]);
      },
    },

    getHouseholdCard: {
      params: idParams,
      responses: { 200: cardRecord },
      handler: async (req, res) => {
        noParameters(req.query);
        const row = await cardIn(res, String(req.params.id));
        const [view] = await cardViews([row]);
        const past = await ctx.db.personResidence.findMany({
          where: { cardId: row.id, untilDate: { not: null } },
          orderBy: [{ fromDate: 'asc' }, { id: 'asc' }],
        });
        const persons = new Map((await ctx.db.registerPerson.findMany({ where: { id: { in: past.map((r) => r.personId) } } })).map((p) => [p.id, p]));
        const labels = await cardLabels(ctx.db, [row.id]);
        await auditedRecordRead(ctx.db, actorOf(res), 'HouseholdCard', row.id);
        res.json({
          ...view!,
          past: past.map((r) => {
            const { residence: _, ...p } = personView(persons.get(r.personId)!, null, labels);
            return { ...historyView(r, labels), person: p };
          }),
        });
      },
    },

    // The person is found by their ID number; one whose residence is open anywhere is refused (409):
    // moving them is a residence change.
    addPersonToCard: {
      params: idParams,
      body: personBody,
      responses: { 201: person },
      handler: async (req, res) => {
        const row = await cardIn(res, String(req.params.id), true);
        const p = parseBody(personBody, req.body);
        if (p.fromDate > ctx.today()) throw Problem.field(422, { pointer: '/fromDate', message: `must not be in the future (today is ${ctx.today()})` });
        const actor = actorOf(res);
        const personId = await ctx.db.$transaction(async (tx) => {
          const { person: found, created } = await findOrCreatePerson(tx, ctx.personalData, row.countyId, p);
          if (!created) await lockPersons(tx, [found.id]);
          const open = created ? null : await openResidence(tx, found.id);
          if (open) {
            throw Problem.field(409, {
              pointer: '/idNumber',
              message: `a person of this ID number already lives on a card since ${open.fromDate} (person ${found.id})`,
            });
          }
          const { residence } = await refusedAs422(() =>
            placePerson(tx, { personId: found.id, card: row, class: p.class, fromDate: p.fromDate, recordedBy: actor.id }),
          );
          if (created) await audited(tx, actor, { action: 'create', entity: 'RegisterPerson', entityId: found.id, after: personAudit(found) });
          await audited(tx, actor, { action: 'create', entity: 'PersonResidence', entityId: residence.id, after: residence });
          return found.id;
        });
        const [view] = await personViews(ctx.db, [await ctx.db.registerPerson.findUniqueOrThrow({ where: { id: personId } })]);
        res.status(201).location(`${req.baseUrl}/register/persons/${personId}`).json(view);
      },
    },
  };
}
