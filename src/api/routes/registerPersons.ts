// The register's persons: the community's actual population by class, one person's record with
// their whole history, and the changes to it — corrections of name, phone or ID number, residence
// changes (moved, reclassified, left, died, corrected) and a temporary resident's permit. Every read
// of a person's record or of the community's persons is audited (`read`, or `reveal` when the ID
// number is shown in clear).
import type { Response } from 'express';
import { z } from 'zod';
import { audited } from '../../db/audit.js';
import { normalIdNumber } from '../../core/idNumber.js';
import { changeResidence, idNumberColumns, openResidence } from '../../register/residences.js';
import { cardLabels, historyView, personAudit, personView, personViews, reachRecord, refusedAs422 } from '../../register/records.js';
import { reachCommunity } from '../../register/access.js';
import { auditedListRead, auditedRecordRead } from '../../register/readAudit.js';
import type { Operations } from '../access/operations.js';
import { actorOf } from '../access/principal.js';
import type { Ctx } from '../context.js';
import { Problem } from '../problem.js';
import { intKey, listQuery, readPage } from '../pagination.js';
import { idSchema } from '../schemas.js';
import { parseBody, parseQuery } from '../validate.js';
import { classSchema, permit, permitBody, person, personPatch, personRecord, residenceChangeBody } from './registerRecords.schemas.js';

const communityParams = z.object({ communityId: idSchema });
const idParams = z.object({ id: z.string() });
const personsQuery = listQuery({ class: classSchema.optional(), q: z.string().trim().min(1).max(200).optional() });
const revealQuery = z.strictObject({ reveal: z.literal('idNumber', { error: 'expected idNumber' }).optional() });

