// A quarter's figures for the demo county, different per community so the ranking is strict.
import type { Db } from '../../src/db/client.js';
import type { MetricKey } from '../../src/core/types.js';
import { loadDefaultRuleSet } from '../../src/rules/ruleSet.js';

const rates = ['satisfaction', 'familiarity', 'prevention', 'registration', 'keyPersonControl'] as const;

export interface Figure {
  communityId: string;
  metric: string;
  value: number;
}

export function demoFigures(communities: string[]): Figure[] {
  return communities.flatMap((communityId, i) => [
    ...rates.map((metric, j) => ({ communityId, metric, value: Number((0.7 + ((i * 7 + j * 3) % 29) / 100).toFixed(2)) })),
    { communityId, metric: 'incidents', value: 3 + ((i * 5) % 11) },
    { communityId, metric: 'clues', value: 2 + ((i * 3) % 7) },
  ]);
}

/** The department that supplies a metric under the default rule set. */
const supplierOf = (metric: string) => loadDefaultRuleSet().scoring.metrics[metric as MetricKey]!.source;

/** The demo figures of `communities` as each department submits them: only the metrics the rule set says it supplies. */
export function demoSubmissions(communities: string[]): { submittedBy: string; figures: Figure[] }[] {
  const figures = demoFigures(communities);
  const suppliers = [...new Set(figures.map((f) => supplierOf(f.metric)))];
  return suppliers.map((submittedBy) => ({ submittedBy, figures: figures.filter((f) => supplierOf(f.metric) === submittedBy) }));
}

/** Stores the demo figures of `communities` for a period, each in its community's county, as its supplying department would submit it. */
export async function submitDemoFigures(db: Db, period: string, communities: string[]): Promise<void> {
  const counties = new Map(
    (await db.community.findMany({ where: { id: { in: communities } }, select: { id: true, countyId: true } })).map((c) => [c.id, c.countyId]),
  );
  for (const f of demoFigures(communities)) {
    await db.metricSubmission.create({ data: { countyId: counties.get(f.communityId)!, period, ...f, submittedBy: supplierOf(f.metric), actor: 'test' } });
  }
}
