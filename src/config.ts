// The only reader of process.env: parsed once at start-up and handed down.
import { z } from 'zod';
import { defaultAccountsOptions, type AccountsOptions } from './accounts/options.js';
import type { OverloadOptions } from './api/overload.js';
import { defaultTimeZone } from './core/periodBounds.js';

/** pino's levels, most severe first; `silent` writes nothing. */
const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

const port = z.coerce.number().int().min(1).max(65535);
// 0 asks the operating system for any free port (tests run several services side by side).
const listenPort = z.coerce.number().int().min(0).max(65535);
const positive = z.coerce.number().int().min(1).max(10_000);

const schema = z
  .object({
    DATABASE_URL: z
      .string()
      .regex(/^(file:|postgres(ql)?:\/\/)/, 'must start with file: or postgresql://')
      .default('file:./data/app.db'),
    TEMPORAL_ADDRESS: z.string().min(1).optional(),
    TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
    TEMPORAL_TLS: z.enum(['true', 'false']).default('false'),
    TEMPORAL_TLS_CERT: z.string().optional(),
    TEMPORAL_TLS_KEY: z.string().optional(),
    TEMPORAL_TLS_CA: z.string().optional(),
    TEMPORAL_TLS_SERVER_NAME: z.string().optional(),
    TEMPORAL_API_KEY: z.string().optional(),
    TEMPORAL_DEV_DB: z.string().default('data/temporal.db'),
    TEMPORAL_DEV_PORT: port.default(7233),
    TEMPORAL_DEV_UI_PORT: port.default(8233),
    TASK_QUEUE: z.string().min(1).default('community-policing'),
    TIME_ZONE: z.string().min(1).default(defaultTimeZone),
    HTTP_HOST: z.string().default('127.0.0.1'),
    HTTP_PORT: listenPort.default(3000),
    // Node's 511 overflowed when hundreds of clients connected at once to a busy process: the
    // kernel dropped their connections, and each came back only after a 1-s, 3-s, 7-s retry.
    HTTP_LISTEN_BACKLOG: positive.default(4096),
    BUREAU_TOKEN: z.string().min(16).optional(),
    WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
    WEBHOOK_SECRET: z.string().min(16).optional(),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
      .optional(),
    MAIL_FROM: z.email().optional(),
    MAIL_TO: z.email().optional(),
    SESSION_IDLE_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(defaultAccountsOptions.sessionIdleMinutes),
    SESSION_ABSOLUTE_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(defaultAccountsOptions.sessionAbsoluteHours),
    // auto: Secure when the request came over HTTPS (through TRUST_PROXY behind a proxy).
    COOKIE_SECURE: z.enum(['auto', 'true']).default('auto'),
    // Express's `trust proxy`: false, true, a hop count, or addresses/subnets (loopback, 10.0.0.0/8).
    TRUST_PROXY: z.string().min(1).default('false'),
    SIGN_IN_FAILURE_DELAY_MS: z.coerce.number().int().min(0).max(10_000).default(defaultAccountsOptions.failureDelayMs),
    SIGN_IN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(defaultAccountsOptions.maxFailuresPerName),
    SIGN_IN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).max(100_000).default(defaultAccountsOptions.maxFailuresPerIp),
    SIGN_IN_WINDOW_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(defaultAccountsOptions.failureWindowMinutes),
    LOG_LEVEL: z.enum(logLevels).default('info'),
    // Scaling: how much one worker process takes on, and how many connections the database gets.
    SERVICE_WORKER: z.enum(['true', 'false']).default('true'),
    WORKER_MAX_CONCURRENT_ACTIVITIES: positive.default(20),
    WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: positive.default(20),
    WORKER_ACTIVITY_POLLERS: positive.default(5),
    WORKER_WORKFLOW_POLLERS: positive.default(5),
    WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(0).default(1000),
    DATABASE_POOL_SIZE: positive.default(10),
    SQLITE_BUSY_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(5000),
    // Load shedding (docs/faults.md): past these bounds /api answers 503 or 429 at once with
    // Retry-After, rather than queueing without end; AUTH_CACHE_MS 0 reads the credential every time.
    HTTP_MAX_IN_FLIGHT: positive.default(64),
    HTTP_MAX_QUEUED: z.coerce.number().int().min(0).max(100_000).default(256),
    HTTP_MAX_WAIT_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
    HTTP_MAX_EVENT_LOOP_DELAY_MS: z.coerce.number().int().min(1).max(60_000).default(1000),
    HTTP_MAX_EVENT_LOOP_UTILIZATION: z.coerce.number().gt(0).max(1).default(0.98),
    HTTP_MAX_BUSY_EVENT_LOOP_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(50),
    HTTP_CLIENT_MAX_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(1200),
    AUTH_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(5000),
    // The population register's ID numbers are encrypted under this key (base64 of 32 bytes), which
    // every process must share; without it, a key file is created on first use (one machine only).
    PERSONAL_DATA_KEY: z
      .string()
      .refine((v) => Buffer.from(v, 'base64').length === 32, 'expected the base64 of 32 random bytes (openssl rand -base64 32)')
      .optional(),
    PERSONAL_DATA_KEY_FILE: z.string().min(1).default('data/personal-data.key'),
  })
  .superRefine((env, ctx) => {
    if ((env.TEMPORAL_TLS_CERT === undefined) !== (env.TEMPORAL_TLS_KEY === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['TEMPORAL_TLS_KEY'], message: 'TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY go together' });
    }
    if (env.WEBHOOK_URL && !env.WEBHOOK_SECRET)
      ctx.addIssue({ code: 'custom', path: ['WEBHOOK_SECRET'], message: 'WEBHOOK_URL needs WEBHOOK_SECRET to sign with' });
    for (const key of ['MAIL_FROM', 'MAIL_TO'] as const) {
      if (env.SMTP_URL && !env[key]) ctx.addIssue({ code: 'custom', path: [key], message: `SMTP_URL needs ${key}` });
    }
    if (!isTimeZone(env.TIME_ZONE)) ctx.addIssue({ code: 'custom', path: ['TIME_ZONE'], message: `unknown time zone ${env.TIME_ZONE}` });
  });