export function registerPersonsOperations(
  ctx: Ctx,
): Operations<'listRegisterPersons' | 'getRegisterPerson' | 'updateRegisterPerson' | 'changeResidence' | 'recordTemporaryPermit'> {
  /** The person, when their latest residence's community is within the caller's reach. */
  const personIn = async (res: Response, id: string, write = false) => {
    const row = await ctx.db.registerPerson.findUnique({ where: { id } });
    const latest = row && (await ctx.db.personResidence.findFirst({ where: { personId: id }, orderBy: { fromDate: 'desc' } }));
    const community = await reachRecord(ctx, res, latest?.communityId, 'person', id, write);
    return { person: row!, community };
  };
  const shown = async (id: string) => (await personViews(ctx.db, [await ctx.db.registerPerson.findUniqueOrThrow({ where: { id } })]))[0]!;

  return {
    // Those living in the community now (an open residence), by residence; q: part of a name, or a whole ID number.
    listRegisterPersons: {
      params: communityParams,
      query: personsQuery,
      responses: { 200: z.array(person) },
      handler: async (req, res) => {
        const { id: communityId, countyId } = await reachCommunity(ctx, res, String(req.params.communityId));
        const { limit, cursor, class: cls, q } = parseQuery(personsQuery, req.query);
        const named = q === undefined ? undefined : { OR: [{ name: { contains: q } }, { idNumberHash: ctx.personalData.hash(normalIdNumber(q)) }] };
        const matching = named && (await ctx.db.registerPerson.findMany({ where: { countyId, ...named }, select: { id: true } })).map((p) => p.id);
        const residences = await readPage(req, res, {
          limit,
          cursor,
          key: intKey,
          find: (page) =>
            ctx.db.personResidence.findMany({
              where: { communityId, untilDate: null, ...(cls ? { class: cls } : {}), ...(matching ? { personId: { in: matching } } : {}) },
              orderBy: { id: 'asc' },
              ...page,
            }),
        });
        const persons = new Map((await ctx.db.registerPerson.findMany({ where: { id: { in: residences.map((r) => r.personId) } } })).map((p) => [p.id, p]));
        const cards = await cardLabels(
          ctx.db,
          residences.map((r) => r.cardId),
        );
        await auditedListRead(ctx.db, actorOf(res), communityId, 'persons', { persons: residences.map((r) => r.personId) });
        res.json(residences.map((r) => personView(persons.get(r.personId)!, r, cards)));
      },
    },

    getRegisterPerson: {
      params: idParams,
      query: revealQuery,
      responses: { 200: personRecord },
      handler: async (req, res) => {
        const { reveal } = parseQuery(revealQuery, req.query);
        const { person: p } = await personIn(res, String(req.params.id));
        const [history, permits, keyPersonListings] = await Promise.all([
          ctx.db.personResidence.findMany({ where: { personId: p.id }, orderBy: [{ fromDate: 'asc' }, { id: 'asc' }] }),
          ctx.db.temporaryPermit.findMany({ where: { personId: p.id }, orderBy: { registeredOn: 'asc' } }),
          ctx.db.keyPersonListing.findMany({ where: { personId: p.id }, orderBy: { listedOn: 'asc' } }),
        ]);
        const cards = await cardLabels(
          ctx.db,
          history.map((r) => r.cardId),
        );
        await auditedRecordRead(ctx.db, actorOf(res), 'RegisterPerson', p.id, reveal !== undefined);
        res.json({
          ...personView(p, history.find((r) => r.untilDate === null) ?? null, cards, reveal ? ctx.personalData : undefined),
          history: history.map((r) => historyView(r, cards)),
          permits,
          keyPersonListings,
        });
      },
    },

    // A new ID number must be valid and nobody else's in the county (409); the audit keeps it masked.
    updateRegisterPerson: {
      params: idParams,
      body: personPatch,
      responses: { 200: person },
      handler: async (req, res) => {
        const { person: before } = await personIn(res, String(req.params.id), true);
        const patch = parseBody(personPatch, req.body);
        await ctx.db.$transaction(async (tx) => {
          const ids: Partial<ReturnType<typeof idNumberColumns>> = patch.idNumber === undefined ? {} : idNumberColumns(ctx.personalData, patch.idNumber);
          if (ids.idNumberHash !== undefined && ids.idNumberHash !== before.idNumberHash) {
            const holder = await tx.registerPerson.findUnique({
              where: { countyId_idNumberHash: { countyId: before.countyId, idNumberHash: ids.idNumberHash } },
            });
            if (holder) throw Problem.field(409, { pointer: '/idNumber', message: `the ID number is another person's (${holder.id})` });
          }
          const after = await tx.registerPerson.update({
            where: { id: before.id },
            data: { ...(patch.name === undefined ? {} : { name: patch.name }), ...(patch.phone === undefined ? {} : { phone: patch.phone }), ...ids },
          });
          await audited(tx, actorOf(res), {
            action: 'update',
            entity: 'RegisterPerson',
            entityId: before.id,
            before: personAudit(before),
            after: personAudit(after),
          });
        });
        res.json(await shown(before.id));
      },
    },

    changeResidence: {
      params: idParams,
      body: residenceChangeBody,
      responses: { 200: person },
      handler: async (req, res) => {
        const { person: p } = await personIn(res, String(req.params.id), true);
        const change = parseBody(residenceChangeBody, req.body);
        const card = change.cardId === undefined ? null : await ctx.db.householdCard.findUnique({ where: { id: change.cardId } });
        if (change.cardId !== undefined && (!card || card.countyId !== p.countyId)) {
          throw Problem.field(422, { pointer: '/cardId', message: `household card ${change.cardId} does not exist` });
        }
        const actor = actorOf(res);
        await ctx.db.$transaction(async (tx) => {
          const { closed, residence } = await refusedAs422(() => changeResidence(tx, p.id, change, card, actor.id, ctx.today()));
          const before = { ...closed, untilDate: null, endReason: null };
          await audited(tx, actor, { action: change.reason, entity: 'PersonResidence', entityId: closed.id, before, after: closed });
          if (residence) await audited(tx, actor, { action: 'create', entity: 'PersonResidence', entityId: residence.id, after: residence });
        });
        res.json(await shown(p.id));
      },
    },

    // Only for a temporary resident (an open residence of class temporary), registered on or after it began.
    recordTemporaryPermit: {
      params: idParams,
      body: permitBody,
      responses: { 201: permit },
      handler: async (req, res) => {
        const { person: p } = await personIn(res, String(req.params.id), true);
        const body = parseBody(permitBody, req.body);
        const open = await openResidence(ctx.db, p.id);
        if (open?.class !== 'temporary') {
          throw Problem.field(422, { pointer: '', message: `person ${p.id} is not a temporary resident${open ? ` (their class is ${open.class})` : ''}` });
        }
        if (body.registeredOn > ctx.today())
          throw Problem.field(422, { pointer: '/registeredOn', message: `must not be in the future (today is ${ctx.today()})` });
        if (body.registeredOn < open.fromDate)
          throw Problem.field(422, { pointer: '/registeredOn', message: `must not be before ${open.fromDate}, when the temporary residence began` });
        const row = await ctx.db.$transaction(async (tx) => {
          const created = await tx.temporaryPermit.create({
            data: {
              personId: p.id,
              communityId: open.communityId,
              registeredOn: body.registeredOn,
              permitNumber: body.permitNumber ?? null,
              expiresOn: body.expiresOn ?? null,
              recordedBy: actorOf(res).id,
            },
          });
          await audited(tx, actorOf(res), { action: 'create', entity: 'TemporaryPermit', entityId: created.id, after: created });
          return created;
        });
        res.status(201).json(row);
      },
    },
  };
}
