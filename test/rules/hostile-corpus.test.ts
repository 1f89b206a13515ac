// Invalid and hostile rule-set documents: every one is refused with a 4xx problem that locates
// it, nothing is stored, the rules in force stay as they were and no prototype is polluted.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ruleSetInForce } from '../../src/db/ruleSets.js';
import { loadDefaultRuleSet } from '../../src/rules/ruleSet.js';
import { freshSqlite, type TestDb } from '../support/db.js';
import { harness, token } from '../api/harness.js';
import { testCounty } from '../support/users.js';

const defaults = loadDefaultRuleSet();
type Doc = any;
const edited = (edit: (d: Doc) => void): string => {
  const doc = structuredClone(defaults) as Doc;
  edit(doc);
  return JSON.stringify(doc);
};
/** Splices raw JSON text in place of a marker value, for keys an object literal cannot carry. */
const spliced = (edit: (d: Doc) => void, raw: string): string => edited(edit).replace('"@@RAW@@"', raw);
const leaf = (d: Doc) => d.rules.quarterly[1].conditions.all[2];
const q0 = '/rules/quarterly/0';
const q1leaf = '/rules/quarterly/1/conditions/all/2';
const deep = (n: number) => '{"all":['.repeat(n) + '{"fact":"isLast","operator":"equal","value":true}' + ']}'.repeat(n);

