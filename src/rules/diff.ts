// A structural diff of two JSON documents, one entry per changed leaf or subtree, located by JSON
// pointer: what a clerk reads before activating a new rule-set version.

export type DiffEntry =
  | { op: 'add'; pointer: string; to: unknown }
  | { op: 'remove'; pointer: string; from: unknown }
  | { op: 'replace'; pointer: string; from: unknown; to: unknown };

function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === 'object' && value !== null;
}

function escape(key: string | number): string {
  return String(key).replace(/~/g, '~0').replace(/\//g, '~1');
}

function keysOf(value: Record<string, unknown> | unknown[]): (string | number)[] {
  return Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
}

export function diffJson(from: unknown, to: unknown, pointer = '', into: DiffEntry[] = []): DiffEntry[] {
  const sameKind = isContainer(from) && isContainer(to) && Array.isArray(from) === Array.isArray(to);
  if (!sameKind) {
    if (JSON.stringify(from) !== JSON.stringify(to)) into.push({ op: 'replace', pointer, from, to });
    return into;
  }
  const a = from as Record<string | number, unknown>;
  const b = to as Record<string | number, unknown>;
  const keys = [...new Set([...keysOf(from), ...keysOf(to)])];
  for (const key of keys) {
    const at = `${pointer}/${escape(key)}`;
    if (!Object.hasOwn(b, key)) into.push({ op: 'remove', pointer: at, from: a[key] });
    else if (!Object.hasOwn(a, key)) into.push({ op: 'add', pointer: at, to: b[key] });
    else diffJson(a[key], b[key], at, into);
  }
  return into;
}
