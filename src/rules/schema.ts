// The rule-set document as JSON Schema, for editors that check the document as the bureau types.
// zod derives everything except the condition trees, whose checks are a refinement: those are
// described here from the same fact catalogue and operator list the validator uses.
import { z } from 'zod';
import { operators } from './conditions.js';
import { periodFactsOf, yearEndFactCatalogue, type FactCatalogue } from './facts.js';
import { ruleSetSchema } from './ruleSet.js';
import { cadences, cycleKindDescriptors } from '../core/cadences.js';

const operatorPattern = `^(not:)?(${operators.join('|')})$`;

function conditionDefs(stage: string, facts: FactCatalogue) {
  const node = `${stage}Condition`;
  const ref = { $ref: `#/$defs/${node}` };
  const list = { type: 'array', minItems: 1, items: ref };
  return {
    [`${stage}Conditions`]: {
      oneOf: [
        { type: 'object', required: ['all'], properties: { all: list } },
        { type: 'object', required: ['any'], properties: { any: list } },
        { type: 'object', required: ['not'], properties: { not: ref } },
      ],
    },
    [node]: {
      oneOf: [
        { type: 'object', required: ['all'], properties: { all: list } },
        { type: 'object', required: ['any'], properties: { any: list } },
        { type: 'object', required: ['not'], properties: { not: ref } },
        {
          type: 'object',
          required: ['fact', 'operator', 'value'],
          additionalProperties: false,
          properties: {
            fact: {
              enum: Object.keys(facts),
              description: Object.entries(facts)
                .map(([k, f]) => `${k}: ${f.type}${f.nullable ? ' or null' : ''} — ${f.description}`)
                .join('; '),
            },
            operator: { type: 'string', pattern: operatorPattern },
            value: {},
            path: { type: 'string', pattern: '^\\$(\\.[A-Za-z_][A-Za-z0-9_]*)+$' },
            name: { type: 'string' },
          },
        },
      ],
    },
  };
}

export function ruleSetJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ruleSetSchema, {
    io: 'input',
    unrepresentable: 'any',
    override(ctx) {
      const stage = (z.globalRegistry.get(ctx.zodSchema) as { conditionsOf?: string } | undefined)?.conditionsOf;
      if (stage) {
        for (const key of Object.keys(ctx.jsonSchema)) delete (ctx.jsonSchema as Record<string, unknown>)[key];
        Object.assign(ctx.jsonSchema, { $ref: `#/$defs/${stage}Conditions` });
      }
    },
  }) as Record<string, unknown>;
  return {
    ...schema,
    title: 'Rule set',
    $defs: Object.assign(
      { ...(schema.$defs as object | undefined) },
      ...cadences.map((c) => conditionDefs(cycleKindDescriptors[c].ruleStage, periodFactsOf(c))),
      conditionDefs('yearEnd', yearEndFactCatalogue),
    ),
  };
}
