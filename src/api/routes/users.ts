// Bureau staff invite the users of their county, reissue their codes and disable them; the
// invited set their password with the code. A province reader, or the first staff of a new
// county, is invited by the machine's operator (npm run accounts -- invite).
import { z } from 'zod';
import { InvitationError, inviteUser, issueInvitation, publicUser } from '../../accounts/invitations.js';
import { hashPassword, passwordProblem } from '../../accounts/passwords.js';
import { endSessions } from '../../accounts/sessions.js';
import { roles } from '../../contracts/roles.js';
import { hashToken } from '../../db/api-users.js';
import { audited, type AuditActor } from '../../db/audit.js';
import type { Operations } from '../access/operations.js';
import { actorOf, countyOf, countyScope, principalOf } from '../access/principal.js';
import type { Ctx } from '../context.js';
import { listQuery, readPage, stringKey } from '../pagination.js';
import { Problem } from '../problem.js';
import { idSchema, nameSchema } from '../schemas.js';
import { failed, refuseWhileThrottled, succeeded, type GuardKeys } from '../signInGuard.js';
import { parseBody, parseParam, parseQuery } from '../validate.js';
import { disabledSchema, invitedSchema, userSchema } from './accounts.schemas.js';
import { passwordSchema } from './session.js';

const countyRoles = roles.filter((r) => r !== 'province-reader');
const inviteBody = z.strictObject({
  id: idSchema,
  displayName: nameSchema,
  role: z.enum(roles),
  subjectId: idSchema.optional(),
});
const usersQuery = listQuery({ role: z.enum(roles).optional(), disabled: z.enum(['true', 'false']).optional() });
const userParams = z.object({ id: idSchema });
const acceptBody = z.strictObject({ code: z.string().min(1).max(200), password: passwordSchema });

function problemOf(err: unknown): unknown {
  return err instanceof InvitationError ? Problem.field(err.status, { pointer: err.pointer, message: err.message }) : err;
}

