// The in-app inbox: the notices addressed to the caller (a leader, officer, department, station,
// the bureau head or finance) in the caller's county, unread first, newest first, a page at a
// time. Roles no notice is addressed to (bureau staff, province readers) get an empty inbox.
import { z } from 'zod';
import { mustBeCaller, recipientOf } from '../access/acting.js';
import type { Operations } from '../access/operations.js';
import { principalOf } from '../access/principal.js';
import type { Ctx } from '../context.js';
import { Problem } from '../problem.js';
import { idSchema } from '../schemas.js';
import { listQuery, readPage } from '../pagination.js';
import { parseQuery } from '../validate.js';
import { recipientTypeSchema } from './noticeParams.js';

const inboxQuery = listQuery({
  /** The caller's own recipient identity, when given (the inbox is always the caller's). */
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
    })
    .optional(),
});

const inboxPage = z.looseObject({
  recipient: z.object({ type: recipientTypeSchema, id: z.string() }).nullable(),
  unread: z.number().int(),
  items: z.array(
    z.looseObject({
      id: z.string(),
      kind: z.string(),
      about: z.string().nullable(),
      titleZh: z.string(),
      bodyZh: z.string(),
      bodyEn: z.string(),
      createdAt: z.string(),
      acknowledgedAt: z.string().nullable(),
      read: z.boolean(),
    }),
  ),
});

/** The inbox reads unread then read, each newest first (recipient rows are written with their notice). */
const inboxKey = z.strictObject({ read: z.boolean(), id: z.number().int().positive() });
type InboxKey = z.infer<typeof inboxKey>;

export function inboxOperations(ctx: Ctx): Operations<'readInbox'> {
  return {
    readInbox: {
      query: inboxQuery,
      responses: { 200: inboxPage },
      handler: async (req, res) => {
        const { recipient: given, limit, cursor } = parseQuery(inboxQuery, req.query);
        const recipient = recipientOf(res);
        const { countyId } = principalOf(res);
        if (!recipient || countyId === null) {
          const { role } = principalOf(res);
          if (given) throw Problem.field(403, { parameter: 'recipient', message: `a ${role} user receives no notices and reads no one else's inbox` });
          res.json({ recipient: null, unread: 0, items: [] });
          return;
        }
        if (given) mustBeCaller(res, { parameter: 'recipient' }, `${given.type}:${given.id}`, `${recipient.type}:${recipient.id}`);
        const where = { recipientType: recipient.type, recipientId: recipient.id, notice: { countyId } };
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
      },
    },
  };
}
