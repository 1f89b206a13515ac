// The scenario file (SCENARIO.md): its shape is checked by zod, then the cross-references and
// ranges by the same checks the core applies, so the simulator accepts exactly what the core does.
import { z } from 'zod';
import { isIsoDate } from '../core/calendar.js';
import { figureProblem, officeProblem, scoreProblem, type ScoringConfig } from '../core/scoring.js';
import { metricKeys } from '../core/types.js';
import { helpGroupRoles, residenceClasses } from '../core/register.js';
import { DocumentError, jsonPath, parseDocument, showValue } from '../rules/documentError.js';
import { readJsonFile } from '../rules/jsonFile.js';

export class ScenarioError extends DocumentError {
  constructor(source: string, path: string, expected: string) {
    super(source, path, expected);
    this.name = 'ScenarioError';
  }
}

const id = z.string().min(1);
const isoDate = z.string().refine(isIsoDate, 'expected a date YYYY-MM-DD');
const named = z.object({ id, name: z.string().optional() });
const scores = z.record(z.string(), z.number());
const until = isoDate.nullable().optional();

/** A community's register at a quarter's end (src/core/registerRates.ts RegisterSnapshot). */
const registerSnapshot = z.strictObject({
  residences: z
    .array(
      z.strictObject({
        personId: id,
        name: z.string().default(''),
        cardId: id,
        cardNumber: z.string().default(''),
        class: z.enum(residenceClasses),
        fromDate: isoDate,
        untilDate: until,
      }),
    )
    .default([]),
  permits: z.array(z.strictObject({ personId: id, registeredOn: isoDate, expiresOn: until })).default([]),
  keyPersons: z
    .array(
      z.strictObject({
        listingId: id,
        personId: id,
        name: z.string().default(''),
        listedOn: isoDate,
        delistedOn: until,
        helpGroup: z.array(z.strictObject({ role: z.enum(helpGroupRoles), fromDate: isoDate, untilDate: until })).default([]),
        talks: z.array(isoDate).default([]),
      }),
    )
    .default([]),
});

const scenarioSchema = z.object({
  year: z.int().min(1).max(9998),
  communities: z
    .array(
      z.object({
        id,
        name: z.string().optional(),
        population: z.number(),
        complexity: z.number(),
        officers: z.array(id).min(1),
        leader: id.optional(),
        department: id.optional(),
      }),
    )
    .min(1),
  officers: z.array(named),
  leaders: z.array(named).default([]),
  departments: z.array(named).default([]),
  quarters: z
    .array(
      z.object({
        quarter: z.int().min(1).max(4),
        scores: scores.optional(),
        metrics: z.record(z.string(), z.partialRecord(z.enum(metricKeys), z.number())).optional(),
        /** Per community: its register at the quarter's end, which the metrics the rule set derives are derived from. */
        register: z.record(z.string(), registerSnapshot).optional(),
      }),
    )
    .default([]),
  history: z.array(z.object({ year: z.int(), quarter: z.int().min(1).max(4), last: z.array(id), scores: scores.optional() })).default([]),
  leaderVisits: z.array(z.object({ leader: id, date: isoDate })).default([]),
  payments: z.array(z.object({ obligation: id, amount: z.number().nonnegative(), paidOn: isoDate })).default([]),
  /** Appeals (申诉) against a quarter, decided as given, in order, right after their quarter. */
  appeals: z
    .array(
      z.strictObject({
        quarter: z.int().min(1).max(4),
        community: id,
        officer: id,
        contests: z.enum(['evaluation', 'decision']),
        /** With contests "decision": the decision as `<kind>/<subject>`, e.g. "circulated-criticism/c07". */
        decision: z.string().optional(),
        metric: z.enum(metricKeys).optional(),
        value: z.number().optional(),
        outcome: z.enum(['upheld', 'overturned']),
        reason: z.string().min(1),
      }),
    )
    .default([]),
});

export type Scenario = z.output<typeof scenarioSchema>;