export function usersOperations(ctx: Ctx): Operations<'listUsers' | 'inviteUser' | 'getUser' | 'reissueInvitation' | 'disableUser' | 'acceptInvitation'> {
  /** The user of the caller's county, or the same 404 as for an id that does not exist. */
  async function userInReach(res: Parameters<typeof countyScope>[0], id: string) {
    const user = await ctx.db.user.findFirst({ where: { id, ...countyScope(res) } });
    if (!user) throw Problem.notFound('User', id);
    return user;
  }

  return {
    listUsers: {
      query: usersQuery,
      responses: { 200: z.array(userSchema) },
      handler: async (req, res) => {
        const { limit, cursor, role, disabled } = parseQuery(usersQuery, req.query);
        const where = {
          ...countyScope(res),
          ...(role ? { role } : {}),
          ...(disabled === undefined ? {} : { disabledAt: disabled === 'true' ? { not: null } : null }),
        };
        const rows = await readPage(req, res, {
          limit,
          cursor,
          key: stringKey,
          find: (page) => ctx.db.user.findMany({ where, orderBy: { id: 'asc' }, ...page }),
        });
        res.json(rows.map(publicUser));
      },
    },

    inviteUser: {
      body: inviteBody,
      responses: { 201: invitedSchema },
      handler: async (req, res) => {
        const body = parseBody(inviteBody, req.body);
        if (!(countyRoles as string[]).includes(body.role)) {
          throw Problem.field(403, {
            pointer: '/role',
            message: 'bureau staff invite users of their county; a province reader is invited by the operator (npm run accounts -- invite)',
          });
        }
        const countyId = countyOf(res);
        const created = await ctx.db
          .$transaction((tx) => inviteUser(tx, { ...body, countyId }, ctx.now(), actorOf(res)))
          .catch((err: unknown) => {
            throw problemOf(err);
          });
        res
          .status(201)
          .location(`/api/users/${encodeURIComponent(created.user.id)}`)
          .json({ user: publicUser(created.user), invitation: created.invitation });
      },
    },

    getUser: {
      params: userParams,
      responses: { 200: userSchema },
      handler: async (req, res) => {
        const id = parseParam(idSchema, req.params.id, 'User');
        res.json(publicUser(await userInReach(res, id)));
      },
    },

    reissueInvitation: {
      params: userParams,
      responses: { 201: invitedSchema },
      handler: async (req, res) => {
        const id = parseParam(idSchema, req.params.id, 'User');
        const user = await userInReach(res, id);
        if (user.disabledAt) throw new Problem(409, `user ${id} is disabled; a disabled user is not invited again`);
        const invitation = await ctx.db.$transaction((tx) => issueInvitation(tx, id, ctx.now(), actorOf(res)));
        res.status(201).json({ user: publicUser(user), invitation });
      },
    },

    disableUser: {
      params: userParams,
      responses: { 200: disabledSchema },
      handler: async (req, res) => {
        const id = parseParam(idSchema, req.params.id, 'User');
        const user = await userInReach(res, id);
        if (id === principalOf(res).userId) throw new Problem(409, 'you cannot disable yourself; ask another member of the bureau staff');
        const at = ctx.now();
        const result = await ctx.db.$transaction(async (tx) => {
          const disabledAt = user.disabledAt ?? at;
          const updated = await tx.user.update({ where: { id }, data: { disabledAt } });
          const endedSessions = await endSessions(tx, id, at, 'user disabled');
          const { count: revokedTokens } = await tx.accessToken.updateMany({ where: { userId: id, revokedAt: null }, data: { revokedAt: at } });
          await tx.invitation.updateMany({ where: { userId: id, usedAt: null, expiresAt: { gt: at } }, data: { expiresAt: at } });
          await audited(tx, actorOf(res), {
            action: 'disable',
            entity: 'User',
            entityId: id,
            before: publicUser(user),
            after: { ...publicUser(updated), endedSessions, revokedTokens },
          });
          return { user: publicUser(updated), endedSessions, revokedTokens };
        });
        ctx.credentials.forgetUser(id);
        res.json(result);
      },
    },

    acceptInvitation: {
      body: acceptBody,
      responses: { 200: z.object({ user: userSchema }) },
      handler: async (req, res) => {
        const body = parseBody(acceptBody, req.body);
        const codeHash = hashToken(body.code);
        const invitation = await ctx.db.invitation.findUnique({ where: { codeHash } });
        const user = invitation ? await ctx.db.user.findUnique({ where: { id: invitation.userId } }) : null;
        const actor: AuditActor = user ? { id: user.id, countyId: user.countyId, role: user.role, authMethod: 'invitation' } : { id: 'anonymous' };
        const keys: GuardKeys = { kind: 'invitation', subject: `code:${codeHash}`, actor };
        await refuseWhileThrottled(ctx, req, res, keys);
        const at = ctx.now();
        const reason =
          !invitation || !user
            ? 'unknown code'
            : invitation.usedAt
              ? 'code already used'
              : invitation.expiresAt <= at
                ? 'code expired'
                : user.disabledAt
                  ? 'user disabled'
                  : undefined;
        if (reason || !invitation || !user) {
          await failed(ctx, req, keys, reason ?? 'unknown code');
          throw Problem.field(422, {
            pointer: '/code',
            message: 'the invitation code is not valid, has been used or has expired; ask the bureau for a new one',
          });
        }
        const problem = passwordProblem(body.password, user.id);
        if (problem) throw Problem.field(422, { pointer: '/password', message: problem });
        const passwordHash = await hashPassword(body.password);
        const updated = await ctx.db.$transaction(async (tx) => {
          // Used once: of two acceptances racing, one finds the code already used.
          const { count } = await tx.invitation.updateMany({ where: { id: invitation.id, usedAt: null }, data: { usedAt: at } });
          if (count !== 1) throw Problem.field(422, { pointer: '/code', message: 'the invitation code has been used' });
          const u = await tx.user.update({ where: { id: user.id }, data: { passwordHash, passwordChangedAt: at } });
          // A code reissued to a user who had a password resets it: their old sessions end.
          const endedSessions = await endSessions(tx, user.id, at, 'password set by invitation');
          await audited(tx, actor, { action: 'accept-invitation', entity: 'User', entityId: user.id, after: { invitationId: invitation.id, endedSessions } });
          return u;
        });
        ctx.credentials.forgetUser(user.id);
        succeeded(ctx, keys);
        res.json({ user: publicUser(updated) });
      },
    },
  };
}
