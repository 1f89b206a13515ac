// What an activity's error becomes on its way to Temporal: a failure that no retry can mend is
// a non-retryable ApplicationFailure of a type named in src/contracts/failures.ts, with what to fix in
// its details; anything else stays retryable. Either way the message is short — the cause's
// essentials, never its whole text: a Prisma error alone runs to 30 KB, and a failure over
// Temporal's size limit arrives as "Failure exceeds size limit", which says nothing.
import { ApplicationFailure, TemporalFailure } from '@temporalio/common';
import type { PermanentFailureType } from '../contracts/failures.js';
import { PermanentFailure, permanentFailures } from '../core/failures.js';
import { InvalidFigureError } from '../core/scoring.js';
import { MissingFactError } from '../rules/engine.js';
import { CadenceNotDefinedError, RuleSetError } from '../rules/ruleSet.js';

export const maxMessageLength = 500;

/** Domain errors that say the input itself is wrong, so the same call would fail again. */
const permanentKinds: [new (...args: never[]) => Error, PermanentFailureType][] = [
  [InvalidFigureError, 'InvalidFigure'],
  [RuleSetError, 'InvalidRuleSet'],
  [MissingFactError, 'MissingFact'],
  [CadenceNotDefinedError, 'InvalidCycleInput'],
];

function truncate(text: string): string {
  return text.length <= maxMessageLength ? text : `${text.slice(0, maxMessageLength - 1)}…`;
}

interface PrismaLike {
  code: string;
  message: string;
  meta?: Record<string, unknown>;
}

function isPrismaError(err: Error): err is Error & PrismaLike {
  return err.name.startsWith('PrismaClient') && typeof (err as Partial<PrismaLike>).code === 'string';
}

/** `P2002 Posting(officerId, startsOn, kind): UniqueConstraintViolation`, from a Prisma error's code and meta. */
function prismaEssentials(err: PrismaLike): string {
  const meta = err.meta ?? {};
  const cause = (meta.driverAdapterError as { cause?: { kind?: string; constraint?: { fields?: string[] } } } | undefined)?.cause;
  const fields = (Array.isArray(meta.target) ? (meta.target as string[]) : cause?.constraint?.fields)?.map((f) => f.replace(/"/g, ''));
  const model = typeof meta.modelName === 'string' ? meta.modelName : 'database';
  return `${err.code} ${model}${fields ? `(${fields.join(', ')})` : ''}: ${cause?.kind ?? lastLine(err.message)}`;
}

/** Long messages (Prisma's quote the calling code) end with the sentence that matters. */
function lastLine(message: string): string {
  return (
    message
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .at(-1) ?? message
  );
}

function essentials(err: Error): string {
  if (isPrismaError(err)) return prismaEssentials(err);
  return err.message.length <= maxMessageLength ? err.message : lastLine(err.message);
}

/** The failure to throw to Temporal for whatever an activity threw. */
export function activityFailure(err: unknown): TemporalFailure {
  if (err instanceof TemporalFailure) return err;
  if (!(err instanceof Error)) return ApplicationFailure.create({ type: 'Error', message: truncate(String(err)) });
  const type = err instanceof PermanentFailure ? err.type : permanentKinds.find(([kind]) => err instanceof kind)?.[1];
  const message = truncate(essentials(err));
  if (!type) return ApplicationFailure.create({ type: err.name, message });
  const fix = err instanceof PermanentFailure ? err.fix : permanentFailures[type].fix;
  return ApplicationFailure.create({ type, message, nonRetryable: true, details: [{ fix: truncate(fix) }] });
}

type Activities = Record<string, (...args: never[]) => Promise<unknown>>;

/** Every activity of the factory, throwing only what activityFailure makes of its errors. */
export function reportingFailures<T extends Activities>(activities: T): T {
  const wrapped: Activities = {};
  for (const [name, run] of Object.entries(activities)) {
    wrapped[name] = async (...args: never[]) => {
      try {
        return await run(...args);
      } catch (err) {
        throw activityFailure(err);
      }
    };
  }
  return wrapped as T;
}
