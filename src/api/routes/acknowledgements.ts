// Recipients acknowledge notices; the acknowledgement is stored first and then told to the
// notice's chase workflow, which re-reads the database anyway if the signal is lost.
import { Router } from 'express';
import { z } from 'zod';
import { noticeAcknowledgedSignalName, noticeWorkflowId } from '../../contracts/notices.js';
import type { Recipient } from '../../core/types.js';
import { audited } from '../../db/audit.js';
import { actorOf } from '../access/principal.js';
import type { Ctx } from '../context.js';
import { Problem } from '../problem.js';
import { idSchema } from '../schemas.js';
import { parseBody, parseParam } from '../validate.js';
import { noticeIdOf, recipientTypeSchema } from './noticeParams.js';

const ackSchema = z.strictObject({ recipientType: recipientTypeSchema, recipientId: idSchema });

export function acknowledgementsRouter(ctx: Ctx): Router {
  const router = Router();

  // `*id` takes a notice id with its slashes either raw or encoded as %2F.
  router.post('/notices/*id/acknowledgements', async (req, res) => {
    const noticeId = parseParam(z.string().min(1).max(200), noticeIdOf(req.params.id), 'Notice');
    const { recipientType, recipientId } = parseBody(ackSchema, req.body);
    const actor = actorOf(res);
    const { row, created } = await ctx.db.$transaction(async (tx) => {
      if (!(await tx.notice.findUnique({ where: { id: noticeId }, select: { id: true } }))) throw Problem.notFound('Notice', noticeId);
      const key = { noticeId_recipientType_recipientId: { noticeId, recipientType, recipientId } };
      const existing = await tx.noticeRecipient.findUnique({ where: key });
      if (!existing) {
        throw Problem.field(422, { pointer: '/recipientId', message: `${recipientType} ${recipientId} is not a recipient of notice ${noticeId}` });
      }
      if (existing.acknowledgedAt) return { row: existing, created: false };
      const updated = await tx.noticeRecipient.update({ where: key, data: { acknowledgedAt: ctx.now() } });
      await audited(tx, actor, { action: 'acknowledge', entity: 'NoticeRecipient', entityId: updated.id, before: existing, after: updated });
      return { row: updated, created: true };
    });
    if (created) {
      const who: Recipient = { type: recipientType, id: recipientId };
      await ctx.signals.signal(noticeWorkflowId(noticeId), noticeAcknowledgedSignalName, who);
    }
    res.status(created ? 201 : 200).json({ noticeId, recipientType, recipientId, acknowledgedAt: row.acknowledgedAt, alreadyAcknowledged: !created });
  });

  return router;
}
