// The shapes the register's record routes take and answer, which the OpenAPI document shows.
import { z } from 'zod';
import { residenceClasses, residenceEndReasons } from '../../core/register.js';
import { checkIdNumber } from '../../core/idNumber.js';
import { daySchema, nameSchema } from '../schemas.js';

/** A building, door or card number as the station files it. */
export const numberSchema = z.string().trim().min(1).max(32);
export const idNumberSchema = z.string().superRefine((s, ctx) => {
  const why = checkIdNumber(s);
  if (why) ctx.addIssue({ code: 'custom', message: why });
});
export const phoneSchema = z
  .string()
  .trim()
  .regex(/^[0-9+\- ]{5,20}$/, 'expected a telephone number');
export const classSchema = z.enum(residenceClasses, { error: `expected one of ${residenceClasses.join(', ')}` });

export const buildingBody = z.strictObject({ number: numberSchema, address: z.string().trim().max(200).optional() });
export const cardBody = z.strictObject({ number: numberSchema, building: numberSchema, door: numberSchema });
export const personBody = z.strictObject({
  name: nameSchema,
  idNumber: idNumberSchema,
  phone: phoneSchema.optional(),
  class: classSchema,
  fromDate: daySchema,
});
export const personPatch = z
  .strictObject({ name: nameSchema.optional(), phone: phoneSchema.nullable().optional(), idNumber: idNumberSchema.optional() })
  .refine((p) => Object.keys(p).length > 0, 'expected name, phone or idNumber');
export const residenceChangeBody = z.strictObject({
  date: daySchema,
  reason: z.enum(residenceEndReasons, { error: `expected one of ${residenceEndReasons.join(', ')}` }),
  cardId: z.string().min(1).max(64).optional(),
  class: classSchema.optional(),
});
export const permitBody = z
  .strictObject({ registeredOn: daySchema, permitNumber: z.string().trim().min(1).max(64).optional(), expiresOn: daySchema.optional() })
  .refine((p) => p.expiresOn === undefined || p.expiresOn > p.registeredOn, { path: ['expiresOn'], message: 'must be after registeredOn' });
export const rentedHomeBody = z.strictObject({ building: numberSchema, door: numberSchema, landlord: nameSchema, fromDate: daySchema });
export const inspectionBody = z.strictObject({ inspectedOn: daySchema, note: z.string().trim().max(1000).optional() });
export const endingBody = z.strictObject({ date: daySchema });

export const residence = z.object({
  id: z.number().int(),
  cardId: z.string(),
  cardNumber: z.string(),
  building: z.string(),
  door: z.string(),
  class: z.string(),
  fromDate: z.string(),
});
export const pastResidence = residence.extend({ untilDate: z.string().nullable(), endReason: z.string().nullable(), recordedBy: z.string() });
export const person = z.object({ id: z.string(), name: z.string(), idNumber: z.string(), phone: z.string().nullable(), residence: residence.nullable() });
export const permit = z.looseObject({
  id: z.number().int(),
  personId: z.string(),
  communityId: z.string(),
  registeredOn: z.string(),
  permitNumber: z.string().nullable(),
  expiresOn: z.string().nullable(),
  recordedBy: z.string(),
});
export const personRecord = person.extend({
  history: z.array(pastResidence),
  permits: z.array(permit),
  keyPersonListings: z.array(z.looseObject({ id: z.string(), category: z.string(), listedOn: z.string(), delistedOn: z.string().nullable() })),
});
export const building = z.object({
  id: z.string(),
  number: z.string(),
  address: z.string(),
  doors: z.array(z.object({ id: z.string(), number: z.string(), cards: z.array(z.object({ id: z.string(), number: z.string() })) })),
});
export const card = z.object({ id: z.string(), number: z.string(), building: z.string(), door: z.string(), persons: z.array(person) });
export const cardRecord = card.extend({ past: z.array(pastResidence.extend({ person: person.omit({ residence: true }) })) });
export const rentedHome = z.object({
  id: z.string(),
  building: z.string(),
  door: z.string(),
  landlord: z.string(),
  fromDate: z.string(),
  untilDate: z.string().nullable(),
  lastInspectedOn: z.string().nullable(),
  inspectionDueOn: z.string().nullable(),
});
export const inspection = z.looseObject({ id: z.number().int(), rentedHomeId: z.string(), inspectedOn: z.string(), inspectedBy: z.string(), note: z.string() });