const corpus: [name: string, body: string, status: number, pointer: string][] = [
  ['an array instead of an object', '[]', 422, ''],
  [
    'a missing name',
    edited((d) => {
      delete d.name;
    }),
    422,
    '/name',
  ],
  [
    'a name of the wrong type',
    edited((d) => {
      d.name = 42;
    }),
    422,
    '/name',
  ],
  [
    'no scoring',
    edited((d) => {
      delete d.scoring;
    }),
    422,
    '/scoring',
  ],
  [
    'an unknown metric',
    edited((d) => {
      d.scoring.metrics.speed = d.scoring.metrics.clues;
    }),
    422,
    '/scoring/metrics/speed',
  ],
  [
    'a negative weight',
    edited((d) => {
      d.scoring.metrics.clues.weight = -5;
    }),
    422,
    '/scoring/metrics/clues/weight',
  ],
  [
    'a subsidy given as text',
    edited((d) => {
      d.parameters.subsidyPerOfficerPerMonth = '500';
    }),
    422,
    '/parameters/subsidyPerOfficerPerMonth',
  ],
  [
    'quarterly rules that are not a list',
    edited((d) => {
      d.rules.quarterly = {};
    }),
    422,
    '/rules/quarterly',
  ],
  [
    'an unknown fact',
    edited((d) => {
      leaf(d).fact = 'scoer';
    }),
    422,
    `${q1leaf}/fact`,
  ],
  [
    'a year-end fact in a quarterly rule',
    edited((d) => {
      leaf(d).fact = 'yearRank';
    }),
    422,
    `${q1leaf}/fact`,
  ],
  [
    'an unknown operator',
    edited((d) => {
      leaf(d).operator = 'lt';
    }),
    422,
    `${q1leaf}/operator`,
  ],
  [
    'an unknown event type',
    edited((d) => {
      d.rules.quarterly[0].event.type = 'fine';
    }),
    422,
    `${q0}/event/type`,
  ],
  [
    'an unknown sanction kind',
    edited((d) => {
      d.rules.quarterly[0].event.params.kinds = ['dismissal'];
    }),
    422,
    `${q0}/event/params/kinds/0`,
  ],
  [
    'a reward amount as text',
    edited((d) => {
      d.rules.yearEnd[0].event.params.amount = '1000';
    }),
    422,
    '/rules/yearEnd/0/event/params/amount',
  ],
  [
    'an unknown honour',
    edited((d) => {
      d.rules.yearEnd[0].event.params.honours = ['medal'];
    }),
    422,
    '/rules/yearEnd/0/event/params/honours/0',
  ],
  [
    'an unknown event param',
    edited((d) => {
      d.rules.quarterly[0].event.params.fine = 100;
    }),
    422,
    `${q0}/event/params`,
  ],
  [
    'a duplicate rule name',
    edited((d) => {
      d.rules.quarterly[1].name = 'last-place';
    }),
    422,
    '/rules/quarterly/1/name',
  ],
  [
    'a boolean fact compared with a number',
    edited((d) => {
      d.rules.quarterly[0].conditions.all[0].value = 1;
    }),
    422,
    `${q0}/conditions/all/0/value`,
  ],
  [
    'a score compared with text',
    edited((d) => {
      leaf(d).value = '80';
    }),
    422,
    `${q1leaf}/value`,
  ],
  [
    'an ordering operator on a boolean fact',
    edited((d) => {
      d.rules.quarterly[0].conditions.all[0].operator = 'greaterThan';
    }),
    422,
    `${q0}/conditions/all/0/value`,
  ],
  [
    '"in" without a list',
    edited((d) => {
      leaf(d).operator = 'in';
    }),
    422,
    `${q1leaf}/value`,
  ],
  [
    'a list operator on a single-value fact',
    edited((d) => {
      leaf(d).operator = 'contains';
    }),
    422,
    `${q1leaf}/operator`,
  ],
  [
    'a list decorator',
    edited((d) => {
      leaf(d).operator = 'someFact:lessThan';
    }),
    422,
    `${q1leaf}/operator`,
  ],
  [
    'a comparison with an unknown fact',
    edited((d) => {
      leaf(d).value = { fact: 'salary' };
    }),
    422,
    `${q1leaf}/value/fact`,
  ],
  [
    'a JSONPath filter',
    edited((d) => {
      leaf(d).path = '$[?(@.score < 80)]';
    }),
    422,
    `${q1leaf}/path`,
  ],
  [
    'a JSONPath script',
    edited((d) => {
      leaf(d).path = "$..[(@.constructor.constructor('return process')().exit())]";
    }),
    422,
    `${q1leaf}/path`,
  ],
  [
    'a JSONPath recursive descent',
    edited((d) => {
      leaf(d).path = '$..score';
    }),
    422,
    `${q1leaf}/path`,
  ],
  [
    'fact params',
    edited((d) => {
      leaf(d).params = { id: 1 };
    }),
    422,
    `${q1leaf}/params`,
  ],
  [
    'a shared condition reference',
    edited((d) => {
      d.rules.quarterly[0].conditions.all[0] = { condition: 'isLastShared' };
    }),
    422,
    `${q0}/conditions/all/0/condition`,
  ],
  [
    'an empty "all"',
    edited((d) => {
      d.rules.quarterly[0].conditions.all = [];
    }),
    422,
    `${q0}/conditions/all`,
  ],
  [
    'a priority of zero',
    edited((d) => {
      d.rules.quarterly[0].priority = 0;
    }),
    422,
    `${q0}/priority`,
  ],
  [
    'a misspelt half-year stage',
    edited((d) => {
      d.rules.halfyear = d.rules.quarterly;
    }),
    422,
    '/rules',
  ],
  [
    'monthly rules that are not a list',
    edited((d) => {
      d.rules.monthly = { rules: [] };
    }),
    422,
    '/rules/monthly',
  ],
  [
    'a year-end fact in a monthly rule',
    edited((d) => {
      d.rules.monthly = structuredClone(d.rules.quarterly);
      d.rules.monthly[1].conditions.all[2].fact = 'yearScore';
    }),
    422,
    '/rules/monthly/1/conditions/all/2/fact',
  ],
  [
    'a reward in a half-year rule',
    edited((d) => {
      d.rules.halfYear = [{ ...d.rules.quarterly[0], event: d.rules.yearEnd[0].event }];
    }),
    422,
    '/rules/halfYear/0/event/type',
  ],
  ['__proto__ at the top', edited(() => undefined).replace('{', '{"__proto__":{"polluted":"yes"},'), 422, '/__proto__'],
  [
    '__proto__ inside a condition',
    spliced((d) => {
      d.rules.quarterly[0].conditions.all[0] = '@@RAW@@';
    }, '{"__proto__":{"polluted":"yes"},"fact":"isLast","operator":"equal","value":true}'),
    422,
    `${q0}/conditions/all/0/__proto__`,
  ],
  [
    'a constructor key in params',
    spliced((d) => {
      d.rules.quarterly[0].event.params = '@@RAW@@';
    }, '{"constructor":{"prototype":{"polluted":"yes"}},"kinds":["admonishment-talk"]}'),
    422,
    `${q0}/event/params/constructor`,
  ],
  [
    'a prototype key in scoring',
    spliced((d) => {
      d.scoring = '@@RAW@@';
    }, '{"prototype":{"polluted":"yes"}}'),
    422,
    '/scoring/prototype',
  ],
  [
    '1,000-deep nesting',
    spliced((d) => {
      d.rules.quarterly[0].conditions = '@@RAW@@';
    }, deep(1000)),
    422,
    `${q0}/conditions` + '/all/0'.repeat(14),
  ],
  [
    '5,000-deep nesting',
    spliced((d) => {
      d.rules.quarterly[0].conditions = '@@RAW@@';
    }, deep(5000)),
    422,
    `${q0}/conditions` + '/all/0'.repeat(14),
  ],
  [
    '100,000-deep nesting',
    spliced((d) => {
      d.rules.quarterly[0].conditions = '@@RAW@@';
    }, deep(100_000)),
    422,
    `${q0}/conditions` + '/all/0'.repeat(14),
  ],
  ['100,000-deep arrays at the top', '['.repeat(100_000) + ']'.repeat(100_000), 422, '/0'.repeat(32)],
  [
    'a rule named __proto__',
    edited((d) => {
      d.rules.quarterly[0].name = '__proto__';
    }),
    422,
    `${q0}/name`,
  ],
  [
    'a rule named constructor',
    edited((d) => {
      d.rules.yearEnd[0].name = 'constructor';
    }),
    422,
    '/rules/yearEnd/0/name',
  ],
  [
    'a rule named hasOwnProperty',
    edited((d) => {
      d.rules.quarterly[1].name = 'hasOwnProperty';
    }),
    422,
    '/rules/quarterly/1/name',
  ],
  [
    'a fact named __proto__',
    edited((d) => {
      leaf(d).fact = '__proto__';
    }),
    422,
    `${q1leaf}/fact`,
  ],
  [
    'a fact named toString',
    edited((d) => {
      leaf(d).fact = 'toString';
    }),
    422,
    `${q1leaf}/fact`,
  ],
  [
    'a comparison with a fact named constructor',
    edited((d) => {
      leaf(d).value = { fact: 'constructor' };
    }),
    422,
    `${q1leaf}/value/fact`,
  ],
  [
    'a valueOf key in a rule',
    spliced((d) => {
      d.rules.quarterly[0] = '@@RAW@@';
    }, '{"valueOf":1,"name":"x","conditions":{"all":[{"fact":"isLast","operator":"equal","value":true}]},"event":{"type":"sanction","params":{"kinds":["admonishment-talk"]}}}'),
    422,
    `${q0}/valueOf`,
  ],
  [
    'more than 20,000 values',
    edited((d) => {
      d.description = undefined;
      d.extra = new Array(25_000).fill(0);
    }),
    422,
    '',
  ],
  [
    'an overlong string',
    edited((d) => {
      d.description = 'x'.repeat(5000);
    }),
    422,
    '/description',
  ],
  ['malformed JSON', '{"name": "x",', 400, ''],
  ['a 5 MB body', JSON.stringify({ ...defaults, description: 'x'.repeat(5 * 1024 * 1024) }), 413, ''],
];

