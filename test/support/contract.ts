// Checks a response against the OpenAPI document: the operation by method and path (matched as
// Express matches the route table's paths, in table order), the response by status (or the
// document's `default`), the media type, and a JSON body against the response's schema with ajv.
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { routeTable, type OperationId, type RouteSpec } from '../../src/api/access/routeTable.js';
import { documentPath, type OpenApiDocument } from '../../src/api/openapi/document.js';

/**
 * A request to a route-table path whose operation is not in the document fails, as does any
 * request under /api that matches no route-table entry and does not answer a 404 problem.
 */
export const strictContract = true;

export interface CheckedResponse {
  status: number;
  type: string;
  body: unknown;
  text?: string;
}

const componentsId = 'https://contract.test/components.json';

function tablePattern(path: string): RegExp {
  const source = path
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.startsWith('*') ? '.+' : segment.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}/?$`);
}

const matchers = (Object.entries(routeTable) as [OperationId, RouteSpec][]).map(([id, spec]) => ({ id, spec, pattern: tablePattern(spec.path) }));

/** The route-table operation Express would serve the request with, if any. */
export function operationFor(method: string, url: string): OperationId | undefined {
  const path = url.split('?')[0]!.replace(/^\/api(?=\/)/, '');
  const m = method.toLowerCase();
  return matchers.find((x) => x.spec.method === m && x.pattern.test(path))?.id;
}

export function contractChecker(document: OpenApiDocument, options: { strict?: boolean } = {}) {
  const strict = options.strict ?? strictContract;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  // ajv-formats is CommonJS: its plugin is the module's `default`.
  formats.default(ajv);
  const relocate = (schema: unknown) => JSON.parse(JSON.stringify(schema).replaceAll('"#/components/schemas/', `"${componentsId}#/$defs/`)) as object;
  ajv.addSchema({ $id: componentsId, $defs: relocate(document.components.schemas) });
  const compiled = new Map<string, ValidateFunction>();
  const validator = (key: string, schema: unknown) => {
    let v = compiled.get(key);
    if (!v) compiled.set(key, (v = ajv.compile(relocate(schema))));
    return v;
  };
  const responses = (document.components.responses ?? {}) as Record<string, { content?: Record<string, { schema: unknown }> }>;

  /** Throws an Error saying what does not match; undefined when the response matches or is not checked. */
  return function check(method: string, url: string, res: CheckedResponse): void {
    const id = operationFor(method, url);
    const where = `${method.toUpperCase()} ${url} → ${res.status}`;
    if (!id) {
      if (strict && url.startsWith('/api/') && res.status !== 404) throw new Error(`contract: ${where}: no operation of the route table serves this path`);
      return;
    }
    const spec: RouteSpec = routeTable[id];
    const operation = document.paths[documentPath(spec.path)]?.[spec.method] as { responses: Record<string, unknown> } | undefined;
    if (!operation) {
      if (strict) throw new Error(`contract: ${where}: operation ${id} is not in the OpenAPI document (not mounted?)`);
      return;
    }
    if (res.status < 400 && !operation.responses[String(res.status)]) {
      throw new Error(`contract: ${where}: status ${res.status} is not documented for ${id} (it documents ${Object.keys(operation.responses).join(', ')})`);
    }
    let response = (operation.responses[String(res.status)] ?? operation.responses.default) as
      { $ref?: string; content?: Record<string, { schema: unknown }> } | undefined;
    if (!response) throw new Error(`contract: ${where}: status ${res.status} is not documented for ${id}`);
    if (response.$ref) response = responses[response.$ref.split('/').at(-1)!];
    const content = response?.content;
    if (!content) {
      if (res.status !== 204 && (res.text ?? '').length > 0 && res.type === 'application/json') {
        throw new Error(`contract: ${where}: ${id} documents no body for ${res.status}, got ${res.type}`);
      }
      return;
    }
    const media = content[res.type];
    if (!media) throw new Error(`contract: ${where}: ${id} answered ${res.type || 'no content type'}; the document says ${Object.keys(content).join(' or ')}`);
    if (!/json$/.test(res.type)) return;
    const validate = validator(`${id} ${res.status} ${res.type}`, media.schema);
    if (!validate(res.body)) {
      const errors = (validate.errors ?? [])
        .slice(0, 5)
        .map((e) => `${e.instancePath || '(body)'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
      const body = JSON.stringify(res.body);
      throw new Error(
        `contract: ${where}: the body does not match ${id}'s ${res.status} response in the OpenAPI document:\n  ${errors.join('\n  ')}\n  body: ${body.length > 600 ? `${body.slice(0, 600)}…` : body}`,
      );
    }
  };
}
