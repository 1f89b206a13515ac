// Probes for orchestrators, outside /api and without a token: /healthz says the process answers,
// /readyz that the database and Temporal answer too, and names the one that does not.
import { Router } from 'express';
import { databaseUnavailable } from '../db/unavailable.js';
import type { Ctx } from './context.js';

/** Throws when Temporal cannot be reached; the service passes a gRPC health check. */
export type TemporalProbe = () => Promise<void>;

export function healthRouter(ctx: Ctx, temporal: TemporalProbe | undefined): Router {
  const router = Router();

  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/readyz', async (_req, res) => {
    const probe = async (check: () => Promise<unknown>) => {
      try {
        await check();
        return { ok: true };
      } catch (err) {
        const reason = databaseUnavailable(err) ?? (err instanceof Error ? err.message.split('\n')[0]! : String(err));
        return { ok: false, error: reason.slice(0, 300) };
      }
    };
    // One after the other: SQLite's busy wait blocks the event loop, and would run out the
    // Temporal probe's deadline if both ran at once.
    // A write that changes nothing: SQLite in WAL mode still reads while another process holds
    // the file locked, and only a write waits for the lock and fails with SQLITE_BUSY.
    const database = await probe(() => ctx.db.$executeRaw`UPDATE "County" SET "name" = "name" WHERE 1 = 0`);
    const temporalState = temporal ? await probe(temporal) : { ok: true, checked: false };
    const failed = [...(database.ok ? [] : ['database']), ...(temporalState.ok ? [] : ['temporal'])];
    res.status(failed.length ? 503 : 200).json({ status: failed.length ? 'unavailable' : 'ready', failed, database, temporal: temporalState });
  });

  return router;
}
