// The authorization matrix of the README, written from the route table: every operation × every
// role, and what `own` means for each operation that has it. `npm run docs:access` writes it
// between the README's markers; a test fails when the README differs from this.
import { roleLabels, roles } from '../../contracts/roles.js';
import { routeTable, type Access, type OperationId, type RouteSpec } from './routeTable.js';

const matrixBegin = '<!-- access-matrix:begin — written by `npm run docs:access` from src/api/access/routeTable.ts; do not edit by hand -->';
const matrixEnd = '<!-- access-matrix:end -->';

const pathOf = (spec: RouteSpec) => `/api${spec.path.replace(/[:*](\w+)/g, '{$1}')}`;

/** The generated part of the README, markers excluded. */
export function accessMatrix(): string {
  const entries = Object.entries(routeTable) as [OperationId, RouteSpec][];
  const header = ['operation', 'method', 'path', 'summary', ...roles.map((r) => `${r}<br>${roleLabels[r]}`)];
  const rows = entries.map(([id, spec]) => {
    const access: Access = spec.access;
    const cells = roles.map((r) => (access === 'anyone' ? 'anyone' : (access[r] ?? '—')));
    return [`\`${id}\``, spec.method.toUpperCase(), `\`${pathOf(spec)}\``, spec.summary, ...cells];
  });
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const table = [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
  const anonymous = entries.filter(([, spec]) => spec.access === 'anyone').map(([id]) => `\`${id}\``);
  const owns = entries
    .filter(([, spec]) => spec.access !== 'anyone' && Object.values(spec.access).includes('own'))
    .map(([id, spec]) => {
      const who = roles.filter((r) => (spec.access as Partial<Record<string, string>>)[r] === 'own');
      return `- \`${id}\` (${spec.method.toUpperCase()} \`${pathOf(spec)}\`), for ${who.join(', ')}: ${spec.own ?? '(not stated)'}`;
    });
  return [
    `${entries.length} operations × ${roles.length} roles. \`county\`: any object of the caller's county (a province reader: every county); \`own\`: only the caller's own (below); —: 403. ${anonymous.join(', ')} need no sign-in (\`anyone\`).`,
    '',
    table,
    '',
    '### What `own` means',
    '',
    ...owns,
  ].join('\n');
}

/** The page with its generated part replaced; throws when the markers are missing. */
export function withAccessMatrix(page: string): string {
  const begin = page.indexOf(matrixBegin);
  const end = page.indexOf(matrixEnd);
  if (begin < 0 || end < begin) throw new Error(`the README needs the markers ${matrixBegin} and ${matrixEnd}`);
  return `${page.slice(0, begin + matrixBegin.length)}\n\n${accessMatrix()}\n\n${page.slice(end)}`;
}