function trustProxyOf(value: string): boolean | number | string {
  if (value === 'true' || value === 'false') return value === 'true';
  return /^\d+$/.test(value) ? Number(value) : value;
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export interface Config {
  databaseUrl: string;
  temporal: {
    /** Absent: `npm start` runs a local dev server. */
    address?: string;
    namespace: string;
    tls?: { cert?: string; key?: string; ca?: string; serverName?: string };
    apiKey?: string;
    dev: { dbFile: string; port: number; uiPort: number };
  };
  taskQueue: string;
  /** One worker process's share: its slots and pollers (Temporal's WorkerOptions). */
  worker: WorkerTuning;
  /** PostgreSQL's connection pool; SQLite's wait for a lock before SQLITE_BUSY. */
  database: { poolSize: number; sqliteBusyTimeoutMs: number };
  /** Whether `npm start` runs a worker in its own process (false: `npm run worker` does the work). */
  serviceWorker: boolean;
  timeZone: string;
  /** backlog: connections the kernel holds until the process accepts them (capped by net.core.somaxconn). */
  http: { host: string; port: number; backlog: number };
  bureauToken?: string;
  /** Sessions, cookies and sign-in throttling (docs/accounts.md). */
  accounts: AccountsOptions;
  /** The least severe JSON log lines written (pino's levels; silent: none). */
  logLevel: LogLevel;
  /** Delivery channels beyond the in-app inbox; each only when configured. */
  channels: { webhook?: { url: string; secret: string }; email?: { smtpUrl: string; from: string; to: string } };
  /** Load shedding of /api: requests in flight, queued and per client, and how long one may wait. */
  overload: OverloadOptions;
  /** How long a process trusts a credential it has read (0: never); its own sign-outs and disables act at once. */
  authCacheMs: number;
  /** The register's personal-data key: given, or kept in keyFile (src/register/personalData.ts). */
  personalData: { key?: string; keyFile: string };
}

export interface WorkerTuning {
  maxConcurrentActivities: number;
  maxConcurrentWorkflowTasks: number;
  activityPollers: number;
  workflowPollers: number;
  maxCachedWorkflows: number;
}

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  }
  const e = parsed.data;
  const tlsWanted = e.TEMPORAL_TLS === 'true' || e.TEMPORAL_TLS_CERT !== undefined || e.TEMPORAL_TLS_CA !== undefined;
  return {
    databaseUrl: e.DATABASE_URL,
    temporal: {
      address: e.TEMPORAL_ADDRESS,
      namespace: e.TEMPORAL_NAMESPACE,
      tls: tlsWanted ? { cert: e.TEMPORAL_TLS_CERT, key: e.TEMPORAL_TLS_KEY, ca: e.TEMPORAL_TLS_CA, serverName: e.TEMPORAL_TLS_SERVER_NAME } : undefined,
      apiKey: e.TEMPORAL_API_KEY,
      dev: { dbFile: e.TEMPORAL_DEV_DB, port: e.TEMPORAL_DEV_PORT, uiPort: e.TEMPORAL_DEV_UI_PORT },
    },
    taskQueue: e.TASK_QUEUE,
    worker: {
      maxConcurrentActivities: e.WORKER_MAX_CONCURRENT_ACTIVITIES,
      maxConcurrentWorkflowTasks: e.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS,
      activityPollers: e.WORKER_ACTIVITY_POLLERS,
      workflowPollers: e.WORKER_WORKFLOW_POLLERS,
      maxCachedWorkflows: e.WORKER_MAX_CACHED_WORKFLOWS,
    },
    database: { poolSize: e.DATABASE_POOL_SIZE, sqliteBusyTimeoutMs: e.SQLITE_BUSY_TIMEOUT_MS },
    serviceWorker: e.SERVICE_WORKER === 'true',
    timeZone: e.TIME_ZONE,
    http: { host: e.HTTP_HOST, port: e.HTTP_PORT, backlog: e.HTTP_LISTEN_BACKLOG },
    bureauToken: e.BUREAU_TOKEN,
    accounts: {
      sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
      sessionAbsoluteHours: e.SESSION_ABSOLUTE_HOURS,
      secureCookies: e.COOKIE_SECURE === 'true',
      trustProxy: trustProxyOf(e.TRUST_PROXY),
      failureDelayMs: e.SIGN_IN_FAILURE_DELAY_MS,
      maxFailuresPerName: e.SIGN_IN_MAX_FAILURES,
      maxFailuresPerIp: e.SIGN_IN_MAX_FAILURES_PER_IP,
      failureWindowMinutes: e.SIGN_IN_WINDOW_MINUTES,
    },
    logLevel: e.LOG_LEVEL,
    channels: {
      webhook: e.WEBHOOK_URL ? { url: e.WEBHOOK_URL, secret: e.WEBHOOK_SECRET! } : undefined,
      email: e.SMTP_URL ? { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM!, to: e.MAIL_TO! } : undefined,
    },
    overload: {
      maxInFlight: e.HTTP_MAX_IN_FLIGHT,
      maxQueued: e.HTTP_MAX_QUEUED,
      maxWaitMs: e.HTTP_MAX_WAIT_MS,
      maxEventLoopDelayMs: e.HTTP_MAX_EVENT_LOOP_DELAY_MS,
      maxEventLoopUtilization: e.HTTP_MAX_EVENT_LOOP_UTILIZATION,
      maxBusyEventLoopDelayMs: e.HTTP_MAX_BUSY_EVENT_LOOP_DELAY_MS,
      clientMaxPerMinute: e.HTTP_CLIENT_MAX_PER_MINUTE,
    },
    authCacheMs: e.AUTH_CACHE_MS,
    personalData: { key: e.PERSONAL_DATA_KEY, keyFile: e.PERSONAL_DATA_KEY_FILE },
  };
}
