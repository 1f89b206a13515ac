// A synthetic county of any size for the benchmarks: offices, bindings and a quarter's figures,
// reproducible from a seed.
import type { Office, PeriodFigures } from '../src/core/types.js';

function random(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

export function syntheticCounty(offices: number, seed = 1): { offices: Office[]; figures: Record<string, PeriodFigures> } {
  const r = random(seed);
  const rate = () => Number((0.6 + r() * 0.4).toFixed(3));
  const list: Office[] = [];
  const figures: Record<string, PeriodFigures> = {};
  for (let i = 0; i < offices; i++) {
    const id = `c${i}`;
    const team = i % 10 < 6 ? 2 : 1;
    const population = 3000 + Math.floor(r() * 30000);
    list.push({
      id,
      name: `小区${i}`,
      population,
      complexity: 1 + Math.floor(r() * 5),
      officers: Array.from({ length: team }, (_, k) => `o${i}-${k}`),
      leader: `L${i}`,
      department: `D${i}`,
    });
    figures[id] = {
      metrics: {
        satisfaction: rate(),
        familiarity: rate(),
        prevention: rate(),
        registration: rate(),
        keyPersonControl: rate(),
        incidents: Math.floor((r() * population) / 500),
        clues: Math.floor((r() * population) / 800),
      },
    };
  }
  return { offices: list, figures };
}
