// Probes for orchestrators, outside /api and without a token: /healthz says the process answers,
// /readyz that the database and Temporal answer too, and names the one that does not.
import { Router } from 'express';
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
        return { ok: false, error: err instanceof Error ? err.message.split('\n')[0]!.slice(0, 300) : String(err) };
      }
    };
    const [database, temporalState] = await Promise.all([
      probe(() => ctx.db.$queryRaw`SELECT 1`),
      temporal ? probe(temporal) : Promise.resolve({ ok: true, checked: false }),
    ]);
    const failed = [...(database.ok ? [] : ['database']), ...(temporalState.ok ? [] : ['temporal'])];
    res.status(failed.length ? 503 : 200).json({ status: failed.length ? 'unavailable' : 'ready', failed, database, temporal: temporalState });
  });

  return router;
}
