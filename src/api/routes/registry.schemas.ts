// What the registry's operations answer with, for the OpenAPI document and the tests that check
// responses against it. Dates travel as ISO strings.
import { z } from 'zod';

const stamps = { createdAt: z.string(), updatedAt: z.string() };

export const communityRow = z.looseObject({
  id: z.string(),
  countyId: z.string(),
  name: z.string(),
  population: z.number().int(),
  complexity: z.number().int(),
  area: z.enum(['urban', 'rural']),
  ...stamps,
  /** On reads: a rural reassignment of the office awaits the bureau. */
  pendingReassignment: z.boolean().optional(),
});

const person = { id: z.string(), countyId: z.string(), name: z.string(), email: z.string().nullable(), ...stamps };

export const officerRow = z.looseObject({ ...person, stationId: z.string().nullable() });
export const leaderRow = z.looseObject(person);
export const departmentRow = z.looseObject(person);
export const stationRow = z.looseObject({ id: z.string(), countyId: z.string(), name: z.string(), ...stamps });

export const postingRow = z.looseObject({
  id: z.number().int(),
  officerId: z.string(),
  communityId: z.string().nullable(),
  kind: z.string(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  reason: z.string(),
  decisionId: z.string().nullable(),
  createdAt: z.string(),
});

export const bindingRow = z.looseObject({
  id: z.number().int(),
  countyId: z.string(),
  communityId: z.string(),
  subjectType: z.enum(['officer', 'leader', 'department']),
  subjectId: z.string(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  createdAt: z.string(),
});

export const reassignmentRow = z.looseObject({
  id: z.number().int(),
  countyId: z.string(),
  decisionId: z.string(),
  cycleId: z.string(),
  communityId: z.string(),
  officers: z.array(z.string()),
  reassigned: z.array(z.string()).nullable(),
  decidedOn: z.string(),
  status: z.enum(['pending', 'confirmed', 'overruled']),
  effectiveFrom: z.string().nullable(),
  reason: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  createdAt: z.string(),
});

export const auditRow = z.looseObject({
  id: z.number().int(),
  actor: z.string(),
  countyId: z.string().nullable(),
  role: z.string().nullable(),
  authMethod: z.string().nullable(),
  credentialId: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  at: z.string(),
});

const ruleSetSummary = {
  id: z.number().int(),
  countyId: z.string(),
  name: z.string(),
  effectiveFrom: z.string(),
  author: z.string(),
  reason: z.string(),
  createdAt: z.string(),
};

export const ruleSetListRow = z.looseObject({ ...ruleSetSummary, inForce: z.boolean() });
export const ruleSetRow = z.looseObject({ ...ruleSetSummary, document: z.unknown() });
export const ruleSetDiff = z.looseObject({ from: z.number().int(), to: z.number().int(), changes: z.array(z.unknown()) });
export const ruleSetValidation = z.looseObject({ valid: z.literal(true), name: z.string(), rules: z.record(z.string(), z.number().int()) });
export const ruleFacts = z.record(z.string(), z.unknown());
/** The JSON Schema (draft 2020-12) of a rule-set document, as application/schema+json. */
export const ruleSetJsonSchemaDocument = z.looseObject({
  $schema: z.string(),
  type: z.literal('object'),
  properties: z.looseObject({ scoring: z.looseObject({}), rules: z.looseObject({ properties: z.record(z.string(), z.unknown()) }) }),
  required: z.array(z.string()),
  $defs: z.record(z.string(), z.unknown()),
});
const backtestComparison = {
  periods: z.array(z.unknown()),
  totals: z.looseObject({}),
  years: z.array(z.looseObject({ year: z.number().int(), basis: z.enum(['decided', 'projected']) })),
};
export const backtestReport = z.looseObject({
  ruleSetVersion: z.looseObject({ id: z.number().int(), name: z.string(), effectiveFrom: z.string() }),
  ...backtestComparison,
});
/** The back-test of a document not saved yet: named by the document instead of a version. */
export const draftBacktestReport = z.looseObject({ name: z.string(), ...backtestComparison });
