// Rented homes (出租房屋) at a community's doors, and their inspections: each is due the rule set's
// rentalInspectionIntervalDays after the last one (or after the home was listed), until it ends.
// The list names the landlords, so reading it is audited as reads of personal data are.
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { inspectionDueOn } from '../../core/registerDue.js';
import { audited } from '../../db/audit.js';
import { ruleSetInForce } from '../../db/ruleSets.js';
import { findOrCreateDoor } from '../../register/residences.js';
import { doorLabels, reachRecord } from '../../register/records.js';
import { reachCommunity } from '../../register/access.js';
import { auditedListRead } from '../../register/readAudit.js';
import type { Operations } from '../access/operations.js';
import { actorOf } from '../access/principal.js';
import type { Ctx } from '../context.js';
import { Problem } from '../problem.js';
import { idSchema } from '../schemas.js';
import { noParameters, parseBody } from '../validate.js';
import { endingBody, inspection, inspectionBody, rentedHome, rentedHomeBody } from './registerRecords.schemas.js';

const communityParams = z.object({ communityId: idSchema });
const idParams = z.object({ id: z.string() });
type Home = { id: string; countyId: string; doorId: string; landlord: string; fromDate: string; untilDate: string | null };

export function registerRentedHomesOperations(ctx: Ctx): Operations<'listRentedHomes' | 'createRentedHome' | 'recordRentalInspection' | 'endRentedHome'> {
  /** The homes as listed: door, last inspection and when the next is due (none once ended). */
  const homeViews = async (homes: Home[]) => {
    if (homes.length === 0) return [];
    const interval = (await ruleSetInForce(ctx.db, homes[0]!.countyId, ctx.today())).ruleSet.register.rentalInspectionIntervalDays;
    const doors = await doorLabels(
      ctx.db,
      homes.map((h) => h.doorId),
    );
    const last = await ctx.db.rentalInspection.groupBy({
      by: ['rentedHomeId'],
      where: { rentedHomeId: { in: homes.map((h) => h.id) } },
      _max: { inspectedOn: true },
    });
    const lastOf = new Map(last.map((l) => [l.rentedHomeId, l._max.inspectedOn]));
    return homes.map((h) => {
      const lastInspectedOn = lastOf.get(h.id) ?? null;
      return {
        id: h.id,
        ...doors.get(h.doorId)!,
        landlord: h.landlord,
        fromDate: h.fromDate,
        untilDate: h.untilDate,
        lastInspectedOn,
        inspectionDueOn: h.untilDate ? null : inspectionDueOn(h.fromDate, lastInspectedOn, interval),
      };
    });
  };
  const dateRule = (pointer: string, date: string, home: Home) => {
    if (date > ctx.today()) throw Problem.field(422, { pointer, message: `must not be in the future (today is ${ctx.today()})` });
    if (date < home.fromDate) throw Problem.field(422, { pointer, message: `must not be before ${home.fromDate}, when the home was let` });
    if (home.untilDate) throw Problem.field(422, { pointer, message: `the home is no longer let since ${home.untilDate}` });
  };
  const homeIn = async (res: Response, id: string) => {
    const home = await ctx.db.rentedHome.findUnique({ where: { id } });
    await reachRecord(ctx, res, home?.communityId, 'rented home', id, true);
    return home!;
  };

  return {
    listRentedHomes: {
      params: communityParams,
      responses: { 200: z.object({ items: z.array(rentedHome) }) },
      handler: async (req, res) => {
        noParameters(req.query);
        const { id: communityId } = await reachCommunity(ctx, res, String(req.params.communityId));
        const homes = await ctx.db.rentedHome.findMany({ where: { communityId }, orderBy: [{ fromDate: 'asc' }, { id: 'asc' }] });
        const items = await homeViews(homes);
        await auditedListRead(ctx.db, actorOf(res), communityId, 'rented-homes', { rentedHomes: homes.map((h) => h.id) });
        res.json({ items });
      },
    },

    createRentedHome: {
      params: communityParams,
      body: rentedHomeBody,
      responses: { 201: rentedHome },
      handler: async (req, res) => {
        const place = await reachCommunity(ctx, res, String(req.params.communityId), true);
        const b = parseBody(rentedHomeBody, req.body);
        if (b.fromDate > ctx.today()) throw Problem.field(422, { pointer: '/fromDate', message: `must not be in the future (today is ${ctx.today()})` });
        const home = await ctx.db.$transaction(async (tx) => {
          const { door } = await findOrCreateDoor(tx, { countyId: place.countyId, communityId: place.id }, b.building, b.door);
          const let_ = await tx.rentedHome.findFirst({ where: { doorId: door.id, OR: [{ untilDate: null }, { untilDate: { gt: b.fromDate } }] } });
          if (let_)
            throw Problem.field(409, { pointer: '/door', message: `door ${b.building}-${b.door} is let from ${let_.fromDate} (rented home ${let_.id})` });
          const row = await tx.rentedHome.create({
            data: { id: randomUUID(), countyId: place.countyId, communityId: place.id, doorId: door.id, landlord: b.landlord, fromDate: b.fromDate },
          });
          await audited(tx, actorOf(res), { action: 'create', entity: 'RentedHome', entityId: row.id, after: { ...row, building: b.building, door: b.door } });
          return row;
        });
        res.status(201).json((await homeViews([home]))[0]);
      },
    },

    recordRentalInspection: {
      params: idParams,
      body: inspectionBody,
      responses: { 201: inspection },
      handler: async (req, res) => {
        const home = await homeIn(res, String(req.params.id));
        const b = parseBody(inspectionBody, req.body);
        dateRule('/inspectedOn', b.inspectedOn, home);
        const row = await ctx.db.$transaction(async (tx) => {
          const created = await tx.rentalInspection.create({
            data: { rentedHomeId: home.id, communityId: home.communityId, inspectedOn: b.inspectedOn, inspectedBy: actorOf(res).id, note: b.note ?? '' },
          });
          await audited(tx, actorOf(res), { action: 'create', entity: 'RentalInspection', entityId: created.id, after: created });
          return created;
        });
        res.status(201).json(row);
      },
    },

    endRentedHome: {
      params: idParams,
      body: endingBody,
      responses: { 200: rentedHome },
      handler: async (req, res) => {
        const home = await homeIn(res, String(req.params.id));
        const { date } = parseBody(endingBody, req.body);
        dateRule('/date', date, home);
        const ended = await ctx.db.$transaction(async (tx) => {
          const row = await tx.rentedHome.update({ where: { id: home.id }, data: { untilDate: date } });
          await audited(tx, actorOf(res), { action: 'end', entity: 'RentedHome', entityId: home.id, before: home, after: row });
          return row;
        });
        res.json((await homeViews([ended]))[0]);
      },
    },
  };
}
