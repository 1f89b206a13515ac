// zod → JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1) for the document. A schema that
// refers to itself (z.lazy) or carries $defs cannot be inlined, since its `#` refs would point at
// the document's root: it becomes a named component and its refs are rewritten to point there.
import { z } from 'zod';

export type JsonSchema = Record<string, unknown>;

export class SchemaComponents {
  readonly schemas: Record<string, JsonSchema> = {};

  /** The schema for the document: inline, or a `$ref` to the component named `name`. */
  of(schema: z.ZodType, io: 'input' | 'output', name: string): JsonSchema {
    const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
    delete json.$schema;
    const text = JSON.stringify(json);
    if (!('$defs' in json) && !text.includes('"$ref":"#')) return json;
    const defs = (json.$defs ?? {}) as Record<string, JsonSchema>;
    delete json.$defs;
    const rewrite = (s: JsonSchema): JsonSchema =>
      JSON.parse(
        JSON.stringify(s).replace(
          /"\$ref":"#(\/\$defs\/([^"]*))?"/g,
          (_m, _defs, def?: string) => `"$ref":${JSON.stringify(`#/components/schemas/${def ? `${name}.${def}` : name}`)}`,
        ),
      ) as JsonSchema;
    for (const [def, s] of Object.entries(defs)) this.schemas[`${name}.${def}`] = rewrite(s);
    this.schemas[name] = rewrite(json);
    return { $ref: `#/components/schemas/${name}` };
  }
}

/** The properties of an object schema (merged over the branches of a union) and which are required. */
export function objectProperties(json: JsonSchema): { properties: Record<string, JsonSchema>; required: Set<string> } {
  const branches = (json.anyOf ?? json.oneOf) as JsonSchema[] | undefined;
  if (branches) {
    const parts = branches.map(objectProperties);
    const properties = Object.assign({}, ...parts.map((p) => p.properties)) as Record<string, JsonSchema>;
    const required = new Set(Object.keys(properties).filter((k) => parts.every((p) => p.required.has(k))));
    return { properties, required };
  }
  if (Array.isArray(json.allOf)) {
    const parts = (json.allOf as JsonSchema[]).map(objectProperties);
    return {
      properties: Object.assign({}, ...parts.map((p) => p.properties)) as Record<string, JsonSchema>,
      required: new Set(parts.flatMap((p) => [...p.required])),
    };
  }
  return { properties: (json.properties ?? {}) as Record<string, JsonSchema>, required: new Set((json.required ?? []) as string[]) };
}
