// `npm run docs:access`: writes the authorization matrix into docs/access.md from the route table.
import { readFileSync, writeFileSync } from 'node:fs';
import { withAccessMatrix } from '../src/api/access/matrix.js';

const page = new URL('../docs/access.md', import.meta.url);
const before = readFileSync(page, 'utf8');
const after = withAccessMatrix(before);
writeFileSync(page, after);
console.log(after === before ? 'docs/access.md is up to date' : 'docs/access.md written');
