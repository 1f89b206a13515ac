// The OpenAPI 3.1 document of the API, written from the route table and the operations app.ts
// mounts: the same zod schemas the handlers parse with give the parameters, request bodies and
// responses, so there is no second copy to drift. Only mounted operations appear, so the
// document names exactly the routes the app serves.
import { roleLabels, roles, type Role } from '../../contracts/roles.js';
import type { MediaResponse, Operation, OperationResponse, Operations, ResponseBody } from '../access/operations.js';
import { routeTable, type Access, type OperationId, type Reach, type RouteSpec } from '../access/routeTable.js';
import { objectProperties, SchemaComponents, type JsonSchema } from './jsonSchema.js';

type Json = Record<string, unknown>;

/** `/decisions/*id/explanation` → `/decisions/{id}/explanation`. */
export function documentPath(expressPath: string): string {
  return expressPath.replace(/[:*](\w+)/g, '{$1}');
}

/** The area an operation is listed under, by the first segment of its path. */
const areas: [tag: string, description: string, segments: string[]][] = [
  [
    '账户 Accounts',
    '登录、邀请、用户、访问令牌、县局 — sign-in, invitations, users, access tokens, counties',
    ['session', 'invitations', 'users', 'tokens', 'counties'],
  ],
  [
    '登记 Registry',
    '社区、民警、联系领导、部门、派出所、责任捆绑、调整岗位 — the registry',
    ['communities', 'officers', 'leaders', 'departments', 'stations', 'bindings', 'reassignments'],
  ],
  ['考核 Figures, cycles and rules', '考核数据、考核周期、规则、审计 — figures, cycles, rule sets, audit', ['metrics', 'cycles', 'rulesets', 'audit']],
  [
    '结果 Results, notices and money',
    '考核结果、奖惩决定、申诉、兑现、通报 — results, decisions, appeals, payments, notices',
    ['evaluations', 'decisions', 'appeals', 'obligations', 'payments', 'notices', 'inbox'],
  ],
  ['驻社区 Presence and records', '驻社区工作日、抽调、警情 — visits, presence, diversions, incidents', ['visits', 'presence', 'diversions', 'incidents']],
];

function tagOf(path: string): string {
  const segment = path.split('/')[1] ?? '';
  return areas.find(([, , segments]) => segments.includes(segment))?.[0] ?? segment;
}

const problemSchema: JsonSchema = {
  type: 'object',
  description: 'RFC 9457 problem details (application/problem+json).',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string', description: 'A URI reference per kind of problem, e.g. /problems/validation.' },
    title: { type: 'string' },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    detail: { type: 'string', description: 'What went wrong, naming the field at fault.' },
    requestId: { type: 'string', description: 'The X-Request-Id of the request, as in the logs.' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['message'],
        properties: {
          pointer: { type: 'string', description: 'JSON pointer into the request body.' },
          parameter: { type: 'string', description: 'A query or path parameter.' },
          line: { type: 'integer', description: 'CSV uploads: the 1-based line.' },
          column: { type: 'string', description: 'CSV uploads: the column name.' },
          message: { type: 'string' },
        },
      },
    },
  },
  additionalProperties: true,
};

const problemResponses: Record<string, string> = {
  '400': 'Malformed request: bad JSON, an unknown or malformed query parameter, a bad cursor',
  '401': 'Not signed in, or the token or session is not valid',
  '403': "The caller's role may not call this operation, the access token does not carry it, or a body field names someone other than the caller",
  '404': "No such object, or it lies outside the caller's reach (another county's, or not the caller's own)",
  '409': 'Conflict with the current state (a duplicate, a state that does not allow it)',
  '413': 'The request body exceeds 1 MB',
  '415': 'The request body is of a media type this operation does not read',
  '422': 'A field is invalid; `errors` and `detail` name it',
  '429': 'Too many attempts; wait for the time in Retry-After',
  default: 'Any other failure, as a problem (500 unexpected, 503 unavailable)',
};

function problemRef(status: string): Json {
  return { $ref: `#/components/responses/Problem${status === 'default' ? 'Default' : status}` };
}

