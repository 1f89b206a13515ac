// Signing in and out. Sign-in answers a session cookie (cp_session: HttpOnly, SameSite=Strict,
// Secure over HTTPS) and a CSRF token, readable in cp_csrf, that every cookie-signed write must
// send back as X-CSRF-Token. A new session id every sign-in; a cookie presented at sign-in ends.
import type { Request, Response } from 'express';
import { z } from 'zod';
import { publicUser } from '../../accounts/invitations.js';
import { hashPassword, passwordProblem, spendLikeAVerify, verifyPassword } from '../../accounts/passwords.js';
import { csrfCookie, endSessions, openSession, sessionCookie } from '../../accounts/sessions.js';
import { hashToken } from '../../db/api-users.js';
import { audited, type AuditActor } from '../../db/audit.js';
import type { Operations } from '../access/operations.js';
import { actorOf, principalOf, type Principal } from '../access/principal.js';
import { operationsOf } from '../access/routeTable.js';
import { cookieOf } from '../auth.js';
import type { Ctx } from '../context.js';
import { Problem } from '../problem.js';
import { idSchema } from '../schemas.js';
import { failed, refuseWhileThrottled, succeeded, type GuardKeys } from '../signInGuard.js';
import { noParameters, parseBody } from '../validate.js';
import { currentSessionSchema, passwordChangedSchema, signedInSchema } from './accounts.schemas.js';

export const passwordSchema = z.string().min(1).max(1024);
const signInBody = z.strictObject({ id: idSchema, password: passwordSchema });
const changePasswordBody = z.strictObject({ currentPassword: passwordSchema, newPassword: passwordSchema });

function cookieOptions(ctx: Ctx, req: Request) {
  return { path: '/', sameSite: 'strict' as const, secure: req.secure || ctx.accounts.secureCookies };
}

function clearSessionCookies(ctx: Ctx, req: Request, res: Response): void {
  res.clearCookie(sessionCookie, { ...cookieOptions(ctx, req), httpOnly: true });
  res.clearCookie(csrfCookie, cookieOptions(ctx, req));
}

/** The signed-in User behind a principal; the bootstrap token is none. */
export async function userOf(ctx: Ctx, p: Principal, doing: string) {
  if (p.auth.method === 'bootstrap') throw new Problem(403, `the bootstrap token is not a user and cannot ${doing}; sign in as a user`);
  const user = await ctx.db.user.findUnique({ where: { id: p.userId } });
  if (!user) throw new Problem(401, 'the user no longer exists');
  return user;
}

