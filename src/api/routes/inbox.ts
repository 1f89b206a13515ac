// The in-app inbox: the notices addressed to one recipient, unread first, newest first.
import { Router } from 'express';
import { z } from 'zod';
import type { Ctx } from '../context.js';
import { idSchema } from '../schemas.js';
import { parseQuery } from '../validate.js';
import { recipientTypeSchema } from './noticeParams.js';

const inboxQuery = z.object({
  recipient: z.string().regex(/^[a-z]+:.+$/, 'expected <type>:<id>, e.g. leader:L01').transform((s, ctx) => {
    const at = s.indexOf(':');
    const type = recipientTypeSchema.safeParse(s.slice(0, at));
    const id = idSchema.safeParse(s.slice(at + 1));
    if (!type.success) ctx.addIssue({ code: 'custom', message: type.error.issues[0]!.message });
    if (!id.success) ctx.addIssue({ code: 'custom', message: id.error.issues[0]!.message });
    return type.success && id.success ? { type: type.data, id: id.data } : z.NEVER;
  }),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export function inboxRouter(ctx: Ctx): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    const { recipient, limit } = parseQuery(inboxQuery, req.query);
    const where = { recipientType: recipient.type, recipientId: recipient.id };
    const page = (read: boolean, take: number) => ctx.db.noticeRecipient.findMany({
      where: { ...where, acknowledgedAt: read ? { not: null } : null },
      include: { notice: { select: { id: true, kind: true, about: true, titleZh: true, bodyZh: true, bodyEn: true, createdAt: true } } },
      orderBy: [{ notice: { createdAt: 'desc' } }, { noticeId: 'desc' }],
      take,
    });
    const unread = await page(false, limit);
    const read = unread.length < limit ? await page(true, limit - unread.length) : [];
    res.json({
      recipient,
      unread: await ctx.db.noticeRecipient.count({ where: { ...where, acknowledgedAt: null } }),
      items: [...unread, ...read].map(({ notice, acknowledgedAt }) => ({ ...notice, acknowledgedAt, read: acknowledgedAt !== null })),
    });
  });

  return router;
}
