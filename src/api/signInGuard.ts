// Pushback on guessing: sign-in and invitation acceptance count their failures per sign-in name
// (or code) and per client address; past the limit they answer 429 with Retry-After, and every
// failure answers only after a delay. The first refusal of each lock is audited, as is every
// failed attempt, without the password or code.
import type { Request, Response } from 'express';
import { setTimeout as sleep } from 'node:timers/promises';
import { audited, type AuditActor } from '../db/audit.js';
import type { Ctx } from './context.js';
import { Problem } from './problem.js';

export interface GuardKeys {
  /** `name:<id>` or `code:<sha256>`. */
  subject: string;
  /** What the audit rows name as actor: the attempted sign-in name, or the code's user. */
  actor: AuditActor;
  /** sign-in | invitation */
  kind: 'sign-in' | 'invitation';
}

function clientAddress(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

/** What the audit rows of each kind name: the entity and what the subject key counts. */
const kinds = {
  'sign-in': { entity: 'User', subject: 'sign-in name' },
  invitation: { entity: 'Invitation', subject: 'invitation code' },
} as const;

function limits(ctx: Ctx) {
  const windowMs = ctx.accounts.failureWindowMinutes * 60_000;
  return { subject: { max: ctx.accounts.maxFailuresPerName, windowMs }, address: { max: ctx.accounts.maxFailuresPerIp, windowMs } };
}

/** Throws 429 (and sets Retry-After) while the name, code or address has failed too often. */
export async function refuseWhileThrottled(ctx: Ctx, req: Request, res: Response, keys: GuardKeys): Promise<void> {
  const l = limits(ctx);
  const address = `address:${clientAddress(req)}`;
  const bySubject = ctx.failures.retryAfterMs(keys.subject, l.subject);
  const byAddress = ctx.failures.retryAfterMs(address, l.address);
  const retryMs = Math.max(bySubject, byAddress);
  if (retryMs <= 0) return;
  const key = bySubject >= byAddress ? keys.subject : address;
  const seconds = Math.max(1, Math.ceil(retryMs / 1000));
  if (ctx.failures.firstRefusal(key, retryMs)) {
    await audited(ctx.db, keys.actor, {
      action: `${keys.kind}-throttled`,
      entity: kinds[keys.kind].entity,
      entityId: keys.actor.id,
      after: {
        by: key === address ? 'address' : kinds[keys.kind].subject,
        address: clientAddress(req),
        retryAfterSeconds: seconds,
      },
    });
  }
  const what = key === address ? 'from this address' : keys.kind === 'sign-in' ? `for sign-in name ${keys.actor.id}` : 'with this invitation code';
  throw new Problem(429, `too many failed attempts ${what}; try again in ${seconds} s`, undefined, { retryAfterSeconds: seconds });
}

/** Counts a failure, audits it (reason and address only) and waits the configured delay. */
export async function failed(ctx: Ctx, req: Request, keys: GuardKeys, reason: string): Promise<void> {
  const l = limits(ctx);
  ctx.failures.fail(keys.subject, l.subject);
  ctx.failures.fail(`address:${clientAddress(req)}`, l.address);
  await audited(ctx.db, keys.actor, {
    action: `${keys.kind}-failed`,
    entity: kinds[keys.kind].entity,
    entityId: keys.actor.id,
    after: { reason, address: clientAddress(req) },
  });
  if (ctx.accounts.failureDelayMs > 0) await sleep(ctx.accounts.failureDelayMs);
}

/** A success clears the name's (or code's) failures; the address keeps its count. */
export function succeeded(ctx: Ctx, keys: GuardKeys): void {
  ctx.failures.reset(keys.subject);
}
