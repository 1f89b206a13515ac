// Connections to the shared dev server for one namespace, and a fresh seeded database beside it.
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { inject } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { freshSqlite } from './db.js';
import { firstCounty, seedTestCounty } from './counties.js';

export interface DevServer {
  connection: Connection;
  nativeConnection: NativeConnection;
  client: Client;
  db: Db;
  close(): Promise<void>;
}

export async function devServer(namespace: string, dbName: string, seededOn: string): Promise<DevServer> {
  const connection = await Connection.connect({ address: inject('devServerAddress') });
  const nativeConnection = await NativeConnection.connect({ address: inject('devServerAddress') });
  const client = new Client({ connection, namespace });
  const { db } = await freshSqlite(dbName);
  await seedTestCounty(db, { countyId: firstCounty.id, name: firstCounty.name, today: seededOn });
  return {
    connection,
    nativeConnection,
    client,
    db,
    async close() {
      await db.$disconnect();
      await nativeConnection.close();
      await connection.close();
    },
  };
}
