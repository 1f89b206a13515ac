// Re-deciding a period after an overturned appeal (申诉改判), the pure parts: the stored figures
// with the accepted corrections applied, and a re-decided period compared with what stands.
// src/deciding/appeal.ts runs the rules between the two; simulate and the appeal activity share both.
import type { Decision, MetricKey, PeriodFigures, PeriodOutcome } from './types.js';

/** A figure the bureau accepted on an overturned appeal: it replaces the submitted one. */
export interface FigureCorrection {
  community: string;
  metric: MetricKey;
  value: number;
}

/** Where a decision sits in its cycle: one per kind and subject (an officer's subsidy, an office's sanction). */
export interface DecisionSlot {
  slot: string;
  kind: string;
  subjectType: 'officer' | 'community';
  subjectId: string;
}

export function decisionSlot(d: Decision): DecisionSlot {
  if (d.type === 'subsidy') return { slot: `subsidy/${d.officer}`, kind: 'subsidy', subjectType: 'officer', subjectId: d.officer };
  const kind = d.type === 'sanction' ? d.kind : d.type;
  return { slot: `${kind}/${d.community}`, kind, subjectType: 'community', subjectId: d.community };
}

/** What stands of a decided period, in the terms a re-decision is compared in. */
export interface StandingOutcome {
  evaluations: { community: string; score: number; rank: number; isLast: boolean }[];
  decisions: { slot: string; amount: number | null; because: string }[];
  obligations: { id: string; amount: number }[];
  /** Offices with a joint notice. */
  jointNotices: string[];
}

export function standingOf(outcome: PeriodOutcome): StandingOutcome {
  return {
    evaluations: outcome.ranking.map(({ community, score, rank, isLast }) => ({ community, score, rank, isLast })),
    decisions: outcome.decisions.map((d) => ({ slot: decisionSlot(d).slot, amount: d.type === 'sanction' ? null : d.amount, because: d.because })),
    obligations: outcome.obligations.map((o) => ({ id: o.id, amount: o.amount })),
    jointNotices: outcome.notices.filter((n) => n.kind === 'joint-notice').map((n) => n.about),
  };
}

export interface Redecision {
  outcome: PeriodOutcome;
  /** Offices whose score, rank or last place changed. */
  evaluations: { community: string; before: { score: number; rank: number; isLast: boolean }; after: { score: number; rank: number; isLast: boolean } }[];
  /** Standing decisions that changed (after set) or fell away (after null), and decisions that are new (before null). */
  decisions: { slot: string; before: { amount: number | null; because: string } | null; after: Decision | null }[];
  /** Obligations whose amount changes (after set), that fall away (after null) or are new (before null). */
  obligations: { id: string; before: number | null; after: number | null }[];
  /** Offices whose joint notice falls away, and offices that now get one. */
  withdrawnNotices: string[];
  newNotices: string[];
}

export function withCorrections(figures: Record<string, PeriodFigures>, corrections: readonly FigureCorrection[]): Record<string, PeriodFigures> {
  const out = { ...figures };
  for (const c of corrections) {
    const current = out[c.community];
    const metrics = current && 'metrics' in current ? current.metrics : {};
    // A corrected figure is the bureau's, no longer the register's: its counts go; the other
    // metrics' counts stay with their figures.
    const { [c.metric]: _replaced, ...derived } = (current && 'metrics' in current && current.derived) || {};
    out[c.community] = { metrics: { ...metrics, [c.metric]: c.value }, ...(Object.keys(derived).length ? { derived } : {}) };
  }
  return out;
}

/** Every difference between a re-decided period and what stands. */
export function compareRedecision(outcome: PeriodOutcome, standing: StandingOutcome): Redecision {
  const after = standingOf(outcome);

  const beforeEval = new Map(standing.evaluations.map((e) => [e.community, e]));
  const evaluations: Redecision['evaluations'] = [];
  for (const e of after.evaluations) {
    const b = beforeEval.get(e.community);
    if (b && (b.score !== e.score || b.rank !== e.rank || b.isLast !== e.isLast)) {
      evaluations.push({
        community: e.community,
        before: { score: b.score, rank: b.rank, isLast: b.isLast },
        after: { score: e.score, rank: e.rank, isLast: e.isLast },
      });
    }
  }

  const beforeDecisions = new Map(standing.decisions.map((d) => [d.slot, d]));
  const afterDecisions = new Map(outcome.decisions.map((d) => [decisionSlot(d).slot, d]));
  const decisions: Redecision['decisions'] = [];
  for (const [slot, b] of beforeDecisions) {
    const a = afterDecisions.get(slot);
    const amount = a && a.type !== 'sanction' ? a.amount : null;
    if (!a) decisions.push({ slot, before: { amount: b.amount, because: b.because }, after: null });
    else if (amount !== b.amount || a.because !== b.because) decisions.push({ slot, before: { amount: b.amount, because: b.because }, after: a });
  }
  for (const [slot, a] of afterDecisions) if (!beforeDecisions.has(slot)) decisions.push({ slot, before: null, after: a });

  const beforeObligations = new Map(standing.obligations.map((o) => [o.id, o.amount]));
  const afterObligations = new Map(after.obligations.map((o) => [o.id, o.amount]));
  const obligations: Redecision['obligations'] = [];
  for (const [id, b] of beforeObligations) {
    const a = afterObligations.get(id) ?? null;
    if (a !== b) obligations.push({ id, before: b, after: a });
  }
  for (const [id, a] of afterObligations) if (!beforeObligations.has(id)) obligations.push({ id, before: null, after: a });

  const hadNotice = new Set(standing.jointNotices);
  const hasNotice = new Set(after.jointNotices);
  return {
    outcome,
    evaluations,
    decisions,
    obligations,
    withdrawnNotices: standing.jointNotices.filter((c) => !hasNotice.has(c)),
    newNotices: after.jointNotices.filter((c) => !hadNotice.has(c)),
  };
}