function rolesSentence(spec: RouteSpec): string {
  const access: Access = spec.access;
  if (access === 'anyone') return '**Roles:** anyone, without signing in.';
  const listed = roles
    .filter((r) => access[r] !== undefined)
    .map((r) => `${roleLabels[r]} \`${r}\` (${access[r]})`)
    .join(', ');
  const reaches = new Set(Object.values(access));
  const meanings = [
    ...(reaches.has('county') ? ["`county`: any object of the caller's county (a province reader: of every county)"] : []),
    ...(reaches.has('own') ? [`\`own\`: only the caller's own — ${spec.own ?? 'their own'}`] : []),
  ];
  return `**Roles:** ${listed}. ${meanings.join('; ')}. Other roles get 403; an object outside the caller's reach answers 404.`;
}

const successDescriptions: Record<number, string> = { 200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No content' };

function isMedia(value: ResponseBody): value is MediaResponse {
  return 'mediaType' in value && typeof value.mediaType === 'string';
}

/** The content entry of one answer: JSON of its schema, or a string (binary unless text/*) of its media type. */
function mediaContent(value: ResponseBody, components: SchemaComponents, name: string): [mediaType: string, Json] {
  if (isMedia(value)) {
    const binary = !value.mediaType.startsWith('text/');
    const schema = value.schema
      ? components.of(value.schema as Parameters<SchemaComponents['of']>[0], 'output', name)
      : binary
        ? { type: 'string', format: 'binary' }
        : { type: 'string' };
    return [value.mediaType, { schema }];
  }
  return ['application/json', { schema: components.of(value as Parameters<SchemaComponents['of']>[0], 'output', name) }];
}

/** A success response; a status listing several answers documents each media type, with one description naming them. */
function responseBody(status: number, value: OperationResponse | undefined, components: SchemaComponents, name: string): Json {
  const ok = successDescriptions[status] ?? 'Success';
  if (value === null || value === undefined) return { description: ok };
  const answers: readonly ResponseBody[] = Array.isArray(value) ? value : [value as ResponseBody];
  const content: Record<string, Json> = {};
  for (const answer of answers) {
    const [mediaType, entry] = mediaContent(answer, components, name);
    if (content[mediaType]) throw new Error(`${name}: the response lists ${mediaType} twice`);
    content[mediaType] = entry;
  }
  const described = answers.map((a) => (isMedia(a) ? a.description : ok));
  const description =
    answers.length === 1 ? described[0]! : answers.map((a, i) => `${isMedia(a) ? a.mediaType : 'application/json'}: ${described[i]}`).join('; ');
  return { description, content };
}

function parameters(spec: RouteSpec, op: Operation, components: SchemaComponents, id: string): Json[] {
  const out: Json[] = [];
  const pathParams = [...spec.path.matchAll(/([:*])(\w+)/g)].map(([, kind, name]) => ({ name: name!, rest: kind === '*' }));
  const declared = op.params ? objectProperties(components.of(op.params, 'input', `${id}.params`)) : undefined;
  for (const { name, rest } of pathParams) {
    out.push({
      name,
      in: 'path',
      required: true,
      schema: declared?.properties[name] ?? { type: 'string' },
      ...(rest ? { description: 'May contain slashes, raw or as %2F (e.g. quarterly-2026-Q1/subsidy/o01).' } : {}),
    });
  }
  if (op.query) {
    const { properties, required } = objectProperties(components.of(op.query, 'input', `${id}.query`));
    for (const [name, schema] of Object.entries(properties)) {
      const { description, ...rest } = schema;
      out.push({ name, in: 'query', required: required.has(name), schema: rest, ...(description ? { description } : {}) });
    }
  }
  if (spec.method !== 'get' && spec.access !== 'anyone') out.push({ $ref: '#/components/parameters/CsrfToken' });
  return out;
}

function requestBody(op: Operation, components: SchemaComponents, id: string): Json | undefined {
  if (!op.body && !op.upload) return undefined;
  const content: Record<string, Json> = {};
  if (op.body) content['application/json'] = { schema: components.of(op.body, 'input', `${id}.body`) };
  const notes: string[] = [];
  for (const [mediaType, { description }] of Object.entries(op.upload ?? {})) {
    content[mediaType] =
      mediaType === 'multipart/form-data'
        ? { schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } }
        : { schema: { type: 'string' } };
    notes.push(`${mediaType}: ${description}`);
  }
  return { required: true, content, ...(notes.length ? { description: notes.join('\n\n') } : {}) };
}

