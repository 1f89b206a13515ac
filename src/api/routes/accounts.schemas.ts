// The shapes the accounts, sign-in, token and county operations answer with (and the OpenAPI
// document shows). Secrets appear only in the answers that create them, once.
import { z } from 'zod';
import { roles } from '../../contracts/roles.js';

const date = z.string();

export const userSchema = z.looseObject({
  id: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  countyId: z.string().nullable(),
  subjectId: z.string().nullable(),
  passwordSet: z.boolean(),
  passwordChangedAt: date.nullable(),
  disabledAt: date.nullable(),
  createdBy: z.string(),
  createdAt: date,
});

export const invitationSchema = z.object({ code: z.string(), expiresAt: date });

export const invitedSchema = z.object({ user: userSchema, invitation: invitationSchema });

export const signedInSchema = z.object({
  user: userSchema,
  role: z.enum(roles),
  countyId: z.string().nullable(),
  subjectId: z.string().nullable(),
  csrfToken: z.string(),
  expiresAt: date,
});

export const currentSessionSchema = z.object({
  /** Null for the bootstrap token, which is no user. */
  user: userSchema.nullable(),
  userId: z.string(),
  role: z.enum(roles),
  countyId: z.string().nullable(),
  subjectId: z.string().nullable(),
  method: z.enum(['session', 'token', 'bootstrap']),
  /** When the session or token ends at the latest; null for the bootstrap token. */
  expiresAt: date.nullable(),
  /** The operations the caller may call. */
  permissions: z.array(z.string()),
  /** The bureau's time zone (TIME_ZONE), in which periods end and dates are shown. */
  timeZone: z.string(),
});

export const passwordChangedSchema = z.object({ endedSessions: z.number().int() });

export const disabledSchema = z.object({ user: userSchema, endedSessions: z.number().int(), revokedTokens: z.number().int() });

export const tokenSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  permissions: z.array(z.string()),
  expiresAt: date,
  revokedAt: date.nullable(),
  lastUsedAt: date.nullable(),
  createdAt: date,
});

export const newTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  permissions: z.array(z.string()),
  expiresAt: date,
  /** Shown this once; only its hash is kept. */
  token: z.string(),
});

export const countySchema = z.looseObject({ id: z.string(), name: z.string(), createdAt: date, updatedAt: date });
