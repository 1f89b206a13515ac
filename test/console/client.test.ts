// The console's typed client is the OpenAPI document's: regenerate it (npm run console:client)
// whenever an operation's shape changes, or this fails.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { consoleClientSource, schemaFile } from '../../scripts/console-client.js';

it('web/src/api/schema.d.ts is generated from the current OpenAPI document', async () => {
  expect(readFileSync(schemaFile, 'utf8')).toBe(await consoleClientSource());
});
