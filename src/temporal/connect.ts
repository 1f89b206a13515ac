// One way to reach Temporal for the service and the worker alone: the cluster at
// TEMPORAL_ADDRESS (a local one from `npm run cluster`, a production one, Temporal Cloud) through
// the client's own connections, or else a dev server this process starts and stops.
import { readFileSync } from 'node:fs';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import type { Config } from '../config.js';

export interface TemporalRuntime {
  client: Client;
  /** For workers. */
  nativeConnection: NativeConnection;
  address: string;
  /** Only for a dev server started here. */
  uiAddress?: string;
  close(): Promise<void>;
}

export async function connectTemporal(config: Config): Promise<TemporalRuntime> {
  const t = config.temporal;
  const dev = t.address ? undefined : await startDevServer(config);
  const address = t.address ?? dev!.address;
  const options = { address, tls: tlsOptions(config), apiKey: t.apiKey };
  const connection = await Connection.connect(options);
  const nativeConnection = await NativeConnection.connect(options);
  return {
    client: new Client({ connection, namespace: t.namespace }),
    nativeConnection,
    address,
    uiAddress: dev?.uiAddress,
    async close() {
      await nativeConnection.close();
      await connection.close();
      await dev?.stop();
    },
  };
}

/** The address a worker alone joins: the cluster, or the dev server `npm start` runs. */
export function workerAddress(config: Config): string {
  return config.temporal.address ?? `127.0.0.1:${config.temporal.dev.port}`;
}

export async function connectWorker(config: Config): Promise<NativeConnection> {
  return NativeConnection.connect({ address: workerAddress(config), tls: tlsOptions(config), apiKey: config.temporal.apiKey });
}

// The testing package is the SDK's launcher of the dev server; a production install
// (`npm ci --omit=dev`) has no need of it, so it is loaded only here.
async function startDevServer(config: Config) {
  const { startDevServer: start } = await import('./devServer.js').catch((err: unknown) => {
    throw new Error('TEMPORAL_ADDRESS is not set and the dev server cannot start without the dev dependencies (npm install)', { cause: err });
  });
  return start(config);
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