let t: TestDb;
let h: Awaited<ReturnType<typeof harness>>;
let inForceBefore: Awaited<ReturnType<typeof ruleSetInForce>>;

const send = (path: string, text: string) =>
  request(h.app).post(path).set('Authorization', `Bearer ${token}`).set('Content-Type', 'application/json').send(text);

beforeAll(async () => {
  t = await freshSqlite('hostile-corpus');
  h = await harness(t.db);
  inForceBefore = await ruleSetInForce(t.db, testCounty, '2026-12-31');
});
afterAll(() => t.drop());

describe('hostile and invalid rule-set documents', () => {
  it('has at least thirty of them', () => expect(corpus.length).toBeGreaterThanOrEqual(30));

  it.each(corpus)('refuses %s on validate and on create, located', async (_, body, status, pointer) => {
    const validate = await send('/api/rulesets/validate', body);
    const create = await send('/api/rulesets', status === 422 ? `{"effectiveFrom":"2026-07-01","reason":"try","document":${body}}` : body);
    for (const [res, at] of [
      [validate, pointer],
      [create, `/document${pointer}`],
    ] as const) {
      expect(res.type).toBe('application/problem+json');
      expect(res.status).toBe(status);
      if (status === 422) {
        expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ pointer: at, message: expect.any(String) })]));
        expect(res.body.detail).toMatch(/^\/|^request body/);
        expect(res.body.detail).not.toMatch(/call stack|unexpected error/i);
      } else {
        expect(res.body.detail).toEqual(expect.any(String));
      }
    }
  });

  it('lists every problem of a document, not only the first', async () => {
    const res = await send(
      '/api/rulesets/validate',
      edited((d) => {
        leaf(d).fact = 'scoer';
        d.rules.quarterly[0].event.type = 'fine';
        d.parameters.subsidyDueDays = -1;
      }),
    );
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(
      ['/parameters/subsidyDueDays', `${q0}/event/type`, `${q1leaf}/fact`].sort(),
    );
  });

  it('leaves no prototype polluted and the rules in force untouched', async () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(await t.db.ruleSetVersion.count()).toBe(1);
    expect(await ruleSetInForce(t.db, testCounty, '2026-12-31')).toEqual(inForceBefore);
    expect(await t.db.auditEntry.count({ where: { entity: 'RuleSetVersion' } })).toBe(0);
  });

  it('names the limit a deep document breaks', async () => {
    for (const levels of [5000, 100_000]) {
      const res = await send(
        '/api/rulesets/validate',
        spliced((d) => {
          d.rules.quarterly[0].conditions = '@@RAW@@';
        }, deep(levels)),
      );
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([{ pointer: `${q0}/conditions` + '/all/0'.repeat(14), message: 'nested deeper than 32 levels' }]);
    }
  });

  it('accepts the default document', async () => {
    const res = await send('/api/rulesets/validate', JSON.stringify(defaults));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ valid: true, name: defaults.name, rules: { quarterly: 2, yearEnd: 3 } });
  });
});
