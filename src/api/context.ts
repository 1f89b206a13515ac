import { wallClock } from '../core/presenceMonth.js';
import { defaultAccountsOptions, type AccountsOptions } from '../accounts/options.js';
import { FailureCounter } from '../accounts/throttle.js';
import type { CyclePort, WorkflowSignals } from '../cycles/port.js';
import type { Db } from '../db/client.js';
import { defaultTimeZone } from '../core/periodBounds.js';
import { createInboxNotifier, type Notifier } from '../notices/notifier.js';
import { CredentialCache } from './credentialCache.js';
import type { TemporalProbe } from './health.js';
import type { OverloadOptions } from './overload.js';
import { createLogger, type Logger } from './log.js';
import { personalDataCipher, type PersonalDataCipher } from '../register/personalData.js';
import { randomBytes } from 'node:crypto';

/** A pino logger; made by createLogger, `log.warn(message, err)` puts the error under `err`. */
export type { Logger } from './log.js';

export interface AppDeps {
  db: Db;
  cycles: CyclePort;
  signals: WorkflowSignals;
  /** Publishes the notices routes raise (diversions, payment corrections); defaults to the inbox. */
  notifier?: Notifier;
  clock?: () => Date;
  /** Where the JSON logs go; defaults to createLogger() (level info, stdout). */
  logger?: Logger;
  /** The bureau's TIME_ZONE, where periods end; Asia/Shanghai when not given. */
  timeZone?: string;
  /** Checks Temporal for /readyz; without it /readyz checks the database alone. */
  temporalProbe?: TemporalProbe;
  /** Sessions and sign-in throttling; the defaults of src/accounts/options.ts for what is not given. */
  accounts?: Partial<AccountsOptions>;
  /** The built console served at /; dist/console when not given. */
  consoleDir?: string;
  /** How long authentication trusts a credential it has read (0, the default: not at all). */
  authCacheMs?: number;
  /** Load shedding of /api (src/api/overload.ts); none when not given. */
  overload?: OverloadOptions;
  /** The register's ID-number cipher; without it, one under a key that dies with the process (tests). */
  personalData?: PersonalDataCipher;
}

/** What every route factory receives. */
export interface Ctx {
  db: Db;
  cycles: CyclePort;
  signals: WorkflowSignals;
  notifier: Notifier;
  log: Logger;
  now(): Date;
  /** The bureau's today as YYYY-MM-DD (in `timeZone`) by the injected clock: from 16:00 UTC Shanghai is a day ahead. */
  today(): string;
  timeZone: string;
  accounts: AccountsOptions;
  /** Failed sign-ins and invitation acceptances, by sign-in name, code and client address. */
  failures: FailureCounter;
  /** Credentials authentication has read; a route that ends one forgets its user's. */
  credentials: CredentialCache;
  /** Encrypts, decrypts and hashes the register's ID numbers. */
  personalData: PersonalDataCipher;
}

export function contextOf(deps: AppDeps): Ctx {
  const clock = deps.clock ?? (() => new Date());
  const timeZone = deps.timeZone ?? defaultTimeZone;
  return {
    db: deps.db,
    cycles: deps.cycles,
    signals: deps.signals,
    notifier: deps.notifier ?? createInboxNotifier(),
    log: deps.logger ?? createLogger(),
    now: clock,
    today: () => wallClock(clock(), timeZone).day,
    timeZone,
    accounts: { ...defaultAccountsOptions, ...deps.accounts },
    failures: new FailureCounter(clock),
    credentials: new CredentialCache(deps.authCacheMs ?? 0),
    personalData: deps.personalData ?? personalDataCipher(randomBytes(32)),
  };
}
