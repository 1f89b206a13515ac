// How a community's derived rates come out of its register on a period's end (or today, while the
// period runs): the counts and who cost points, for the officer who keeps the records, their
// station and the population brigade. The same functions the cycle derives its figures with. The
// shortfall names persons, so each read is audited with who it named.
import { z } from 'zod';
import { parsePeriod, periodEnd, periodStart } from '../../core/calendar.js';
import { deriveKeyPersonControl, deriveRegistration } from '../../core/registerRates.js';
import { residenceClasses } from '../../core/register.js';
import { periodRuleSet } from '../../db/figureCompleteness.js';
import { reachCommunity } from '../../register/access.js';
import { auditedListRead } from '../../register/readAudit.js';
import { registerSnapshots } from '../../register/snapshot.js';
import type { Operations } from '../access/operations.js';
import { actorOf } from '../access/principal.js';
import { derivedCounts } from './money.schemas.js';
import type { Ctx } from '../context.js';
import { Problem } from '../problem.js';
import { idSchema, periodSchema } from '../schemas.js';
import { parseParam, parseQuery } from '../validate.js';

const derivationQuery = z.object({ period: periodSchema });

const derived = <S extends z.ZodType>(shortfall: S) =>
  derivedCounts.extend({
    /** The rate, 4 decimals; null when there is nobody to count. */
    value: z.number().nullable(),
    shortfall: z.array(shortfall),
  });

const derivationRow = z.looseObject({
  period: z.string(),
  date: z.string(),
  metrics: z.looseObject({
    registration: derived(
      z.looseObject({ cardId: z.string(), cardNumber: z.string(), personId: z.string(), name: z.string(), class: z.enum(residenceClasses) }),
    ),
    keyPersonControl: derived(
      z.looseObject({ listingId: z.string(), personId: z.string(), name: z.string(), why: z.enum(['help-group-incomplete', 'talk-overdue']) }),
    ),
  }),
});

export function registerDerivationOperations(ctx: Ctx): Operations<'getRegisterDerivation'> {
  return {
    getRegisterDerivation: {
      query: derivationQuery,
      responses: { 200: derivationRow },
      handler: async (req, res) => {
        const community = await reachCommunity(ctx, res, parseParam(idSchema, req.params.communityId, 'community'));
        const { period } = parseQuery(derivationQuery, req.query);
        const ref = parsePeriod(period);
        const today = ctx.today();
        if (periodStart(ref) > today) throw Problem.field(422, { parameter: 'period', message: `${period} has not begun` });
        const date = [periodEnd(ref), today].sort()[0]!;
        const { talkIntervalDays } = (await periodRuleSet(ctx.db, community.countyId, period)).ruleSet.register;
        const snapshot = (await registerSnapshots(ctx.db, community.countyId, [community.id], date, talkIntervalDays, true)).get(community.id)!;
        const registration = deriveRegistration(snapshot, date);
        const keyPersonControl = deriveKeyPersonControl(snapshot, date, talkIntervalDays);
        await auditedListRead(ctx.db, actorOf(res), community.id, 'derivation', {
          persons: [...registration.shortfall, ...keyPersonControl.shortfall].map((s) => s.personId),
          cards: registration.shortfall.map((s) => s.cardId),
          keyPersons: keyPersonControl.shortfall.map((s) => s.listingId),
        });
        res.json({ period, date, metrics: { registration, keyPersonControl } });
      },
    },
  };
}
