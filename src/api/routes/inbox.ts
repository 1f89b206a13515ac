// The in-app inbox: the notices addressed to one recipient, unread first, newest first, a page at a time.
import { Router } from 'express';
import { z } from 'zod';
import type { Ctx } from '../context.js';
import { idSchema } from '../schemas.js';
import { listQuery, readPage } from '../pagination.js';
import { parseQuery } from '../validate.js';
import { recipientTypeSchema } from './noticeParams.js';

const inboxQuery = listQuery({
  recipient: z
    .string()
    .regex(/^[a-z]+:.+$/, 'expected <type>:<id>, e.g. leader:L01')
    .transform((s, ctx) => {
      const at = s.indexOf(':');
      const type = recipientTypeSchema.safeParse(s.slice(0, at));
      const id = idSchema.safeParse(s.slice(at + 1));
      if (!type.success) ctx.addIssue({ code: 'custom', message: type.error.issues[0]!.message });
      if (!id.success) ctx.addIssue({ code: 'custom', message: id.error.issues[0]!.message });
      return type.success && id.success ? { type: type.data, id: id.data } : z.NEVER;
    }),
});

/** The inbox reads unread then read, each newest first (recipient rows are written with their notice). */
const inboxKey = z.strictObject({ read: z.boolean(), id: z.number().int().positive() });
type InboxKey = z.infer<typeof inboxKey>;

export function inboxRouter(ctx: Ctx): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    const { recipient, limit, cursor } = parseQuery(inboxQuery, req.query);
    const where = { recipientType: recipient.type, recipientId: recipient.id };
    const phase = (read: boolean, take: number, after?: number) =>
      ctx.db.noticeRecipient.findMany({
        where: { ...where, acknowledgedAt: read ? { not: null } : null, ...(after === undefined ? {} : { id: { lt: after } }) },
        include: { notice: { select: { id: true, kind: true, about: true, titleZh: true, bodyZh: true, bodyEn: true, createdAt: true } } },
        orderBy: { id: 'desc' },
        take,
      });
    const rows = await readPage(req, res, {
      limit,
      cursor,
      key: inboxKey,
      find: async ({ take, cursor: after }) => {
        const unread = after?.read ? [] : await phase(false, take, after?.id);
        return unread.length < take ? [...unread, ...(await phase(true, take - unread.length, after?.read ? after.id : undefined))] : unread;
      },
      keyOf: (r): InboxKey => ({ read: r.acknowledgedAt !== null, id: r.id }),
    });
    res.json({
      recipient,
      unread: await ctx.db.noticeRecipient.count({ where: { ...where, acknowledgedAt: null } }),
      items: rows.map(({ notice, acknowledgedAt }) => ({ ...notice, acknowledgedAt, read: acknowledgedAt !== null })),
    });
  });

  return router;
}
