// Rented homes (出租房屋) at a community's doors, and their inspections: each is due the rule set's
// rentalInspectionIntervalDays after the last one (or after the home was listed), until it ends.
// The list names the landlords, so reading it is audited as reads of personal data are.
import type { Response } from 'express';
import { z } from 'zod';
import { inspectionDueOn } from '../../core/registerDue.js';
import { ruleSetInForce } from '../../db/ruleSets.js';
import { endLet, letDoor, recordInspection, type RentedHome } from '../../register/rentedHomes.js';
import { doorLabels, reachRecord } from '../../register/records.js';
import { reachCommunity } from '../../register/access.js';
import { auditedListRead } from '../../register/readAudit.js';
import type { Operations } from '../access/operations.js';
import { actorOf } from '../access/principal.js';
import type { Ctx } from '../context.js';
import { idSchema } from '../schemas.js';
import { noParameters, parseBody } from '../validate.js';
import { endingBody, inspection, inspectionBody, rentedHome, rentedHomeBody } from './registerRecords.schemas.js';

const communityParams = z.object({ communityId: idSchema });
const idParams = z.object({ id: z.string() });

export function registerRentedHomesOperations(ctx: Ctx): Operations<'listRentedHomes' | 'createRentedHome' | 'recordRentalInspection' | 'endRentedHome'> {
  /** The homes as listed: door, last inspection and when the next is due (none once ended). */
  const homeViews = async (homes: RentedHome[]) => {
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
        const home = await ctx.db.$transaction((tx) => letDoor(tx, actorOf(res), { countyId: place.countyId, communityId: place.id }, b, ctx.today()));
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
        const row = await ctx.db.$transaction((tx) => recordInspection(tx, actorOf(res), home, b, ctx.today()));
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
        const ended = await ctx.db.$transaction((tx) => endLet(tx, actorOf(res), home, date, ctx.today()));
        res.json((await homeViews([ended]))[0]);
      },
    },
  };
}