type Path = (string | number)[];
type Problem = { path: Path; expected: string } | undefined;

const unknownId = (path: Path, value: string, where: string): Problem => ({ path, expected: `expected an id declared in $.${where}, got ${showValue(value)}` });

function duplicateId(list: readonly { id: string }[], name: string): Problem {
  const seen = new Set<string>();
  for (const [i, { id }] of list.entries()) {
    if (seen.has(id)) return { path: [name, i, 'id'], expected: `expected a unique id; "${id}" appears twice` };
    seen.add(id);
  }
  return undefined;
}

function communitiesProblem(s: Scenario): Problem {
  const [officers, leaders, departments] = [s.officers, s.leaders, s.departments].map((list) => new Set(list.map((x) => x.id))) as [
    Set<string>,
    Set<string>,
    Set<string>,
  ];
  const teamOf = new Map<string, string>();
  for (const [i, c] of s.communities.entries()) {
    const range = officeProblem(c);
    if (range) return { path: ['communities', i, range.field], expected: `${range.expected}, got ${showValue(c[range.field])}` };
    for (const [j, officer] of c.officers.entries()) {
      if (!officers.has(officer)) return unknownId(['communities', i, 'officers', j], officer, 'officers');
      if (teamOf.has(officer))
        return {
          path: ['communities', i, 'officers', j],
          expected: `expected an officer in one community only; "${officer}" is also in ${teamOf.get(officer)}`,
        };
      teamOf.set(officer, c.id);
    }
    if (c.leader !== undefined && !leaders.has(c.leader)) return unknownId(['communities', i, 'leader'], c.leader, 'leaders');
    if (c.department !== undefined && !departments.has(c.department)) return unknownId(['communities', i, 'department'], c.department, 'departments');
  }
  return undefined;
}

function quarterProblem(q: Scenario['quarters'][number], path: Path, communities: Set<string>, scoring: ScoringConfig): Problem {
  if (!q.scores && !q.metrics && !q.register) return { path, expected: 'expected "scores", "metrics" or "register"' };
  const derived = metricKeys.filter((m) => scoring.metrics[m]?.derivation);
  for (const community of Object.keys(q.register ?? {})) {
    if (!communities.has(community)) return unknownId([...path, 'register', community], community, 'communities');
    if (derived.length === 0)
      return {
        path: [...path, 'register', community],
        expected: 'expected a rule set deriving a metric from the register (a metric with "derivation") for a register snapshot',
      };
    if (q.scores?.[community] !== undefined)
      return { path: [...path, 'register', community], expected: 'expected either a score or a register for a community, not both' };
    const given = derived.find((m) => q.metrics?.[community]?.[m] !== undefined);
    if (given)
      return { path: [...path, 'metrics', community, given], expected: `expected no ${given} figure: the rule set derives it from the register snapshot` };
  }
  for (const [community, score] of Object.entries(q.scores ?? {})) {
    if (!communities.has(community)) return unknownId([...path, 'scores', community], community, 'communities');
    const problem = scoreProblem(score);
    if (problem) return { path: [...path, 'scores', community], expected: `${problem}, got ${showValue(score)}` };
  }
  for (const [community, figures] of Object.entries(q.metrics ?? {})) {
    if (!communities.has(community)) return unknownId([...path, 'metrics', community], community, 'communities');
    if (q.scores?.[community] !== undefined)
      return { path: [...path, 'metrics', community], expected: 'expected either a score or metrics for a community, not both' };
    for (const [metric, value] of Object.entries(figures)) {
      // A metric the rule set does not score is carried but never judged.
      const config = scoring.metrics[metric as keyof typeof figures];
      const problem = config && figureProblem(config, value);
      if (problem) return { path: [...path, 'metrics', community, metric], expected: `${problem}, got ${showValue(value)}` };
    }
  }
  return undefined;
}

