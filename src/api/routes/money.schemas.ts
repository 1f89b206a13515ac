// What the results, explanation, payment, appeal and figures operations answer, for the OpenAPI
// document and the tests that check responses against it. Rows keep their stored columns; only
// the fields that matter are spelled out, the rest pass through.
import { z } from 'zod';

const date = z.string();
const json = z.unknown();

/** A derived figure's counts (src/core/registerRates.ts): numerator ÷ denominator, and what they count. */
export const derivedCounts = z.looseObject({
  numerator: z.number().int(),
  denominator: z.number().int(),
  counts: z.record(z.string(), z.number().int()),
});

/** One metric of an evaluation's score, as src/core/scoring.ts works it out. */
const breakdownEntry = z.looseObject({
  metric: z.string(),
  value: z.number(),
  points: z.number(),
  weight: z.number(),
  contribution: z.number(),
  /** A figure derived from the population register: the counts it came from. */
  derived: derivedCounts.optional(),
});

export const evaluationRow = z.looseObject({
  id: z.number().int(),
  countyId: z.string(),
  cycleId: z.string(),
  period: z.string(),
  communityId: z.string(),
  score: z.number(),
  rank: z.number().int(),
  isLast: z.boolean(),
  lastStreak: z.number().int(),
  breakdown: z.array(breakdownEntry),
  missing: json,
  createdAt: date,
  revision: z.number().int(),
  appealId: z.number().int().nullable(),
  supersededBy: z.number().int().nullable(),
  supersededByAppeal: z.number().int().nullable(),
  supersededAt: date.nullable(),
  supersededReason: z.string().nullable(),
});

/** A list row carries what a ranking table shows beside the score (src/api/rankingRows.ts). */
export const evaluationListRow = evaluationRow.extend({
  pendingReassignment: z.boolean(),
  communityName: z.string(),
  /** Another office of the cycle has the same rank (并列). */
  sharedRank: z.boolean(),
  /** The cycle's standing decisions about the office: its sanctions and its officers' subsidies. */
  decisions: z.array(z.looseObject({ id: z.string(), type: z.string(), kind: z.string(), subjectId: z.string(), amount: z.number().nullable() })),
  /** The office's subsidies summed, in yuan; null when it has none. */
  subsidy: z.number().nullable(),
});

export const decisionRow = z.looseObject({
  id: z.string(),
  countyId: z.string(),
  cycleId: z.string(),
  type: z.string(),
  kind: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  officers: z.array(z.string()),
  rule: z.string(),
  reason: z.string(),
  facts: json,
  amountFen: z.number().int().nullable(),
  /** amountFen in yuan. */
  amount: z.number().nullable(),
  ruleSetVersionId: z.number().int().nullable(),
  createdAt: date,
  revision: z.number().int(),
  appealId: z.number().int().nullable(),
  supersededBy: z.string().nullable(),
  supersededByAppeal: z.number().int().nullable(),
  supersededAt: date.nullable(),
  supersededReason: z.string().nullable(),
});

export const obligationRow = z.looseObject({
  id: z.string(),
  countyId: z.string(),
  cycleId: z.string(),
  decisionId: z.string(),
  kind: z.string(),
  payeeType: z.string(),
  payeeId: z.string(),
  amountFen: z.number().int(),
  amount: z.number(),
  dueOn: z.string(),
  status: z.string(),
  confirmedFen: z.number().int(),
  settledAt: date.nullable(),
  createdAt: date,
  updatedAt: date,
});

export const paymentRow = z.looseObject({
  id: z.number().int(),
  obligationId: z.string(),
  reference: z.string(),
  amountFen: z.number().int(),
  amount: z.number(),
  paidOn: z.string(),
  recordedBy: z.string(),
  reportedAt: date.nullable(),
  createdAt: date,
});

export const disputeRow = z.looseObject({
  id: z.number().int(),
  obligationId: z.string(),
  reason: z.string(),
  note: z.string(),
  raisedBy: z.string(),
  resolvedAt: date.nullable(),
  createdAt: date,
});

export const obligationDetail = obligationRow.extend({
  paid: z.number(),
  confirmed: z.number(),
  payments: z.array(paymentRow),
  disputes: z.array(disputeRow),
});

