// Re-deciding a period after an overturned appeal (申诉改判): decided again from the stored
// figures with the accepted corrections, under the rule set it was decided under, and compared
// with what stands (the pure parts are src/core/appeal.ts).
import { compareRedecision, withCorrections, type FigureCorrection, type Redecision, type StandingOutcome } from '../core/appeal.js';
import type { PeriodInput } from '../core/types.js';
import type { RuleSet } from '../rules/ruleSet.js';
import { decidePeriod } from './period.js';

/** Decides the period again with the corrections applied and lists every difference from what stands. */
export async function redecidePeriod(
  input: PeriodInput,
  ruleSet: RuleSet,
  corrections: readonly FigureCorrection[],
  standing: StandingOutcome,
): Promise<Redecision> {
  return compareRedecision(await decidePeriod({ ...input, figures: withCorrections(input.figures, corrections) }, ruleSet), standing);
}
