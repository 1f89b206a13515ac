// Key persons (重点人口) of a community's register: listing a person, their three-person help group,
// the talks it holds, delisting. The community's officer and station keep them; the population
// brigade reads them; anyone else finds no such record. Every read of one key person's record or
// of the community's list is audited, as reads of personal data are.
import type { Response } from 'express';
import { z } from 'zod';
import type { Tx } from '../../db/audit.js';
import { reachCommunity, registerReachOf, registerScope } from '../../register/access.js';
import { auditedListRead, auditedRecordRead } from '../../register/readAudit.js';
import { delistKeyPerson, listKeyPerson, logTalk, removeHelpGroupMember, setHelpGroupMember } from '../../register/keyPersonWrites.js';
import { keyPersonRecord, keyPersonViews, listKeyPersons, type Listing } from '../../register/keyPersons.js';
import { lockPersons } from '../../register/residences.js';
import type { Operations } from '../access/operations.js';
import { actorOf } from '../access/principal.js';
import type { Ctx } from '../context.js';
import { Problem } from '../problem.js';
import { noParameters, parseBody, parseParam, parseQuery } from '../validate.js';
import {
  communityParams,
  delistingBody,
  helpGroupMemberRow,
  idParams,
  keyPersonRecord as keyPersonRecordSchema,
  keyPersonRow,
  keyPersonsQuery,
  listingBody,
  memberBody,
  memberParams,
  memberRemovalQuery,
  talkBody,
  talkRow,
} from './registerKeyPersons.schemas.js';

type KeyPersonOperation =
  'listKeyPersons' | 'listKeyPerson' | 'getKeyPerson' | 'setHelpGroupMember' | 'removeHelpGroupMember' | 'logKeyPersonTalk' | 'delistKeyPerson';

export function registerKeyPersonsOperations(ctx: Ctx): Operations<KeyPersonOperation> {
  /** The listing, when the caller reaches its community (and, to write, keeps it): 404 otherwise, 403 for a reader writing. */
  async function reachListing(res: Response, id: string, write: boolean): Promise<Listing> {
    const reach = await registerReachOf(ctx, res);
    const listing = await ctx.db.keyPersonListing.findFirst({ where: { id, ...registerScope(reach) } });
    if (!listing) throw Problem.notFound('key person', id);
    if (write && !reach.keeps)
      throw new Problem(403, `the register of community ${listing.communityId} is kept by its officer and police station; you may read it`);
    return listing;
  }

  /**
   * A change to the listing in one transaction, on the listing as it is now (another request may
   * have delisted it meanwhile), the person's row locked first so changes to their listings queue.
   */
  const changing = <T>(listing: Listing, change: (tx: Tx, current: Listing) => Promise<T>) =>
    ctx.db.$transaction(async (tx) => {
      await lockPersons(tx, [listing.personId]);
      return change(tx, await tx.keyPersonListing.findUniqueOrThrow({ where: { id: listing.id } }));
    });

  /** The listing as the list shows it, after a change. */
  const shown = async (listing: Listing) => (await keyPersonViews(ctx.db, listing.countyId, [listing], ctx.today()))[0]!;

  const roleOf = (role: unknown) => parseParam(memberParams.shape.role, role, 'help-group role');

  return {
    listKeyPersons: {
      params: communityParams,
      query: keyPersonsQuery,
      responses: { 200: z.object({ items: z.array(keyPersonRow) }) },
      handler: async (req, res) => {
        const { status } = parseQuery(keyPersonsQuery, req.query);
        const community = await reachCommunity(ctx, res, String(req.params.communityId));
        const items = await listKeyPersons(ctx.db, community.countyId, community.id, status, ctx.today());
        await auditedListRead(ctx.db, actorOf(res), community.id, 'key-persons', {
          keyPersons: items.map((k) => k.id),
          persons: items.map((k) => k.person.id),
        });
        res.json({ items });
      },
    },

    listKeyPerson: {
      params: idParams,
      body: listingBody,
      responses: { 201: keyPersonRow },
      handler: async (req, res) => {
        const input = parseBody(listingBody, req.body);
        const reach = await registerReachOf(ctx, res);
        const listing = await ctx.db.$transaction((tx) => listKeyPerson(tx, actorOf(res), reach, String(req.params.id), input, ctx.today()));
        res
          .status(201)
          .location(`${req.baseUrl}/register/key-persons/${listing.id}`)
          .json(await shown(listing));
      },
    },

    getKeyPerson: {
      params: idParams,
      responses: { 200: keyPersonRecordSchema },
      handler: async (req, res) => {
        noParameters(req.query);
        const listing = await reachListing(res, String(req.params.id), false);
        const record = await keyPersonRecord(ctx.db, listing, ctx.today());
        await auditedRecordRead(ctx.db, actorOf(res), 'KeyPersonListing', listing.id);
        res.json(record);
      },
    },

    setHelpGroupMember: {
      params: memberParams,
      body: memberBody,
      responses: { 200: helpGroupMemberRow, 201: helpGroupMemberRow },
      handler: async (req, res) => {
        const role = roleOf(req.params.role);
        const input = parseBody(memberBody, req.body);
        const listing = await reachListing(res, String(req.params.id), true);
        const { row, changed } = await changing(listing, (tx, current) => setHelpGroupMember(tx, actorOf(res), current, role, input, ctx.today()));
        res.status(changed ? 201 : 200).json(memberOut(row));
      },
    },

    removeHelpGroupMember: {
      params: memberParams,
      query: memberRemovalQuery,
      responses: { 200: helpGroupMemberRow },
      handler: async (req, res) => {
        const role = roleOf(req.params.role);
        const { date } = parseQuery(memberRemovalQuery, req.query);
        const listing = await reachListing(res, String(req.params.id), true);
        const row = await changing(listing, (tx, current) => removeHelpGroupMember(tx, actorOf(res), current, role, date, ctx.today()));
        res.json(memberOut(row));
      },
    },

    logKeyPersonTalk: {
      params: idParams,
      body: talkBody,
      responses: { 200: talkRow, 201: talkRow },
      handler: async (req, res) => {
        const input = parseBody(talkBody, req.body);
        const listing = await reachListing(res, String(req.params.id), true);
        const { row, created } = await changing(listing, (tx, current) => logTalk(tx, actorOf(res), current, input, ctx.today()));
        const { talkedOn, byRole, summary, recordedBy } = row;
        res.status(created ? 201 : 200).json({ talkedOn, byRole, summary, recordedBy });
      },
    },

    delistKeyPerson: {
      params: idParams,
      body: delistingBody,
      responses: { 200: keyPersonRow },
      handler: async (req, res) => {
        const input = parseBody(delistingBody, req.body);
        const listing = await reachListing(res, String(req.params.id), true);
        const after = await changing(listing, (tx, current) => delistKeyPerson(tx, actorOf(res), current, input, ctx.today()));
        res.json(await shown(after));
      },
    },
  };
}

function memberOut(row: {
  role: string;
  name: string;
  officerId: string | null;
  phone: string | null;
  fromDate: string;
  untilDate: string | null;
  recordedBy: string;
}) {
  const { role, name, officerId, phone, fromDate, untilDate, recordedBy } = row;
  return { role, name, officerId, phone, fromDate, untilDate, recordedBy };
}
