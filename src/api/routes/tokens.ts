// Personal access tokens for machines (a department's upload script, a webhook consumer): a
// subset of the user's operations, an expiry, shown once and kept as a sha256 hash.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { hashToken } from '../../db/api-users.js';
import { audited } from '../../db/audit.js';
import type { Operations } from '../access/operations.js';
import { actorOf, principalOf } from '../access/principal.js';
import { operationsOf } from '../access/routeTable.js';
import { accessTokenPrefix } from '../auth.js';
import type { Ctx } from '../context.js';
import { listQuery, readPage, stringKey } from '../pagination.js';
import { Problem } from '../problem.js';
import { nameSchema } from '../schemas.js';
import { parseBody, parseParam, parseQuery } from '../validate.js';
import { newTokenSchema, tokenSchema } from './accounts.schemas.js';
import { userOf } from './session.js';

const createBody = z.strictObject({
  name: nameSchema.max(100),
  permissions: z.array(z.string().min(1).max(100)).min(1).max(200),
  expiresInDays: z.number().int().min(1).max(365).default(90),
});
const tokensQuery = listQuery({});
const tokenIdSchema = z.string().regex(/^tok_[0-9a-f]{1,64}$/);

function view(t: { id: string; name: string; permissions: unknown; expiresAt: Date; revokedAt: Date | null; lastUsedAt: Date | null; createdAt: Date }) {
  return {
    id: t.id,
    name: t.name,
    permissions: t.permissions as string[],
    expiresAt: t.expiresAt,
    revokedAt: t.revokedAt,
    lastUsedAt: t.lastUsedAt,
    createdAt: t.createdAt,
  };
}

export function tokensOperations(ctx: Ctx): Operations<'listTokens' | 'createToken' | 'revokeToken'> {
  return {
    listTokens: {
      query: tokensQuery,
      responses: { 200: z.array(tokenSchema) },
      handler: async (req, res) => {
        const { limit, cursor } = parseQuery(tokensQuery, req.query);
        const { userId, auth } = principalOf(res);
        // The bootstrap token's id names no User, so it lists nothing.
        const where = auth.method === 'bootstrap' ? { id: '' } : { userId };
        const rows = await readPage(req, res, {
          limit,
          cursor,
          key: stringKey,
          find: (page) => ctx.db.accessToken.findMany({ where, orderBy: { id: 'asc' }, ...page }),
        });
        res.json(rows.map(view));
      },
    },

    createToken: {
      body: createBody,
      responses: { 201: newTokenSchema },
      handler: async (req, res) => {
        const p = principalOf(res);
        const body = parseBody(createBody, req.body);
        const user = await userOf(ctx, p, 'create access tokens');
        // A token made with a token carries no more than that token does.
        const allowed = new Set<string>(p.permissions ?? operationsOf(p.role));
        const bad = body.permissions.flatMap((op, i) =>
          allowed.has(op) ? [] : [{ pointer: `/permissions/${i}`, message: `${op} is not an operation you may call as ${p.role}` }],
        );
        if (bad.length) throw Problem.fields(422, bad);
        const permissions = [...new Set(body.permissions)];
        const at = ctx.now();
        const token = `${accessTokenPrefix}${randomBytes(32).toString('base64url')}`;
        const id = `tok_${randomBytes(8).toString('hex')}`;
        const expiresAt = new Date(at.getTime() + body.expiresInDays * 86_400_000);
        await ctx.db.$transaction(async (tx) => {
          await tx.accessToken.create({ data: { id, userId: user.id, name: body.name, tokenHash: hashToken(token), permissions, expiresAt, createdAt: at } });
          await audited(tx, actorOf(res), {
            action: 'create',
            entity: 'AccessToken',
            entityId: id,
            after: { id, userId: user.id, name: body.name, permissions, expiresAt },
          });
        });
        res.status(201).location(`/api/tokens/${id}`).json({ id, name: body.name, permissions, expiresAt, token });
      },
    },

    revokeToken: {
      params: z.object({ id: tokenIdSchema }),
      responses: { 204: null },
      handler: async (req, res) => {
        const id = parseParam(tokenIdSchema, req.params.id, 'AccessToken');
        const p = principalOf(res);
        const row = await ctx.db.accessToken.findUnique({ where: { id } });
        if (!row || row.userId !== p.userId || p.auth.method === 'bootstrap') throw Problem.notFound('AccessToken', id);
        if (!row.revokedAt) {
          await ctx.db.$transaction(async (tx) => {
            await tx.accessToken.update({ where: { id }, data: { revokedAt: ctx.now() } });
            await audited(tx, actorOf(res), { action: 'revoke', entity: 'AccessToken', entityId: id, before: view(row) });
          });
          ctx.credentials.forgetUser(p.userId);
        }
        res.status(204).end();
      },
    },
  };
}
