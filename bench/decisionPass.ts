// One measurement in its own process, so peak memory is this pass's alone:
//   tsx bench/decisionPass.ts <offices> core|raw
// core: the whole decision pass (scoring, ranking, rules, subsidy obligations) as cycles run it.
// raw:  json-rules-engine's engine.run on the same rules and the same facts, prepared untimed.
import { Engine } from 'json-rules-engine';
import { periodStandings } from '../src/core/standings.js';
import type { QuarterInput } from '../src/core/types.js';
import { decideQuarter } from '../src/deciding/period.js';
import { loadDefaultRuleSet } from '../src/rules/ruleSet.js';
import { syntheticCounty } from './county.js';

const [offices, mode] = [Number(process.argv[2]), process.argv[3]];
const ruleSet = loadDefaultRuleSet();
const county = syntheticCounty(offices);
const input: QuarterInput = { year: 2026, quarter: 2, ...county, previous: { last: ['c1'], scores: {} } };

let wallMs: number;
if (mode === 'core') {
  const started = performance.now();
  const outcome = await decideQuarter(input, ruleSet);
  wallMs = performance.now() - started;
  if (outcome.obligations.length === 0) throw new Error('no obligations decided');
} else {
  const period = { cadence: 'quarterly' as const, year: input.year, index: input.quarter };
  const facts = periodStandings({ ...input, period }, ruleSet.scoring).standings.map((s) => s.facts);
  const started = performance.now();
  const engine = new Engine(ruleSet.rules.quarterly as never, { allowUndefinedFacts: false });
  for (const f of facts) await engine.run(f as unknown as Record<string, unknown>);
  wallMs = performance.now() - started;
}
console.log(JSON.stringify({ offices, mode, wallMs, peakRssMiB: process.resourceUsage().maxRSS / 1024 }));
