// Recipients acknowledge their own notices; the acknowledgement is stored first and then told to
// the notice's chase workflow, which re-reads the database anyway if the signal is lost. The
// recipient is the caller (a leader, officer, department, station, the bureau head or finance):
// a notice of another county, or one not addressed to the caller, answers 404.
import { z } from 'zod';
import { noticeAcknowledgedSignalName, noticeWorkflowId } from '../../contracts/notices.js';
import type { Recipient } from '../../core/types.js';
import { audited } from '../../db/audit.js';
import { mustBeCaller, recipientOf } from '../access/acting.js';
import type { Operations } from '../access/operations.js';
import { actorOf, countyOf, principalOf } from '../access/principal.js';
import type { Ctx } from '../context.js';
import { Problem } from '../problem.js';
import { idSchema } from '../schemas.js';
import { parseBody, parseParam } from '../validate.js';
import { noticeIdOf, noticeIdParams, recipientTypeSchema } from './noticeParams.js';

/** Both optional: the recipient is the caller; when given they must name the caller. */
const ackSchema = z.strictObject({ recipientType: recipientTypeSchema.optional(), recipientId: idSchema.optional() });

const acknowledgement = z.looseObject({
  noticeId: z.string(),
  recipientType: recipientTypeSchema,
  recipientId: z.string(),
  acknowledgedAt: z.string().nullable(),
  alreadyAcknowledged: z.boolean(),
});

export function acknowledgementsOperations(ctx: Ctx): Operations<'acknowledgeNotice'> {
  return {
    // `*id` takes a notice id with its slashes either raw or encoded as %2F.
    acknowledgeNotice: {
      params: noticeIdParams,
      body: ackSchema,
      responses: { 200: acknowledgement, 201: acknowledgement },
      handler: async (req, res) => {
        const noticeId = parseParam(z.string().min(1).max(200), noticeIdOf(req.params.id), 'Notice');
        // No body at all is fine: the caller is the recipient.
        const given = parseBody(ackSchema, req.body ?? {});
        const who = recipientOf(res);
        if (!who) throw new Problem(403, `a ${principalOf(res).role} user receives no notices`);
        mustBeCaller(res, { pointer: '/recipientType' }, given.recipientType, who.type);
        mustBeCaller(res, { pointer: '/recipientId' }, given.recipientId, who.id);
        const { type: recipientType, id: recipientId } = who;
        const actor = actorOf(res);
        const countyId = countyOf(res);
        const { row, created } = await ctx.db.$transaction(async (tx) => {
          const key = { noticeId_recipientType_recipientId: { noticeId, recipientType, recipientId } };
          const existing = await tx.noticeRecipient.findUnique({ where: key, include: { notice: { select: { countyId: true } } } });
          // Another county's notice, or one not addressed to the caller: as if it did not exist.
          if (!existing || existing.notice.countyId !== countyId) throw Problem.notFound('Notice', noticeId);
          const { notice: _, ...before } = existing;
          if (before.acknowledgedAt) return { row: before, created: false };
          const updated = await tx.noticeRecipient.update({ where: key, data: { acknowledgedAt: ctx.now() } });
          await audited(tx, actor, { action: 'acknowledge', entity: 'NoticeRecipient', entityId: updated.id, before, after: updated });
          return { row: updated, created: true };
        });
        if (created) {
          const signalled: Recipient = { type: recipientType, id: recipientId };
          await ctx.signals.signal(noticeWorkflowId(noticeId), noticeAcknowledgedSignalName, signalled);
        }
        res.status(created ? 201 : 200).json({ noticeId, recipientType, recipientId, acknowledgedAt: row.acknowledgedAt, alreadyAcknowledged: !created });
      },
    },
  };
}
