// `npm run docs:access`: writes the authorization matrix into the README from the route table.
import { readFileSync, writeFileSync } from 'node:fs';
import { withAccessMatrix } from '../src/api/access/matrix.js';

const page = new URL('../README.md', import.meta.url);
const before = readFileSync(page, 'utf8');
const after = withAccessMatrix(before);
writeFileSync(page, after);
console.log(after === before ? 'README.md is up to date' : 'README.md written');
