// Builds the HTTP API; the entry point that calls listen lives elsewhere so tests can drive
// the app with supertest.
import express from 'express';
import { authenticate } from './auth.js';
import { mountOperations, type Operations } from './access/operations.js';
import { contextOf, type AppDeps } from './context.js';
import { healthRouter } from './health.js';
import { jsonTypes, requireMediaType } from './mediaType.js';
import { notFoundRoute, problemHandler } from './problem.js';
import { acknowledgementsRouter } from './routes/acknowledgements.js';
import { auditRouter } from './routes/audit.js';
import { inboxRouter } from './routes/inbox.js';
import { visitsRouter } from './routes/visits.js';
import { diversionsRouter } from './routes/diversions.js';
import { incidentsRouter } from './routes/incidents.js';
import { presenceRouter } from './routes/presence.js';
import { scorecardsRouter } from './routes/scorecards.js';
import { bindingsRouter } from './routes/bindings.js';
import { cyclesOperations } from './routes/cycles.js';
import { explanationsRouter } from './routes/explanations.js';
import { metricsRouter } from './routes/metrics.js';
import { communitiesRouter, departmentsRouter, leadersRouter, officersRouter } from './routes/registry.js';
import { reassignmentsRouter } from './routes/reassignments.js';
import { resultsRouter } from './routes/results.js';
import { paymentsRouter } from './routes/payments.js';
import { rulesetsRouter } from './routes/rulesets.js';
import { appealsRouter } from './routes/appeals.js';

export type { AppDeps } from './context.js';
export { createApiUser, hashToken } from '../db/api-users.js';

export function createApp(deps: AppDeps): express.Express {
  const ctx = contextOf(deps);
  const app = express();
  app.disable('x-powered-by');

  app.use(healthRouter(ctx, deps.temporalProbe));

  // Authentication comes before body parsing so that a bad token costs no parsing.
  const api = express.Router();
  api.use(authenticate(ctx.db, ctx.now));
  api.use(express.json({ limit: '1mb', type: jsonTypes }));
  api.use(requireMediaType({ '/metrics/csv': ['text/csv', 'text/plain', 'multipart/form-data'] }));
  // Partial while the routers below move into operations of the route table.
  const operations: Partial<Operations> = { ...cyclesOperations(ctx) };
  mountOperations(api, operations);
  api.use('/communities', communitiesRouter(ctx));
  api.use('/officers', officersRouter(ctx));
  api.use('/leaders', leadersRouter(ctx));
  api.use('/departments', departmentsRouter(ctx));
  api.use('/bindings', bindingsRouter(ctx));
  api.use('/reassignments', reassignmentsRouter(ctx));
  api.use('/metrics', metricsRouter(ctx));
  api.use('/audit', auditRouter(ctx));
  api.use('/rulesets', rulesetsRouter(ctx));
  api.use(explanationsRouter(ctx));
  // Before the results: `/obligations/*id/appeals` would otherwise be read as an obligation id.
  api.use(appealsRouter(ctx));
  api.use(resultsRouter(ctx));
  api.use(paymentsRouter(ctx));
  api.use(acknowledgementsRouter(ctx));
  api.use('/inbox', inboxRouter(ctx));
  api.use('/visits', visitsRouter(ctx));
  api.use('/diversions', diversionsRouter(ctx));
  api.use('/incidents', incidentsRouter(ctx));
  api.use('/presence', presenceRouter(ctx));
  api.use(scorecardsRouter(ctx));

  app.use('/api', api);
  app.use(notFoundRoute);
  app.use(problemHandler(ctx.log));
  return app;
}
