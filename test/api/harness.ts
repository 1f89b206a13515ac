// Drives createApp with supertest on a real database. The CyclePort here records calls: it
// stands in for the Temporal component, which has its own tests.
import request from 'supertest';
import { expect } from 'vitest';
import { createApp } from '../../src/api/app.js';
import { createLogger, type Logger } from '../../src/api/log.js';
import type { OpenApiDocument } from '../../src/api/openapi/document.js';
import type { AppealTiming } from '../../src/contracts/appeals.js';
import { cycleId as cycleIdOf, type CycleKind, type CycleStarter } from '../../src/contracts/cycles.js';
import { CycleAlreadyStartedError, type CyclePort, type CycleStatus, type WorkflowSignals } from '../../src/cycles/port.js';
import { createApiUser } from '../../src/db/api-users.js';
import type { Db } from '../../src/db/client.js';
import { contractChecker } from '../support/contract.js';
import { ensureCounty, testCounty, tokenFor, type TestUser } from '../support/users.js';

export const token = 'test-token-0123456789';
export const actor = 'tester';
export const today = '2026-03-15';

export class RecordingCycles implements CyclePort {
  readonly started = new Map<string, { countyId: string; kind: CycleKind; period: string; startedBy: CycleStarter }>();
  readonly submitted: { countyId: string; period: string; communityId: string; metrics: string[] }[] = [];
  statusError?: Error;

  async start(countyId: string, kind: CycleKind, period: string, startedBy: CycleStarter) {
    const cycleId = cycleIdOf(kind, period, countyId);
    if (this.started.has(cycleId)) throw new CycleAlreadyStartedError(cycleId);
    this.started.set(cycleId, { countyId, kind, period, startedBy });
    return { cycleId };
  }

  async status(cycleId: string): Promise<CycleStatus | null> {
    if (this.statusError) throw this.statusError;
    const s = this.started.get(cycleId);
    return s ? { cycleId, kind: s.kind, period: s.period, execution: 'RUNNING', step: 'collecting' } : null;
  }

  async metricsSubmitted(countyId: string, period: string, communityId: string, metrics: string[]) {
    this.submitted.push({ countyId, period, communityId, metrics: [...metrics].sort() });
  }

  readonly appeals = new Map<number, AppealTiming>();
  async startAppeal(appealId: number, timing: AppealTiming) {
    this.appeals.set(appealId, timing);
  }
}

/** Records signals, starts and deliveries; `running` lists the workflow ids that answer as running. */
export class RecordingSignals implements WorkflowSignals {
  readonly sent: { workflowId: string; signalName: string; arg: unknown }[] = [];
  readonly running = new Set<string>();
  readonly started: { workflowType: string; workflowId: string; args: unknown[] }[] = [];
  readonly delivered: string[] = [];
  deliveryError?: Error;

  async deliverNotice(noticeId: string) {
    if (this.deliveryError) throw this.deliveryError;
    this.delivered.push(noticeId);
  }

  async signal(workflowId: string, signalName: string, arg: unknown) {
    if (!this.running.has(workflowId)) return false;
    this.sent.push({ workflowId, signalName, arg });
    return true;
  }

  async signalWithStart(start: { workflowType: string; workflowId: string; args: unknown[] }, signalName: string, arg: unknown) {
    if (!this.running.has(start.workflowId)) {
      this.started.push(start);
      this.running.add(start.workflowId);
    }
    return this.signal(start.workflowId, signalName, arg);
  }
}

/** A JSON log line as pino wrote it. */
export type LogLine = Record<string, unknown> & { level: number; msg?: string };

/**
 * A pino logger (made by createLogger, as the service's) writing into memory: `lines` is every
 * line, `requests` the one-per-request lines, `errors` and `warnings` the others at those levels.
 */
export interface RecordingLogger extends Logger {
  readonly lines: LogLine[];
  readonly requests: LogLine[];
  readonly errors: LogLine[];
  readonly warnings: LogLine[];
  /** Everything written, as written. */
  readonly text: string;
}

