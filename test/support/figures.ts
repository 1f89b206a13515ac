// A quarter's figures for the demo county, different per community so the ranking is strict.
const rates = ['satisfaction', 'familiarity', 'prevention', 'registration', 'keyPersonControl'] as const;

export interface Figure { communityId: string; metric: string; value: number }

export function demoFigures(communities: string[]): Figure[] {
  return communities.flatMap((communityId, i) => [
    ...rates.map((metric, j) => ({ communityId, metric, value: Number((0.7 + ((i * 7 + j * 3) % 29) / 100).toFixed(2)) })),
    { communityId, metric: 'incidents', value: 3 + ((i * 5) % 11) },
    { communityId, metric: 'clues', value: 2 + ((i * 3) % 7) },
  ]);
}
