// The README prints the route table as a matrix; it must say what the table says.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { accessMatrix, withAccessMatrix } from '../../src/api/access/matrix.js';
import { operationIds, routeTable } from '../../src/api/access/routeTable.js';
import { roles } from '../../src/contracts/roles.js';

const page = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe("the README's matrix", () => {
  it('is what `npm run docs:access` writes from the route table', () => {
    expect(page === withAccessMatrix(page), 'the README differs from the route table: run `npm run docs:access`').toBe(true);
  });

  it('has a row per operation and a cell per role, and says what `own` means wherever it applies', () => {
    const matrix = accessMatrix();
    for (const id of operationIds) {
      const spec = routeTable[id];
      const row = matrix.split('\n').find((l) => l.startsWith(`| \`${id}\` |`));
      expect(row, id).toBeDefined();
      const cells = row!.split(' | ').slice(4);
      expect(cells).toHaveLength(roles.length);
      const access = spec.access as 'anyone' | Record<string, string>;
      roles.forEach((role, i) => expect(cells[i]!.replace(' |', ''), `${id} × ${role}`).toBe(access === 'anyone' ? 'anyone' : (access[role] ?? '—')));
      if (access !== 'anyone' && Object.values(access).includes('own')) expect(matrix).toContain(`- \`${id}\` (`);
    }
    expect(matrix).toContain('| `signIn` | POST | `/api/session` | 登录 | anyone |');
    expect(matrix).toContain('- `getDecision` (GET `/api/decisions/{id}`), for officer: naming the officer');
  });
});
