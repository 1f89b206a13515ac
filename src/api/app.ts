// Builds the HTTP API; the entry point that calls listen lives elsewhere so tests can drive
// the app with supertest.
import express from 'express';
import helmet from 'helmet';
import { authenticate } from './auth.js';
import { mountOperations, type Operations } from './access/operations.js';
import { consoleRouter } from './console.js';
import { contextOf, type AppDeps, type Ctx } from './context.js';
import { healthRouter } from './health.js';
import { requestLogger } from './log.js';
import { jsonTypes, requireMediaType } from './mediaType.js';
import { buildOpenApi, type OpenApiDocument } from './openapi/document.js';
import { openApiRouter } from './openapi/routes.js';
import { requestId } from './requestId.js';
import { shedLoad } from './overload.js';
import { notFoundRoute, problemHandler } from './problem.js';
import { acknowledgementsOperations } from './routes/acknowledgements.js';
import { auditOperations } from './routes/audit.js';
import { inboxOperations } from './routes/inbox.js';
import { visitsOperations } from './routes/visits.js';
import { diversionsOperations } from './routes/diversions.js';
import { incidentsOperations } from './routes/incidents.js';
import { presenceOperations } from './routes/presence.js';
import { scorecardsOperations } from './routes/scorecards.js';
import { bindingsOperations } from './routes/bindings.js';
import { cyclesOperations } from './routes/cycles.js';
import { communitiesOperations, departmentsOperations, leadersOperations, officersOperations } from './routes/registry.js';
import { reassignmentsOperations } from './routes/reassignments.js';
import { rulesetsOperations } from './routes/rulesets.js';
import { stationsOperations } from './routes/stations.js';
import { countiesOperations } from './routes/counties.js';
import { sessionOperations } from './routes/session.js';
import { tokensOperations } from './routes/tokens.js';
import { usersOperations } from './routes/users.js';
import { explanationsOperations } from './routes/explanations.js';
import { metricsOperations } from './routes/metrics.js';
import { resultsOperations } from './routes/results.js';
import { paymentsOperations } from './routes/payments.js';
import { appealsOperations } from './routes/appeals.js';
import { registerKeyPersonsOperations } from './routes/registerKeyPersons.js';
import { registerHouseholdsOperations } from './routes/registerHouseholds.js';
import { registerPersonsOperations } from './routes/registerPersons.js';
import { registerRentedHomesOperations } from './routes/registerRentedHomes.js';
import { registerDerivationOperations } from './routes/registerDerivation.js';
import { registerBacklogOperations } from './routes/registerBacklog.js';
import { registerImportsOperations } from './routes/registerImports.js';

export type { AppDeps } from './context.js';
export { createApiUser, hashToken } from '../db/api-users.js';

/** Every entry of the route table, built on one context; the type refuses one missing. */
function apiOperations(ctx: Ctx): Operations {
  return {
    ...cyclesOperations(ctx),
    ...sessionOperations(ctx),
    ...usersOperations(ctx),
    ...tokensOperations(ctx),
    ...countiesOperations(ctx),
    ...communitiesOperations(ctx),
    ...officersOperations(ctx),
    ...leadersOperations(ctx),
    ...departmentsOperations(ctx),
    ...stationsOperations(ctx),
    ...bindingsOperations(ctx),
    ...reassignmentsOperations(ctx),
    ...auditOperations(ctx),
    ...rulesetsOperations(ctx),
    ...visitsOperations(ctx),
    ...presenceOperations(ctx),
    ...acknowledgementsOperations(ctx),
    ...inboxOperations(ctx),
    ...scorecardsOperations(ctx),
    ...diversionsOperations(ctx),
    ...incidentsOperations(ctx),
    ...metricsOperations(ctx),
    ...resultsOperations(ctx),
    ...explanationsOperations(ctx),
    ...paymentsOperations(ctx),
    ...appealsOperations(ctx),
    ...registerKeyPersonsOperations(ctx),
    ...registerHouseholdsOperations(ctx),
    ...registerPersonsOperations(ctx),
    ...registerRentedHomesOperations(ctx),
    ...registerDerivationOperations(ctx),
    ...registerBacklogOperations(ctx),
    ...registerImportsOperations(ctx),
  };
}

/**
 * The OpenAPI document without a running service (for the console's typed client): operations are
 * built on a context whose database, cycles and signals are never reached, since no handler runs.
 */
export function apiDocument(): OpenApiDocument {
  const unreachable = new Proxy(
    {},
    {
      get: (_t, key) => {
        throw new Error(`apiDocument: nothing may reach ${String(key)}`);
      },
    },
  );
  return buildOpenApi(
    apiOperations(contextOf({ db: unreachable as AppDeps['db'], cycles: unreachable as AppDeps['cycles'], signals: unreachable as AppDeps['signals'] })),
  );
}

export function createApp(deps: AppDeps): express.Express {
  const ctx = contextOf(deps);
  const app = express();
  app.disable('x-powered-by');
  // req.secure and req.ip see through a TLS-terminating proxy only when told to trust it.
  app.set('trust proxy', ctx.accounts.trustProxy);

  // Every response, the probes, the document and errors included, has the security headers, an
  // X-Request-Id and its log line.
  app.use(helmet());
  app.use(requestId);
  app.use(requestLogger(ctx.log));
  app.use(healthRouter(ctx, deps.temporalProbe));
  // Shedding comes before any work on a request; the probes above and the console's static files
  // (outside /api) are exempt, since they cost next to nothing and must answer while overloaded.
  // Only a service sheds: an app under test has no load but a test's own stalls.
  if (deps.overload) app.use('/api', shedLoad(deps.overload));

  // Authentication comes before body parsing so that a bad token costs no parsing.
  const api = express.Router();
  api.use(authenticate(ctx.db, ctx.now, ctx.accounts, ctx.credentials));
  api.use(express.json({ limit: '1mb', type: jsonTypes }));
  api.use(
    requireMediaType({ '/metrics/csv': ['text/csv', 'text/plain', 'multipart/form-data'] }, [
      [/^\/register\/communities\/[^/]+\/imports$/, ['multipart/form-data']],
    ]),
  );
  const operations = apiOperations(ctx);
  // The OpenAPI document is written from the very operations mounted here; it and its reference
  // page are public, outside the route table, before authentication.
  app.use(openApiRouter(buildOpenApi(operations)));
  mountOperations(api, operations);

  app.use('/api', api);
  app.use(consoleRouter(deps.consoleDir));
  app.use(notFoundRoute);
  app.use(problemHandler(ctx.log));
  return app;
}
