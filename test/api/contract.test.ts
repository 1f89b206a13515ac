// The API contract (issue 11, items 5 and 6): the OpenAPI document names exactly the routes the
// app serves and is valid OpenAPI 3.1 whose schemas compile; responses are checked against it
// (and the check can fail); /api/docs is Swagger UI from local files; every response has the
// security headers and a request id, which problem bodies and the JSON logs carry; the logs hold
// no credentials.
import express, { type Router } from 'express';
import request from 'supertest';
import { z } from 'zod';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.js';
import { mountOperations, type Operation, type Operations } from '../../src/api/access/operations.js';
import { routeTable, type OperationId } from '../../src/api/access/routeTable.js';
import { buildOpenApi, documentPath, type OpenApiDocument } from '../../src/api/openapi/document.js';
import { problemHandler } from '../../src/api/problem.js';
import { cycleId } from '../../src/contracts/cycles.js';
import { requestId } from '../../src/api/requestId.js';
import type { Db } from '../../src/db/client.js';
import { contractChecker, operationFor } from '../support/contract.js';
import { freshSqlite, type TestDb } from '../support/db.js';
import { testCounty } from '../support/users.js';
import { harness, recordingLogger, RecordingCycles, RecordingSignals, token } from './harness.js';

let t: TestDb;
let db: Db;
let h: Awaited<ReturnType<typeof harness>>;

beforeAll(async () => {
  t = await freshSqlite('api-contract');
  db = t.db;
  h = await harness(db);
});
afterAll(async () => t?.drop());

const ok: Operation['handler'] = (_req, res) => {
  res.json({});
};

/** Operations exercising every part of the builder: query, params (also `*id`), JSON and upload bodies, CSV, 204, recursion. */
const row = z.looseObject({ id: z.string(), name: z.string(), population: z.number().int(), email: z.string().nullable() });
type Tree = { name: string; children: Tree[] };
const tree: z.ZodType<Tree> = z.lazy(() => z.object({ name: z.string(), children: z.array(tree) }));
const fakeOperations: Partial<Operations> = {
  signIn: { body: z.object({ userId: z.string(), password: z.string() }), responses: { 200: z.object({ userId: z.string(), role: z.string() }) }, handler: ok },
  signOut: { responses: { 204: null }, handler: ok },
  listCommunities: {
    query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100), cursor: z.string().optional() }).strict(),
    responses: { 200: z.array(row) },
    handler: ok,
  },
  createCommunity: { body: z.object({ id: z.string(), name: z.string() }), responses: { 201: row }, handler: ok },
  getDecision: {
    params: z.object({ id: z.string().min(1) }),
    responses: { 200: z.looseObject({ id: z.string(), amount: z.number().nullable() }) },
    handler: ok,
  },
  getPresenceMonth: {
    params: z.object({ leaderId: z.string(), month: z.string().regex(/^\d{4}-\d{2}$/) }),
    responses: { 200: z.looseObject({ days: z.number() }) },
    handler: ok,
  },
  uploadFiguresCsv: {
    upload: { 'text/csv': { description: 'the CSV itself' }, 'multipart/form-data': { description: 'the CSV as the file part' } },
    responses: { 200: z.object({ stored: z.number().int() }) },
    handler: ok,
  },
  getPaymentReconciliation: { responses: { 200: { mediaType: 'text/csv', description: 'the reconciliation as CSV' } }, handler: ok },
  getRuleSchema: { responses: { 200: tree }, handler: ok },
};

/** Every JSON schema of the document compiles under JSON Schema 2020-12 (refs into components resolve). */
function compileEverySchema(document: OpenApiDocument): number {
  const ajv = new Ajv2020({ strict: false });
  formats.default(ajv);
  const id = 'https://contract.test/doc.json';
  const relocate = (s: unknown) => JSON.parse(JSON.stringify(s).replaceAll('"#/components/schemas/', `"${id}#/$defs/`)) as object;
  ajv.addSchema({ $id: id, $defs: relocate(document.components.schemas) });
  let n = 0;
  const visit = (node: unknown, key?: string) => {
    if (Array.isArray(node)) return node.forEach((x) => visit(x));
    if (typeof node !== 'object' || node === null) return;
    if (key === 'schema') {
      ajv.compile(relocate(node));
      n++;
      return;
    }
    for (const [k, v] of Object.entries(node)) visit(v, k);
  };
  visit(document.paths);
  visit(document.components.responses);
  visit(document.components.parameters);
  for (const name of Object.keys(document.components.schemas)) {
    ajv.getSchema(`${id}#/$defs/${name.replaceAll('~', '~0').replaceAll('/', '~1')}`);
    n++;
  }
  return n;
}

