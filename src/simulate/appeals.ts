// Appeals in a scenario: each is decided as the scenario says, in order, right after its quarter;
// an overturn re-decides the quarter with the same re-decision the appeal activity uses
// (deciding/appeal.ts), with every figure accepted so far on that quarter.
import { decisionSlot, standingOf, type FigureCorrection, type Redecision } from '../core/appeal.js';
import { redecidePeriod } from '../deciding/appeal.js';
import type { PeriodInput, PeriodOutcome } from '../core/types.js';
import { explainAppeal, type AppealOutcome } from '../notices/appealText.js';
import { explainCoreDecision } from '../rules/explanation.js';
import type { RuleSet } from '../rules/ruleSet.js';
import type { Scenario } from './scenario.js';

type ScenarioAppeal = Scenario['appeals'][number];

export interface AppealReport extends ScenarioAppeal {
  /** 1-based position in $.appeals. */
  appeal: number;
  status: 'upheld' | 'overturned' | 'refused';
  refusal?: string;
  redecision?: ReturnType<typeof redecisionReport>;
  explanation?: { zh: string; en: string };
}

function redecisionReport(red: Redecision) {
  return {
    ranking: red.outcome.ranking.map(({ community, score, rank, isLast }) => ({ community, score, rank, isLast })),
    decisions: red.outcome.decisions.map((d) => ({ ...d, explanation: explainCoreDecision(d) })),
    /** The decisions that stood before and no longer do, with what replaced each (null: it fell away). */
    superseded: red.decisions.filter((d) => d.before).map((d) => ({ decision: d.slot, before: d.before, replacedBy: d.after && decisionSlot(d.after).slot })),
    added: red.decisions.filter((d) => !d.before).map((d) => d.slot),
    evaluations: red.evaluations,
    obligations: red.obligations,
    withdrawnNotices: red.withdrawnNotices,
    newNotices: red.newNotices,
  };
}

/** The appeal's changes in the terms of its explanation, decisions named `<period>/<kind>/<subject>`. */
function asOutcome(period: string, n: number, red: Redecision): AppealOutcome {
  return {
    evaluations: red.evaluations,
    decisions: red.decisions.map((d) => ({
      slot: d.slot,
      before: d.before && { id: `${period}/${d.slot}`, amount: d.before.amount },
      after: d.after && { id: `${period}/${d.slot}/appeal-${n}`, amount: d.after.type === 'sanction' ? null : d.after.amount },
    })),
    obligations: red.obligations,
    withdrawnNotices: red.withdrawnNotices.map((c) => `${period}/joint-notice/${c}`),
    newNotices: red.newNotices.map((c) => `${period}/joint-notice/${c}`),
  };
}

export async function decideAppeals(scenario: Scenario, quarter: number, input: PeriodInput, ruleSet: RuleSet, decided: PeriodOutcome) {
  let outcome = decided;
  const corrections: FigureCorrection[] = [];
  const reports: AppealReport[] = [];
  for (const [i, a] of scenario.appeals.entries()) {
    if (a.quarter !== quarter) continue;
    const n = i + 1;
    if (a.contests === 'decision' && !outcome.decisions.some((d) => decisionSlot(d).slot === a.decision && decisionOfficers(d).includes(a.officer))) {
      reports.push({ appeal: n, ...a, status: 'refused', refusal: `no decision ${a.decision} about ${a.officer} stands in ${outcome.period}` });
      continue;
    }
    const facts = {
      id: n,
      officerId: a.officer,
      communityId: a.community,
      period: outcome.period,
      contests: a.contests,
      decisionId: a.decision ?? null,
      reason: a.reason,
      metric: a.metric ?? null,
      metricZh: a.metric ? ruleSet.scoring.metrics[a.metric]?.label : undefined,
      value: a.value ?? null,
      deadlineOn: '',
      status: a.outcome,
      decisionReason: a.reason,
    };
    if (a.outcome === 'upheld') {
      reports.push({ appeal: n, ...a, status: 'upheld', explanation: explainAppeal(facts, null) });
      continue;
    }
    corrections.push({ community: a.community, metric: a.metric!, value: a.value! });
    const red = await redecidePeriod(input, ruleSet, corrections, standingOf(outcome));
    outcome = red.outcome;
    reports.push({
      appeal: n,
      ...a,
      status: 'overturned',
      redecision: redecisionReport(red),
      explanation: explainAppeal(facts, asOutcome(outcome.period, n, red)),
    });
  }
  return { outcome, reports };
}

const decisionOfficers = (d: PeriodOutcome['decisions'][number]) => (d.type === 'subsidy' ? [d.officer] : d.officers);