export function recordingLogger(): RecordingLogger {
  const written: string[] = [];
  const lines: LogLine[] = [];
  const logger = createLogger({
    level: 'debug',
    stream: {
      write(line: string) {
        written.push(line);
        lines.push(JSON.parse(line) as LogLine);
      },
    },
  });
  const isRequest = (l: LogLine) => 'durationMs' in l;
  return Object.defineProperties(logger, {
    lines: { value: lines },
    requests: { get: () => lines.filter(isRequest) },
    errors: { get: () => lines.filter((l) => l.level >= 50 && !isRequest(l)) },
    warnings: { get: () => lines.filter((l) => l.level === 40 && !isRequest(l)) },
    text: { get: () => written.join('') },
  }) as RecordingLogger;
}

/** `new RecordingLogger()` as before the logs became pino: a recordingLogger(). */
export const RecordingLogger = function () {
  return recordingLogger();
} as unknown as new () => RecordingLogger;

/** `now` moves the API's clock off the default, 08:00 UTC on `today`. */
export async function harness(db: Db, options: { now?: string } = {}) {
  const cycles = new RecordingCycles();
  const signals = new RecordingSignals();
  const logger = recordingLogger();
  // A second harness on the same database (another clock) shares the clerk.
  await ensureCounty(db);
  if (!(await db.apiUser.findUnique({ where: { id: actor } }))) await createApiUser(db, { id: actor, name: 'Test clerk', token, countyId: testCounty });
  const app = createApp({ db, cycles, signals, clock: () => new Date(options.now ?? `${today}T08:00:00Z`), logger });
  // Every response of h.api and h.as(...) is checked against the OpenAPI document the app serves.
  const document = (await request(app).get('/api/openapi.json')).body as OpenApiDocument;
  const check = contractChecker(document);
  const checked = (method: string, path: string) => (res: request.Response) => check(method, path, res);
  const client = (auth: { Authorization: string }) => ({
    get: (path: string) => request(app).get(path).set(auth).expect(checked('get', path)),
    post: (path: string, body?: string | object) => {
      const r = request(app).post(path).set(auth).expect(checked('post', path));
      return body === undefined ? r : r.send(body);
    },
    patch: (path: string, body: object) => request(app).patch(path).set(auth).send(body).expect(checked('patch', path)),
    put: (path: string, body: object) => request(app).put(path).set(auth).send(body).expect(checked('put', path)),
    delete: (path: string) => request(app).delete(path).set(auth).expect(checked('delete', path)),
  });
  /** The bureau clerk (the bootstrap token: bureau staff of the test county). */
  const api = client({ Authorization: `Bearer ${token}` });
  /** A client acting as a user of the role, e.g. `as({ role: 'leader', subjectId: 'L01' })`. */
  const as = async (user: TestUser) => client({ Authorization: `Bearer ${await tokenFor(db, user)}` });
  return { app, api, as, cycles, signals, logger, db, document };
}

/** Row counts of every table a request could write, to prove a failed request wrote nothing. */
export async function counts(db: Db) {
  const [communities, officers, leaders, departments, postings, bindings, metrics, audit] = await Promise.all([
    db.community.count(),
    db.officer.count(),
    db.leader.count(),
    db.department.count(),
    db.posting.count(),
    db.binding.count(),
    db.metricSubmission.count(),
    db.auditEntry.count(),
  ]);
  return { communities, officers, leaders, departments, postings, bindings, metrics, audit };
}

interface ProblemResponse {
  status: number;
  type: string;
  body: { status: number; detail: string; errors?: { pointer?: string; parameter?: string; line?: number; column?: string; message: string }[] };
}

/** Asserts a problem response whose errors and detail name the field at fault. */
export function expectProblem(res: ProblemResponse, status: number, field?: { pointer?: string; parameter?: string; line?: number; column?: string }) {
  expect(res.type).toBe('application/problem+json');
  expect(res.status).toBe(status);
  expect(res.body.status).toBe(status);
  if (!field) return;
  expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining(field)]));
  if (field.line !== undefined) expect(res.body.detail).toContain(`line ${field.line}`);
  if (field.column !== undefined) expect(res.body.detail).toContain(`column ${field.column}`);
  else if (field.pointer) expect(res.body.detail).toContain(field.pointer);
  else if (field.parameter) expect(res.body.detail).toContain(field.parameter);
}

export const c01 = { id: 'c01', name: '小江口', population: 7000, complexity: 5 };
