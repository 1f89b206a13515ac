// A quarter's figures for the demo county, different per community so the ranking is strict.
import type { Db } from '../../src/db/client.js';

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

/** Stores the demo figures of `communities` for a period, as the public-security brigade would submit them. */
export async function submitDemoFigures(db: Db, period: string, communities: string[]): Promise<void> {
  for (const f of demoFigures(communities)) await db.metricSubmission.create({ data: { period, ...f, submittedBy: 'zhian', actor: 'test' } });
}
