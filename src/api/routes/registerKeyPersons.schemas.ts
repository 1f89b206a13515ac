// The shapes of the key-person routes, for validation and the OpenAPI document.
import { z } from 'zod';
import { helpGroupRoles } from '../../core/register.js';
import { daySchema, idSchema, nameSchema } from '../schemas.js';
import { person } from './registerRecords.schemas.js';

const roleSchema = z.enum(helpGroupRoles, { error: `expected one of ${helpGroupRoles.join(', ')}` });
const phoneSchema = z.string().trim().min(1).max(40);
const textOf = (max: number) => z.string().trim().min(1).max(max);

export const keyPersonsQuery = z.object({ status: z.enum(['listed', 'delisted', 'all']).default('listed') });
export const listingBody = z.strictObject({ category: textOf(100), listedOn: daySchema });
/** officerId names the officer of the county who is the group's officer; only that role names one. */
export const memberBody = z.strictObject({ name: nameSchema, officerId: idSchema.optional(), phone: phoneSchema.optional(), fromDate: daySchema });
export const memberRemovalQuery = z.object({ date: daySchema });
export const talkBody = z.strictObject({ talkedOn: daySchema, byRole: roleSchema, summary: textOf(2000) });
export const delistingBody = z.strictObject({ date: daySchema, reason: textOf(500) });

export const idParams = z.object({ id: z.string() });
export const memberParams = z.object({ id: z.string(), role: roleSchema });
export const communityParams = z.object({ communityId: z.string() });

const member = z.object({ name: z.string(), officerId: z.string().nullable(), phone: z.string().nullable(), fromDate: z.string() }).nullable();

export const keyPersonRow = z.object({
  id: z.string(),
  communityId: z.string(),
  person,
  category: z.string(),
  listedOn: z.string(),
  delistedOn: z.string().nullable(),
  delistReason: z.string().nullable(),
  helpGroup: z.object({ officer: member, 'security-cadre': member, parent: member }),
  complete: z.boolean().meta({ description: 'all three roles filled today (a delisted listing: never)' }),
  lastTalkOn: z.string().nullable(),
  talkDueOn: z.string().nullable().meta({ description: "lastTalkOn, or listedOn, plus the rule set's register.talkIntervalDays; null once delisted" }),
});

export const helpGroupMemberRow = z.object({
  role: roleSchema,
  name: z.string(),
  officerId: z.string().nullable(),
  phone: z.string().nullable(),
  fromDate: z.string(),
  untilDate: z.string().nullable(),
  recordedBy: z.string(),
});
export const talkRow = z.object({ talkedOn: z.string(), byRole: roleSchema, summary: z.string(), recordedBy: z.string() });

export const keyPersonRecord = keyPersonRow.extend({ helpGroupHistory: z.array(helpGroupMemberRow), talks: z.array(talkRow) });
