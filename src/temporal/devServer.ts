// The dev server `npm start` runs when no TEMPORAL_ADDRESS is set, persisting to a file, with
// its web UI. Only this file (and the tests) load @temporalio/testing, a dev dependency.
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Config } from '../config.js';
import { serverExecutable } from './executables.js';

export async function startDevServer(config: Config) {
  const t = config.temporal;
  const env = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: serverExecutable('dev-server'),
      dbFilename: t.dev.dbFile,
      ip: '127.0.0.1',
      port: t.dev.port,
      ui: true,
      uiPort: t.dev.uiPort,
      namespace: t.namespace,
    },
  });
  return { address: env.address, uiAddress: `http://127.0.0.1:${t.dev.uiPort}`, stop: () => env.teardown() };
}
