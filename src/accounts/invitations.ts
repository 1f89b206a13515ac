// Inviting users: a User row without a password and a one-time code to set one with. The code is
// 32 random bytes, shown once and stored as its sha256 (enough for a random secret of that size).
import type { Role } from '../contracts/roles.js';
import { subjectOfRole } from '../contracts/roles.js';
import { hashToken } from '../db/api-users.js';
import { audited, type AuditActor, type Tx } from '../db/audit.js';
import { invitationHours } from './options.js';
import { newSecret } from './sessions.js';

export interface Invitation {
  code: string;
  expiresAt: Date;
}

/** A refusal naming the field at fault; the API answers it as a problem, the CLI prints it. */
export class InvitationError extends Error {
  constructor(
    readonly status: 403 | 404 | 409 | 422,
    readonly pointer: string,
    message: string,
  ) {
    super(message);
  }
}

export interface NewUser {
  id: string;
  displayName: string;
  role: Role;
  /** Null: a province reader. */
  countyId: string | null;
  subjectId?: string | null;
}

/** Whether the user's subject exists in their county and is of the role's kind. */
async function checkSubject(tx: Tx, user: NewUser): Promise<void> {
  const kind = subjectOfRole[user.role];
  const subjectId = user.subjectId ?? null;
  if (kind === null) {
    if (subjectId !== null) throw new InvitationError(422, '/subjectId', `a user with role ${user.role} is no registry entity; leave subjectId out`);
    return;
  }
  if (subjectId === null) throw new InvitationError(422, '/subjectId', `a user with role ${user.role} needs subjectId: the ${kind} they are`);
  const where = { id: subjectId, countyId: user.countyId ?? '' };
  const found =
    kind === 'officer'
      ? await tx.officer.findFirst({ where })
      : kind === 'leader'
        ? await tx.leader.findFirst({ where })
        : kind === 'department'
          ? await tx.department.findFirst({ where })
          : await tx.station.findFirst({ where });
  if (!found) throw new InvitationError(422, '/subjectId', `${kind} ${subjectId} does not exist in county ${user.countyId}`);
}

/** Ends the user's unused codes and makes a new one, valid for 72 hours. */
export async function issueInvitation(tx: Tx, userId: string, at: Date, actor: AuditActor | string): Promise<Invitation> {
  await tx.invitation.updateMany({ where: { userId, usedAt: null, expiresAt: { gt: at } }, data: { expiresAt: at } });
  const code = newSecret();
  const expiresAt = new Date(at.getTime() + invitationHours * 3_600_000);
  const row = await tx.invitation.create({
    data: { userId, codeHash: hashToken(code), expiresAt, createdBy: typeof actor === 'string' ? actor : actor.id, createdAt: at },
  });
  await audited(tx, actor, { action: 'invite', entity: 'Invitation', entityId: row.id, after: { userId, expiresAt } });
  return { code, expiresAt };
}

/** Creates the user (no password yet) and their first invitation. */
export async function inviteUser(tx: Tx, user: NewUser, at: Date, actor: AuditActor | string) {
  if (user.countyId !== null && !(await tx.county.findUnique({ where: { id: user.countyId } }))) {
    throw new InvitationError(404, '/countyId', `county ${user.countyId} does not exist`);
  }
  if (user.countyId === null && user.role !== 'province-reader') {
    throw new InvitationError(422, '/countyId', `a user with role ${user.role} belongs to a county`);
  }
  if (user.countyId !== null && user.role === 'province-reader') {
    throw new InvitationError(422, '/countyId', 'a province reader belongs to no county');
  }
  await checkSubject(tx, user);
  if (await tx.user.findUnique({ where: { id: user.id } })) throw new InvitationError(409, '/id', `a user ${user.id} already exists`);
  const created = await tx.user.create({
    data: {
      id: user.id,
      displayName: user.displayName,
      role: user.role,
      countyId: user.countyId,
      subjectId: user.subjectId ?? null,
      createdBy: typeof actor === 'string' ? actor : actor.id,
      createdAt: at,
    },
  });
  await audited(tx, actor, { action: 'create', entity: 'User', entityId: created.id, after: publicUser(created) });
  const invitation = await issueInvitation(tx, created.id, at, actor);
  return { user: created, invitation };
}

export interface UserRow {
  id: string;
  displayName: string;
  role: string;
  countyId: string | null;
  subjectId: string | null;
  passwordHash: string | null;
  passwordChangedAt: Date | null;
  disabledAt: Date | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

/** A user as the API shows them: never the password hash. */
export function publicUser(u: UserRow) {
  return {
    id: u.id,
    displayName: u.displayName,
    role: u.role as Role,
    countyId: u.countyId,
    subjectId: u.subjectId,
    passwordSet: u.passwordHash !== null,
    passwordChangedAt: u.passwordChangedAt,
    disabledAt: u.disabledAt,
    createdBy: u.createdBy,
    createdAt: u.createdAt,
  };
}