/** Cross-references and ranges, which zod's shape check cannot see. Returns the first problem. */
function scenarioProblem(s: Scenario, scoring: ScoringConfig): Problem {
  for (const name of ['communities', 'officers', 'leaders', 'departments'] as const) {
    const problem = duplicateId(s[name], name);
    if (problem) return problem;
  }
  const problem = communitiesProblem(s);
  if (problem) return problem;
  const communities = new Set(s.communities.map((c) => c.id));
  const seen = new Set<number>();
  for (const [i, q] of s.quarters.entries()) {
    if (seen.has(q.quarter)) return { path: ['quarters', i, 'quarter'], expected: `expected each quarter once; ${q.quarter} appears twice` };
    seen.add(q.quarter);
    const figures = quarterProblem(q, ['quarters', i], communities, scoring);
    if (figures) return figures;
  }
  for (const [i, h] of s.history.entries()) {
    const j = h.last.findIndex((c) => !communities.has(c));
    if (j >= 0) return unknownId(['history', i, 'last', j], h.last[j]!, 'communities');
  }
  const leaders = new Set(s.leaders.map((l) => l.id));
  const v = s.leaderVisits.findIndex((visit) => !leaders.has(visit.leader));
  if (v >= 0) return unknownId(['leaderVisits', v, 'leader'], s.leaderVisits[v]!.leader, 'leaders');
  for (const [i, a] of s.appeals.entries()) {
    const problem = appealProblem(s, a, ['appeals', i], scoring);
    if (problem) return problem;
  }
  return undefined;
}

function appealProblem(s: Scenario, a: Scenario['appeals'][number], path: Path, scoring: ScoringConfig): Problem {
  if (!s.quarters.some((q) => q.quarter === a.quarter))
    return { path: [...path, 'quarter'], expected: `expected a quarter listed in $.quarters, got ${a.quarter}` };
  const community = s.communities.find((c) => c.id === a.community);
  if (!community) return unknownId([...path, 'community'], a.community, 'communities');
  if (!community.officers.includes(a.officer))
    return { path: [...path, 'officer'], expected: `expected an officer of ${a.community}, got ${showValue(a.officer)}` };
  if ((a.contests === 'decision') !== (a.decision !== undefined))
    return { path: [...path, 'decision'], expected: 'expected "decision" (as <kind>/<subject>) exactly when contests is "decision"' };
  if ((a.metric === undefined) !== (a.value === undefined))
    return { path: [...path, a.metric === undefined ? 'metric' : 'value'], expected: 'expected metric and value together' };
  if (a.outcome === 'overturned' && a.metric === undefined)
    return { path: [...path, 'metric'], expected: 'expected the corrected figure (metric and value) an overturn re-decides with' };
  if (a.metric !== undefined && s.quarters.find((q) => q.quarter === a.quarter)!.scores?.[a.community] !== undefined) {
    return { path: [...path, 'metric'], expected: `expected the quarter to give ${a.community}'s metrics; a corrected figure cannot change a finished score` };
  }
  if (a.metric !== undefined) {
    const config = scoring.metrics[a.metric];
    if (!config) return { path: [...path, 'metric'], expected: `expected a metric the rule set scores, got ${showValue(a.metric)}` };
    const problem = figureProblem(config, a.value);
    if (problem) return { path: [...path, 'value'], expected: `${problem}, got ${showValue(a.value)}` };
  }
  return undefined;
}

/** Parses a scenario; metric ranges depend on the rule set (a metric is a rate or a count there). */
export function parseScenario(json: unknown, source: string, scoring: ScoringConfig): Scenario {
  const scenario = parseDocument(scenarioSchema, json, source, (s, p, e) => new ScenarioError(s, p, e));
  const problem = scenarioProblem(scenario, scoring);
  if (problem) throw new ScenarioError(source, jsonPath(problem.path), problem.expected);
  return scenario;
}

export function loadScenarioFile(path: string, scoring: ScoringConfig): Scenario {
  return parseScenario(
    readJsonFile(path, (s, p, e) => new ScenarioError(s, p, e)),
    path,
    scoring,
  );
}
