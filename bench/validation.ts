// Validation of a 64 KB rule-set document, as every write and every load performs it:
//   tsx bench/validation.ts [iterations]
// The document is the default set with quarterly rules added until it reaches 64 KB.
import { loadDefaultRuleSet, validateRuleSet } from '../src/rules/ruleSet.js';

const iterations = Number(process.argv[2] ?? 500);
const target = 64 * 1024;
const doc = structuredClone(loadDefaultRuleSet()) as { rules: { quarterly: unknown[] } };
for (let i = 0; JSON.stringify(doc).length < target; i++) {
  doc.rules.quarterly.push({
    name: `bench-rule-${i}`,
    priority: 1 + (i % 5),
    conditions: {
      all: [
        { fact: 'rankFromBottom', operator: 'lessThanInclusive', value: 1 + (i % 3) },
        {
          any: [
            { fact: 'score', operator: 'lessThan', value: 60 + (i % 20) },
            { fact: 'previousPeriodScore', operator: 'not:equal', value: null },
          ],
        },
        { fact: 'teamSize', operator: 'in', value: [1, 2] },
      ],
    },
    event: { type: 'sanction', params: { kinds: ['admonishment-talk'] } },
  });
}
const bytes = Buffer.byteLength(JSON.stringify(doc));
// What arrives over HTTP is freshly parsed JSON, so each run validates its own parse.
const text = JSON.stringify(doc);
const times: number[] = [];
for (let i = 0; i < iterations; i++) {
  const json = JSON.parse(text);
  const started = performance.now();
  const result = validateRuleSet(json);
  times.push(performance.now() - started);
  if (!result.ok) throw new Error(`the bench document is invalid: ${JSON.stringify(result.problems[0])}`);
}
times.sort((a, b) => a - b);
const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!;
console.log(JSON.stringify({ bytes, rules: doc.rules.quarterly.length, iterations, p50Ms: at(0.5), p99Ms: at(0.99) }));
