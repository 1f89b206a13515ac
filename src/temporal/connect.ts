// One way to reach Temporal for the service, the worker alone and the tests: an existing
// cluster when TEMPORAL_ADDRESS is set, otherwise a dev server persisting to a file. The SDK's
// TestWorkflowEnvironment is its supported launcher for that dev server.
import { readFileSync } from 'node:fs';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Config } from '../config.js';
import { serverExecutable } from './executables.js';

export interface TemporalRuntime {
  env: TemporalEnvironment;
  address: string;
  /** Only for a dev server started here. */
  uiAddress?: string;
}
export type TemporalEnvironment = TestWorkflowEnvironment;

export async function connectTemporal(config: Config, extraNamespaces: string[] = []): Promise<TemporalRuntime> {
  const t = config.temporal;
  if (t.address) {
    const env = await TestWorkflowEnvironment.createFromExistingServer({
      address: t.address,
      namespace: t.namespace,
      connectionOptions: { tls: tlsOptions(config), apiKey: t.apiKey },
    });
    return { env, address: t.address };
  }
  const env = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: serverExecutable('dev-server'),
      dbFilename: t.dev.dbFile,
      ip: '127.0.0.1',
      port: t.dev.port,
      ui: true,
      uiPort: t.dev.uiPort,
      namespace: t.namespace,
      extraArgs: extraNamespaces.flatMap((n) => ['--namespace', n]),
    },
  });
  return { env, address: env.address, uiAddress: `http://127.0.0.1:${t.dev.uiPort}` };
}

export function tlsOptions(config: Config) {
  const tls = config.temporal.tls;
  if (!tls) return undefined;
  return {
    serverNameOverride: tls.serverName,
    serverRootCACertificate: tls.ca ? readFileSync(tls.ca) : undefined,
    clientCertPair: tls.cert && tls.key ? { crt: readFileSync(tls.cert), key: readFileSync(tls.key) } : undefined,
  };
}