export const noticeRow = z.looseObject({
  id: z.string(),
  countyId: z.string(),
  kind: z.string(),
  cycleId: z.string().nullable(),
  about: z.string().nullable(),
  titleZh: z.string(),
  bodyZh: z.string(),
  bodyEn: z.string(),
  facts: json,
  createdAt: date,
  withdrawnAt: date.nullable(),
  recipients: z.array(z.looseObject({ noticeId: z.string(), recipientType: z.string(), recipientId: z.string(), acknowledgedAt: date.nullable() })),
});

export const explanation = z.looseObject({
  decision: z.string(),
  cycleId: z.string(),
  type: z.string(),
  kind: z.string(),
  subjectId: z.string(),
  officers: z.array(z.string()),
  amount: z.number().nullable(),
  rule: z.string(),
  ruleSetVersion: z.looseObject({ id: z.number().int(), name: z.string() }).nullable(),
  facts: json,
  conditions: json,
  because: z.string(),
  zh: z.string(),
  en: z.string(),
  superseded: z.looseObject({ by: z.string().nullable(), appeal: z.number().int().nullable(), at: date, reason: z.string().nullable() }).nullable(),
  appeal: z.number().int().optional(),
});

const amounts = z.looseObject({
  decided: z.number(),
  paid: z.number(),
  confirmed: z.number(),
  unconfirmed: z.number(),
  outstanding: z.number(),
  overdue: z.number(),
  disputed: z.number(),
  cancelled: z.number(),
});

export const reconciliation = z.looseObject({
  period: z.string(),
  asOf: z.string(),
  balanced: z.boolean(),
  total: amounts,
  rows: z.array(amounts.extend({ payeeType: z.string(), payeeId: z.string(), obligations: z.number().int() })),
});

export const recordedPayment = paymentRow.extend({ followedUp: z.boolean() });
export const receipt = z.looseObject({ obligationId: z.string(), confirmed: z.number(), changed: z.boolean(), followedUp: z.boolean() });
export const raisedDispute = disputeRow.extend({ followedUp: z.boolean() });
export const corrected = obligationRow.extend({ noticeDelivery: json, followedUp: z.boolean() });

export const appealRow = z.looseObject({
  id: z.number().int(),
  countyId: z.string(),
  cycleId: z.string(),
  communityId: z.string(),
  officerId: z.string(),
  contests: z.enum(['evaluation', 'decision']),
  decisionId: z.string().nullable(),
  reason: z.string(),
  metric: z.string().nullable(),
  value: z.number().nullable(),
  windowEndsOn: z.string(),
  deadlineOn: z.string(),
  status: z.enum(['open', 'upheld', 'overturned']),
  decidedBy: z.string().nullable(),
  decisionReason: z.string().nullable(),
  decidedAt: date.nullable(),
  acceptedMetric: z.string().nullable(),
  acceptedValue: z.number().nullable(),
  redecidedAt: date.nullable(),
  outcome: json,
  filedBy: z.string(),
  createdAt: date,
});

export const appealChain = appealRow.extend({
  explanation: json,
  paymentsHeld: z.number().int(),
  decisions: z.looseObject({ replaced: z.array(decisionRow), created: z.array(decisionRow) }),
  evaluations: z.looseObject({ replaced: z.array(evaluationRow), created: z.array(evaluationRow) }),
  notices: z.array(z.looseObject({ id: z.string(), kind: z.string(), titleZh: z.string(), withdrawnAt: date.nullable(), createdAt: date })),
});

export const filedAppeal = appealChain.extend({ reviewStarted: z.boolean() });
export const decidedAppeal = appealChain.extend({ followedUp: z.boolean() });

export const obligationAppeals = z.looseObject({
  obligation: obligationRow,
  frozen: z.boolean(),
  heldBy: z.array(z.number().int()),
  appeals: z.array(appealRow),
  revisions: z.array(decisionRow),
});

export const figureRow = z.looseObject({
  id: z.number().int(),
  countyId: z.string(),
  period: z.string(),
  communityId: z.string(),
  metric: z.string(),
  value: z.number(),
  submittedBy: z.string(),
  actor: z.string(),
  submittedAt: date,
});

export const storedFigures = z.looseObject({
  stored: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  cycleNotified: z.boolean(),
});
