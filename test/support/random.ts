// A seeded generator (mulberry32) for property tests: the same seed gives the same cases, so a
// failure names a case that can be run again.
export function seeded(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    /** A value with `decimals` places, as figures are submitted. */
    fixed: (min: number, max: number, decimals: number) => Number((min + next() * (max - min)).toFixed(decimals)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
  };
}