/** The fields OpenAPI 3.1 requires, and the rules about paths and parameters it states. */
function expectValidOpenApi(document: OpenApiDocument) {
  expect(document.openapi).toMatch(/^3\.1\.\d+$/);
  expect(document.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
  const ids = new Set<string>();
  for (const [path, item] of Object.entries(document.paths)) {
    expect(path).toMatch(/^\//);
    for (const [method, op] of Object.entries(item) as [string, Record<string, any>][]) {
      expect(['get', 'post', 'put', 'patch', 'delete']).toContain(method);
      expect(ids.has(op.operationId), `duplicate operationId ${op.operationId}`).toBe(false);
      ids.add(op.operationId);
      const templated = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const declared = (op.parameters as Record<string, any>[]).filter((p) => p.in === 'path');
      expect(declared.map((p) => p.name).sort(), `${method} ${path}`).toEqual(templated.sort());
      for (const p of declared) expect(p.required).toBe(true);
      expect(
        Object.keys(op.responses).some((s) => /^2\d\d$/.test(s)),
        `${op.operationId} has a success response`,
      ).toBe(true);
      for (const response of Object.values(op.responses) as Record<string, any>[]) {
        expect(response.$ref ?? response.description, `${op.operationId}: a response without description`).toBeTruthy();
      }
      expect(op['x-roles']).toBeTypeOf('object');
      expect(op.description).toMatch(/Roles:/);
    }
  }
  for (const response of Object.values(document.components.responses as Record<string, any>)) expect(response.description).toBeTruthy();
  expect(compileEverySchema(document)).toBeGreaterThan(0);
}

/** Method and path of every route-table route mounted right on the app's /api router. */
function mountedRoutes(app: express.Express): Set<string> {
  const stack = (app as unknown as { router: Router }).router.stack as any[];
  const api = stack.find((layer) => layer.handle?.stack && layer.match('/api/x') && !layer.match('/elsewhere'));
  expect(api, 'the /api router').toBeDefined();
  const routes = new Set<string>();
  for (const layer of api.handle.stack as any[]) {
    if (!layer.route) continue;
    for (const method of Object.keys(layer.route.methods)) routes.add(`${method} ${layer.route.path}`);
  }
  return routes;
}

describe('the OpenAPI document', () => {
  it('is served at /api/openapi.json without a token, and lists exactly the routes the app mounts from the route table', async () => {
    const res = await request(h.app).get('/api/openapi.json').expect(200);
    expect(res.type).toBe('application/json');
    const document = res.body as OpenApiDocument;
    const inDocument = new Set(Object.entries(document.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method} ${path}`)));
    const mounted = mountedRoutes(h.app);
    // Every route mounted right on /api is a route-table entry, listed in the document …
    for (const route of mounted) {
      const [method, path] = route.split(' ') as [string, string];
      const entry = Object.entries(routeTable).find(([, spec]) => spec.method === method && spec.path === path);
      expect(entry, `${route} is mounted but not in the route table`).toBeDefined();
      expect(inDocument.has(`${method} ${documentPath(path)}`), `${route} is mounted but not in the document`).toBe(true);
    }
    // … and every operation of the document is mounted, under the route table's id.
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, op] of Object.entries(item) as [string, { operationId: OperationId }][]) {
        const spec = routeTable[op.operationId];
        expect(spec, `${method} ${path}: operationId ${op.operationId} is no route-table id`).toBeDefined();
        expect(`${spec.method} ${documentPath(spec.path)}`).toBe(`${method} ${path}`);
        expect(mounted.has(`${spec.method} ${spec.path}`), `${op.operationId} is in the document but not mounted`).toBe(true);
      }
    }
    expect(inDocument.size).toBe(mounted.size);
    // … and that is the whole route table.
    expect(mounted.size).toBe(Object.keys(routeTable).length);
    expectValidOpenApi(document);
  });

  it('is written from the operations: parameters, bodies, uploads, responses, problems, roles and security', () => {
    const document = buildOpenApi(fakeOperations);
    expectValidOpenApi(document);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/session', '/communities', '/decisions/{id}', '/presence/{leaderId}/{month}', '/metrics/csv', '/payments/reconciliation']),
    );
    expect(document.servers).toEqual([{ url: '/api' }]);
    expect(document.components.securitySchemes).toMatchObject({
      bearer: { type: 'http', scheme: 'bearer' },
      session: { type: 'apiKey', in: 'cookie', name: 'cp_session' },
    });

    const signIn = document.paths['/session']!.post as Record<string, any>;
    expect(signIn).toMatchObject({ operationId: 'signIn', summary: '登录', security: [], 'x-anonymous': true, tags: ['账户 Accounts'] });
    expect(signIn.requestBody.content['application/json'].schema).toMatchObject({ type: 'object', required: ['userId', 'password'] });
    expect(Object.keys(signIn.responses)).toEqual(expect.arrayContaining(['200', '400', '422', '429']));
    expect(signIn.responses['401']).toBeUndefined();
    expect(signIn.description).toContain('anyone');

    const signOut = document.paths['/session']!.delete as Record<string, any>;
    expect(signOut.responses['204']).toEqual({ description: 'No content' });
    expect(signOut.security).toBeUndefined();
    expect(signOut['x-roles']).toMatchObject({ 'bureau-staff': 'own', leader: 'own' });
    expect(signOut.description).toContain("`own`: only the caller's own — the caller");
    expect(signOut.parameters).toContainEqual({ $ref: '#/components/parameters/CsrfToken' });

    const list = document.paths['/communities']!.get as Record<string, any>;
    expect(list.parameters).toEqual([
      { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 500, default: 100 } },
      { name: 'cursor', in: 'query', required: false, schema: { type: 'string' } },
    ]);
    expect(list.responses['200'].content['application/json'].schema).toMatchObject({
      type: 'array',
      items: { required: ['id', 'name', 'population', 'email'] },
    });
    expect(list['x-roles']).toEqual(routeTable.listCommunities.access);
    expect(list.description).toContain("`county`: any object of the caller's county");
    expect(Object.keys(list.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404', '422', 'default']));

    const decision = document.paths['/decisions/{id}']!.get as Record<string, any>;
    expect(decision.parameters[0]).toMatchObject({ name: 'id', in: 'path', required: true, schema: { type: 'string', minLength: 1 } });
    expect(decision.parameters[0].description).toContain('slashes');
    expect(decision['x-own']).toBe('naming the officer');

    const month = document.paths['/presence/{leaderId}/{month}']!.get as Record<string, any>;
    expect(month.parameters.map((p: any) => p.name)).toEqual(['leaderId', 'month']);
    expect(month.parameters[1].schema.pattern).toBeDefined();

    const csv = document.paths['/metrics/csv']!.post as Record<string, any>;
    expect(Object.keys(csv.requestBody.content).sort()).toEqual(['multipart/form-data', 'text/csv']);
    expect(csv.requestBody.content['multipart/form-data'].schema.properties.file).toEqual({ type: 'string', format: 'binary' });
    expect(Object.keys(csv.responses)).toEqual(expect.arrayContaining(['409', '413', '415', '422']));

    const reconciliation = document.paths['/payments/reconciliation']!.get as Record<string, any>;
    expect(reconciliation.responses['200']).toEqual({ description: 'the reconciliation as CSV', content: { 'text/csv': { schema: { type: 'string' } } } });

    // A schema that refers to itself becomes a component, its refs pointing there.
    const schema = document.paths['/rulesets/schema']!.get as Record<string, any>;
    expect(schema.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/getRuleSchema.200' });
    expect(JSON.stringify(document.components.schemas['getRuleSchema.200'])).toContain('"$ref":"#/components/schemas/getRuleSchema.200"');

    expect(document.components.schemas.Problem).toMatchObject({ required: ['type', 'title', 'status', 'detail'] });
    expect((document.components.responses as any).Problem404.content['application/problem+json'].schema).toEqual({ $ref: '#/components/schemas/Problem' });
  });
});

describe('checking responses against the document', () => {
  /** A small app serving the fake operations with the real check of who may call them, and wrong answers where asked. */
  function fakeApp(wrong: boolean) {
    const ops: Partial<Operations> = {
      ...fakeOperations,
      signIn: {
        ...fakeOperations.signIn!,
        handler: (_req, res) => {
          res.json(wrong ? { userId: 42 } : { userId: 'u1', role: 'leader' });
        },
      },
      getRuleSchema: {
        ...fakeOperations.getRuleSchema!,
        handler: (_req, res) => void res.json({ name: 'a', children: [{ name: 'b', children: wrong ? [{}] : [] }] }),
      },
      getPaymentReconciliation: {
        ...fakeOperations.getPaymentReconciliation!,
        handler: (_req, res) => void res.type(wrong ? 'application/json' : 'text/csv').send('[]'),
      },
    };
    const app = express();
    app.use(requestId);
    // A bureau clerk when the request says so; else anonymous.
    app.use((req, res, next) => {
      if (req.get('x-test-clerk')) {
        res.locals.principal = {
          userId: 'clerk',
          role: 'bureau-staff',
          countyId: 'test-county',
          subjectId: null,
          auth: { method: 'token', credentialId: 't' },
        };
      }
      next();
    });
    const api = express.Router();
    api.use(express.json());
    mountOperations(api, ops);
    app.use('/api', api);
    app.use(problemHandler(recordingLogger()));
    return { app, check: contractChecker(buildOpenApi(ops)) };
  }

  it('passes right bodies and problems, and fails a wrong body, content type or undocumented status with a clear message', async () => {
    const good = fakeApp(false);
    const bad = fakeApp(true);
    const run = async (x: ReturnType<typeof fakeApp>, method: 'get' | 'post', path: string, body?: object) => {
      const agent = request(x.app);
      const r = (method === 'get' ? agent.get(path) : agent.post(path)).set(path.includes('session') ? {} : { 'x-test-clerk': '1' });
      const res = await (body ? r.send(body) : r);
      return () => x.check(method, path, res);
    };
    expect(await run(good, 'post', '/api/session', { userId: 'u1', password: 'p' })).not.toThrow();
    expect(await run(good, 'get', '/api/rulesets/schema')).not.toThrow();
    expect(await run(good, 'get', '/api/payments/reconciliation')).not.toThrow();
    // The anonymous caller of an operation that needs a sign-in gets a 401 problem, which is documented.
    const anonymous = await request(good.app).get('/api/rulesets/schema');
    expect(anonymous.status).toBe(401);
    expect(() => good.check('get', '/api/rulesets/schema', anonymous)).not.toThrow();

    expect(await run(bad, 'post', '/api/session', { userId: 'u1', password: 'p' })).toThrow(
      /contract: POST \/api\/session → 200: the body does not match signIn's 200 response[\s\S]*\(body\) must have required property 'role'[\s\S]*\/userId must be string/,
    );
    expect(await run(bad, 'get', '/api/rulesets/schema')).toThrow(
      /getRuleSchema's 200 response[\s\S]*\/children\/0\/children\/0 must have required property 'name'/,
    );
    expect(await run(bad, 'get', '/api/payments/reconciliation')).toThrow(/answered application\/json; the document says text\/csv/);

    // A problem body that is not a problem fails too.
    const check = contractChecker(buildOpenApi(fakeOperations));
    expect(() => check('get', '/api/communities', { status: 404, type: 'application/problem+json', body: { detail: 'x' } })).toThrow(
      /must have required property 'type'/,
    );
    // A success status the operation does not document fails; an undocumented failure status falls to `default`, a problem.
    expect(() => check('get', '/api/communities', { status: 201, type: 'application/json', body: [] })).toThrow(
      /GET \/api\/communities → 201: status 201 is not documented for listCommunities/,
    );
    expect(() => check('get', '/api/communities', { status: 503, type: 'application/problem+json', body: [] })).toThrow(/must be object/);
  });

  it('is wired into the harness clients, which pass what the document does not list yet', async () => {
    const res = await h.api.get('/api/nowhere?x=1').expect(404);
    expect(res.body.requestId).toBe(res.headers['x-request-id']);
    const leader = await h.as({ role: 'leader', subjectId: 'L01' });
    await leader.get('/api/communities');
    expect(h.document.openapi).toBe('3.1.0');
  });

  it('reads the mounted routes off the router as the document test does', () => {
    const { app } = fakeApp(false);
    const fromDocument = Object.entries(buildOpenApi(fakeOperations).paths).flatMap(([path, item]) => Object.keys(item).map((m) => `${m} ${path}`));
    expect([...mountedRoutes(app)].map((r) => r.replace(/[:*](\w+)/g, '{$1}')).sort()).toEqual(fromDocument.sort());
  });

  it('finds the operation as Express would: table order, `*id` across slashes, query strings ignored', () => {
    expect(operationFor('GET', '/api/decisions/quarterly-2026-Q1/subsidy/o01/explanation')).toBe('getDecisionExplanation');
    expect(operationFor('GET', '/api/decisions/quarterly-2026-Q1/subsidy/o01')).toBe('getDecision');
    expect(operationFor('GET', '/api/obligations/2026-Q1/subsidy/o01/appeals?limit=2')).toBe('listObligationAppeals');
    expect(operationFor('GET', '/api/rulesets/diff?from=1&to=2')).toBe('diffRuleSets');
    expect(operationFor('GET', '/api/rulesets/7')).toBe('getRuleSet');
    expect(operationFor('POST', '/api/visits/3/confirmation')).toBe('answerVisit');
    expect(operationFor('GET', '/api/nowhere')).toBeUndefined();
  });

  it('skips, while not strict, what the document does not list yet; strict, it fails', () => {
    const check = contractChecker(buildOpenApi({}), { strict: true });
    expect(() => check('get', '/api/communities', { status: 200, type: 'application/json', body: [] })).toThrow(
      /listCommunities is not in the OpenAPI document/,
    );
    expect(() => check('get', '/api/nowhere', { status: 200, type: 'application/json', body: [] })).toThrow(/no operation of the route table/);
    const lenient = contractChecker(buildOpenApi({}), { strict: false });
    expect(() => lenient('get', '/api/communities', { status: 200, type: 'application/json', body: [] })).not.toThrow();
  });
});

describe('the reference page /api/docs', () => {
  it('is HTML loading only local Swagger UI files and an init script, no inline script, under the CSP', async () => {
    const res = await request(h.app).get('/api/docs').expect(200);
    expect(res.type).toBe('text/html');
    const urls = [...res.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(urls).toEqual(
      expect.arrayContaining(['/api/docs/swagger-ui.css', '/api/docs/swagger-ui-bundle.js', '/api/docs/swagger-ui-standalone-preset.js', '/api/docs/init.js']),
    );
    for (const url of urls) expect(url).toMatch(/^\/api\/docs\//);
    expect(res.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(res.text).not.toMatch(/https?:\/\//);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    for (const url of urls) {
      const asset = await request(h.app).get(url);
      expect(asset.status, url).toBe(200);
      expect(asset.body.length || asset.text.length, url).toBeGreaterThan(0);
    }
    const init = await request(h.app).get('/api/docs/init.js');
    expect(init.type).toBe('text/javascript');
    expect(init.text).toContain("url: '/api/openapi.json'");
    expect((await request(h.app).get('/api/docs/')).status).toBe(200);
    // Only the files the page loads: not the package's own index or its petstore initializer.
    expect((await request(h.app).get('/api/docs/swagger-initializer.js')).status).toBe(404);
  });
});

describe('security headers and request ids', () => {
  const paths = ['/healthz', '/readyz', '/api/openapi.json', '/api/docs', '/api/docs/swagger-ui.css', '/api/communities', '/api/nowhere'];

  it('puts helmet’s headers and an X-Request-Id on every response: probes, API, docs, errors', async () => {
    for (const path of paths) {
      for (const auth of [{}, { Authorization: `Bearer ${token}` }, { Authorization: 'Bearer not-a-token-at-all' }]) {
        const res = await request(h.app).get(path).set(auth);
        expect(res.headers['content-security-policy'], path).toContain("default-src 'self'");
        expect(res.headers['x-content-type-options'], path).toBe('nosniff');
        expect(res.headers['x-frame-options'], path).toBe('SAMEORIGIN');
        expect(res.headers['strict-transport-security'], path).toMatch(/max-age=/);
        expect(res.headers['x-powered-by'], path).toBeUndefined();
        expect(res.headers['x-request-id'], path).toMatch(/^[0-9a-f-]{36}$/);
      }
    }
  });

  it('keeps a sane X-Request-Id, replaces any other, and repeats it in problem bodies', async () => {
    const given = await request(h.app).get('/api/nowhere').set('X-Request-Id', 'edge-proxy.42_a-B');
    expect(given.headers['x-request-id']).toBe('edge-proxy.42_a-B');
    expect(given.body).toMatchObject({ status: 404, requestId: 'edge-proxy.42_a-B' });
    for (const bad of ['x'.repeat(65), 'has space', 'semi;colon', '"quoted"', '']) {
      const res = await request(h.app).get('/api/nowhere').set('X-Request-Id', bad);
      expect(res.headers['x-request-id'], bad).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(res.body.requestId).toBe(res.headers['x-request-id']);
    }
    const unauthorized = await request(h.app).get('/api/communities').set('Authorization', 'Bearer wrong-token-0000000');
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.body.requestId).toBe(unauthorized.headers['x-request-id']);
    const two = await Promise.all([request(h.app).get('/healthz'), request(h.app).get('/healthz')]);
    expect(two[0].headers['x-request-id']).not.toBe(two[1].headers['x-request-id']);
  });
});

describe('JSON logs', () => {
  it('writes one line per request with method, path, status, duration, request id and the user, and no credentials', async () => {
    const log = recordingLogger();
    const app = createApp({ db, cycles: new RecordingCycles(), signals: new RecordingSignals(), logger: log, clock: () => new Date('2026-03-15T08:00:00Z') });
    const leaderToken = await (async () => {
      const { tokenFor } = await import('../support/users.js');
      return tokenFor(db, { role: 'leader', subjectId: 'L01' });
    })();
    await request(app).get('/api/communities?limit=1').set('Authorization', `Bearer ${leaderToken}`).set('X-Request-Id', 'req-leader-1');
    await request(app).get('/api/communities').set('Authorization', `Bearer ${token}`).set('Cookie', 'cp_session=cookie-secret-value; other=1');
    await request(app)
      .post('/api/session')
      .set('X-CSRF-Token', 'csrf-secret-value')
      .send({ userId: 'someone', password: 'password-secret-value', code: 'invitation-secret-code' });
    await request(app).get('/healthz');

    const [leader, clerk, signIn, health] = log.requests;
    expect(log.requests).toHaveLength(4);
    expect(leader).toMatchObject({
      level: 30,
      requestId: 'req-leader-1',
      method: 'GET',
      path: '/api/communities',
      status: expect.any(Number),
      durationMs: expect.any(Number),
      user: { id: 'leader:L01', role: 'leader', countyId: 'test-county', auth: 'token', credentialId: expect.stringMatching(/^tok_/) },
      msg: expect.stringMatching(/^GET \/api\/communities \d{3}$/),
      time: expect.any(String),
    });
    expect(clerk).toMatchObject({ method: 'GET', user: { id: 'tester', role: 'bureau-staff', auth: 'bootstrap' } });
    expect(signIn).toMatchObject({ method: 'POST', path: '/api/session' });
    expect(signIn!.user).toBeUndefined();
    expect(health).toMatchObject({ path: '/healthz', status: 200 });
    for (const line of log.requests) expect(Object.keys(line).sort()).toEqual(expect.arrayContaining(['requestId', 'method', 'path', 'status', 'durationMs']));

    for (const secret of [leaderToken, token, 'cookie-secret-value', 'csrf-secret-value', 'password-secret-value', 'invitation-secret-code']) {
      expect(log.text).not.toContain(secret);
    }
    expect(log.text).not.toMatch(/authorization|set-cookie|"cookie"|"headers"/i);
  });

  it('redacts credentials wherever a line carries them, and logs an unexpected error with its request id', async () => {
    const log = recordingLogger();
    log.info(
      { password: 'p1', body: { code: 'c1', newPassword: 'p2' }, headers: { authorization: 'Bearer t1', cookie: 'k1' }, token: 't2', user: { token: 't3' } },
      'x',
    );
    expect(log.text).not.toMatch(/p1|c1|p2|t1|k1|t2|t3/);
    expect(log.lines[0]).toMatchObject({ password: '[redacted]', body: { code: '[redacted]' }, headers: { authorization: '[redacted]' } });
    // An untyped `log.warn(message, err)` keeps the error too, serialized.
    (log.warn as (...args: unknown[]) => void)('delivery could not be started', new Error('temporal unreachable'));
    expect(log.warnings[0]).toMatchObject({ msg: 'delivery could not be started', err: { message: 'temporal unreachable', type: 'Error' } });

    h.cycles.statusError = new Error('connection refused to 10.0.0.7:7233');
    try {
      // A cycle of the caller's county (its id names the county), so the route asks the cycle port, which fails.
      const res = await request(h.app)
        .get(`/api/cycles/${cycleId('quarterly', '2025-Q3', testCounty)}`)
        .set('Authorization', `Bearer ${token}`)
        .set('X-Request-Id', 'req-500');
      expect(res.status).toBe(500);
      expect(res.body).toMatchObject({ requestId: 'req-500' });
      expect(res.body.detail).not.toContain('10.0.0.7');
      const error = h.logger.errors.at(-1)!;
      expect(error).toMatchObject({ level: 50, requestId: 'req-500', err: { message: 'connection refused to 10.0.0.7:7233' } });
      expect(h.logger.requests.at(-1)).toMatchObject({ level: 50, requestId: 'req-500', status: 500 });
    } finally {
      h.cycles.statusError = undefined;
    }
  });
});
