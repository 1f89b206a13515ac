// The names of the failures no retry can mend: activities throw ApplicationFailures of these
// types, every workflow lists them as non-retryable, and a failed cycle reports one. What a
// person must do about each is said in src/core/failures.ts.

const names = [
  'InvalidCycleInput',
  'PeriodNotEnded',
  'InvalidRuleSet',
  'MissingFact',
  'InvalidFigure',
  'OfficeWithoutOfficer',
  'UnknownNotice',
  'UnknownObligation',
  'UnknownChannel',
  'DeliveryRejected',
  'UnknownAppeal',
] as const;

export type PermanentFailureType = (typeof names)[number];

/** For `retry.nonRetryableErrorTypes` of every workflow's activities, which takes a mutable list. */
export const permanentFailureTypes: PermanentFailureType[] = [...names];

/** What a failure that reaches the bureau says: why, and what to do. */
export interface FailureExplanation {
  type: PermanentFailureType;
  reason: string;
  fix: string;
}