function operationObject(id: OperationId, op: Operation, components: SchemaComponents): Json {
  const spec: RouteSpec = routeTable[id];
  const anonymous = spec.access === 'anyone';
  const writes = spec.method !== 'get';
  const hasInput = Boolean(op.body || op.upload || op.query || op.params || spec.path.includes(':') || spec.path.includes('*'));
  const problems = [
    '400',
    ...(anonymous ? ['429'] : ['401', '403']),
    ...(spec.path.includes(':') || spec.path.includes('*') || spec.access !== 'anyone' ? ['404'] : []),
    ...(writes ? ['409'] : []),
    ...(op.body || op.upload ? ['413', '415'] : []),
    ...(hasInput ? ['422'] : []),
    'default',
  ];
  const responses: Json = {};
  for (const [status, value] of Object.entries(op.responses)) {
    responses[status] = responseBody(Number(status), value, components, `${id}.${status}`);
  }
  for (const status of problems) responses[status] ??= problemRef(status);
  const body = requestBody(op, components, id);
  const roleMap: Partial<Record<Role, Reach>> = anonymous ? {} : (spec.access as Partial<Record<Role, Reach>>);
  return {
    operationId: id,
    summary: spec.summary,
    description: rolesSentence(spec),
    tags: [tagOf(spec.path)],
    'x-roles': roleMap,
    ...(anonymous ? { 'x-anonymous': true, security: [] } : {}),
    ...(spec.own ? { 'x-own': spec.own } : {}),
    parameters: parameters(spec, op, components, id),
    ...(body ? { requestBody: body } : {}),
    responses,
  };
}

export interface OpenApiDocument {
  openapi: string;
  info: Json;
  servers: Json[];
  paths: Record<string, Record<string, Json>>;
  components: Json & { schemas: Record<string, JsonSchema> };
  [key: string]: unknown;
}

/** The document for the mounted operations, in route-table order. */
export function buildOpenApi(operations: Partial<Operations>, version = '0.1.0'): OpenApiDocument {
  const components = new SchemaComponents();
  const paths: OpenApiDocument['paths'] = {};
  for (const id of Object.keys(routeTable) as OperationId[]) {
    const op = operations[id];
    if (!op) continue;
    const spec: RouteSpec = routeTable[id];
    (paths[documentPath(spec.path)] ??= {})[spec.method] = operationObject(id, op, components);
  }
  const responses = Object.fromEntries(
    Object.entries(problemResponses).map(([status, description]) => [
      `Problem${status === 'default' ? 'Default' : status}`,
      { description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } },
    ]),
  );
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
    info: {
      title: '社区警务责任捆绑考核 API (community-policing accountability)',
      version,
      description: [
        'Generated from the route table (`src/api/access/routeTable.ts`) and the zod schemas the routes validate with.',
        'Every operation lists the roles that may call it and their reach in `x-roles` (role → `county` | `own`) and in its description.',
        'Every response carries `X-Request-Id` (the one sent, if a token of at most 64 characters `[A-Za-z0-9._-]`, else a new one); problem responses repeat it as `requestId`.',
        'This document (`GET /api/openapi.json`) and its reference page (`GET /api/docs`) are public and outside the route table; so are `/healthz` and `/readyz`.',
      ].join('\n\n'),
    },
    servers: [{ url: '/api' }],
    security: [{ bearer: [] }, { session: [] }],
    tags: areas.map(([name, description]) => ({ name, description })),
    paths,
    components: {
      schemas: { Problem: problemSchema, ...components.schemas },
      responses,
      parameters: {
        CsrfToken: {
          name: 'X-CSRF-Token',
          in: 'header',
          required: false,
          description: 'Required on writes authenticated by the session cookie: the CSRF token sign-in returned. Not needed with a bearer token.',
          schema: { type: 'string' },
        },
      },
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'A personal access token (`cpat_…`, carrying a subset of its user’s operations) or the bootstrap bureau token `npm start` printed.',
        },
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'cp_session',
          description: 'The session cookie sign-in sets (HttpOnly, SameSite=Strict). Writes also send the X-CSRF-Token header.',
        },
      },
    },
  };
}