export function sessionOperations(ctx: Ctx): Operations<'signIn' | 'currentSession' | 'signOut' | 'changePassword'> {
  return {
    signIn: {
      body: signInBody,
      responses: { 200: signedInSchema },
      handler: async (req, res) => {
        const { id, password } = parseBody(signInBody, req.body);
        const user = await ctx.db.user.findUnique({ where: { id } });
        const keys: GuardKeys = {
          kind: 'sign-in',
          subject: `name:${id.toLowerCase()}`,
          actor: { id, countyId: user?.countyId ?? null, role: user?.role ?? null },
        };
        await refuseWhileThrottled(ctx, req, res, keys);
        // Every path verifies a hash, so the time taken says nothing about which names exist.
        let reason: string | undefined;
        if (!user || !user.passwordHash) {
          await spendLikeAVerify(password);
          reason = user ? 'no password set yet' : 'unknown sign-in name';
        } else if (!(await verifyPassword(password, user.passwordHash))) reason = 'wrong password';
        else if (user.disabledAt) reason = 'user disabled';
        if (reason || !user) {
          await failed(ctx, req, keys, reason ?? 'unknown sign-in name');
          throw new Problem(401, 'the sign-in name or password is wrong, or the user is disabled');
        }
        succeeded(ctx, keys);
        const at = ctx.now();
        const presented = cookieOf(req, sessionCookie);
        const session = await ctx.db.$transaction(async (tx) => {
          if (presented) {
            await tx.session.updateMany({ where: { id: hashToken(presented), endedAt: null }, data: { endedAt: at, endReason: 'replaced at sign-in' } });
          }
          const s = await openSession(tx, user.id, at, ctx.accounts);
          const actor: AuditActor = { id: user.id, countyId: user.countyId, role: user.role, authMethod: 'session', credentialId: s.id };
          await audited(tx, actor, { action: 'sign-in', entity: 'Session', entityId: s.id, after: { userId: user.id, expiresAt: s.expiresAt } });
          return s;
        });
        // The replaced session may be the user's credential read a moment ago.
        if (presented) ctx.credentials.forgetUser(user.id);
        const options = { ...cookieOptions(ctx, req), expires: session.expiresAt };
        res.cookie(sessionCookie, session.cookie, { ...options, httpOnly: true });
        res.cookie(csrfCookie, session.csrfToken, options);
        res.json({
          user: publicUser(user),
          role: user.role,
          countyId: user.countyId,
          subjectId: user.subjectId,
          csrfToken: session.csrfToken,
          expiresAt: session.expiresAt,
        });
      },
    },

    currentSession: {
      responses: { 200: currentSessionSchema },
      handler: async (req, res) => {
        noParameters(req.query);
        const p = principalOf(res);
        const user = p.auth.method === 'bootstrap' ? null : await ctx.db.user.findUnique({ where: { id: p.userId } });
        const expiresAt =
          p.auth.method === 'session'
            ? ((await ctx.db.session.findUnique({ where: { id: p.auth.credentialId } }))?.expiresAt ?? null)
            : p.auth.method === 'token'
              ? ((await ctx.db.accessToken.findUnique({ where: { id: p.auth.credentialId } }))?.expiresAt ?? null)
              : null;
        res.json({
          user: user ? publicUser(user) : null,
          userId: p.userId,
          role: p.role,
          countyId: p.countyId,
          subjectId: p.subjectId,
          method: p.auth.method,
          expiresAt,
          permissions: p.permissions ?? operationsOf(p.role),
          timeZone: ctx.timeZone,
        });
      },
    },

    signOut: {
      responses: { 204: null },
      handler: async (req, res) => {
        const p = principalOf(res);
        if (p.auth.method !== 'session') {
          throw new Problem(409, 'this request is signed with a bearer token, not a session; revoke an access token with DELETE /api/tokens/{id}');
        }
        const at = ctx.now();
        await ctx.db.$transaction(async (tx) => {
          await tx.session.update({ where: { id: p.auth.credentialId }, data: { endedAt: at, endReason: 'signed out' } });
          await audited(tx, actorOf(res), { action: 'sign-out', entity: 'Session', entityId: p.auth.credentialId });
        });
        ctx.credentials.forgetUser(p.userId);
        clearSessionCookies(ctx, req, res);
        res.status(204).end();
      },
    },

    changePassword: {
      body: changePasswordBody,
      responses: { 200: passwordChangedSchema },
      handler: async (req, res) => {
        const p = principalOf(res);
        const body = parseBody(changePasswordBody, req.body);
        const user = await userOf(ctx, p, 'change a password');
        const keys: GuardKeys = { kind: 'sign-in', subject: `name:${user.id.toLowerCase()}`, actor: actorOf(res) };
        await refuseWhileThrottled(ctx, req, res, keys);
        if (!user.passwordHash || !(await verifyPassword(body.currentPassword, user.passwordHash))) {
          await failed(ctx, req, keys, 'wrong current password at password change');
          throw Problem.field(422, { pointer: '/currentPassword', message: 'the current password is wrong' });
        }
        const problem = passwordProblem(body.newPassword, user.id);
        if (problem) throw Problem.field(422, { pointer: '/newPassword', message: problem });
        const passwordHash = await hashPassword(body.newPassword);
        const at = ctx.now();
        const endedSessions = await ctx.db.$transaction(async (tx) => {
          await tx.user.update({ where: { id: user.id }, data: { passwordHash, passwordChangedAt: at } });
          // The session making the change stays; access tokens stay too (revoke them separately).
          const ended = await endSessions(tx, user.id, at, 'password changed', p.auth.method === 'session' ? p.auth.credentialId : undefined);
          await audited(tx, actorOf(res), {
            action: 'change-password',
            entity: 'User',
            entityId: user.id,
            after: { passwordChangedAt: at, endedSessions: ended },
          });
          return ended;
        });
        ctx.credentials.forgetUser(user.id);
        res.json({ endedSessions });
      },
    },
  };
}
