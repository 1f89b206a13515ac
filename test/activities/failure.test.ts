// What reaches Temporal when an activity throws: short messages with the cause's essentials, and
// the permanent failures non-retryable with what to fix.
import { ApplicationFailure, defaultFailureConverter } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityFailure, maxMessageLength, reportingFailures } from '../../src/activities/failure.js';
import { PermanentFailure } from '../../src/core/failures.js';
import { InvalidFigureError } from '../../src/core/scoring.js';
import { MissingFactError } from '../../src/rules/engine.js';
import { parseRuleSet } from '../../src/rules/ruleSet.js';
import { freshSqlite, type TestDb } from '../support/db.js';

let t: TestDb;

beforeAll(async () => {
  t = await freshSqlite('activity-failure');
  await t.db.county.create({ data: { id: 'county-1', name: '示范县公安局' } });
  await t.db.officer.create({ data: { id: 'o01', countyId: 'county-1', name: '民警01' } });
});
afterAll(() => t.drop());

/** The error Prisma throws for a second rural posting of one officer on one day. */
async function uniqueViolation(): Promise<Error> {
  const posting = { officerId: 'o01', kind: 'rural-hardship', startsOn: '2026-04-02', reason: 'reassigned' };
  await t.db.posting.upsert({
    where: { officerId_startsOn_kind: { officerId: 'o01', startsOn: '2026-04-02', kind: 'rural-hardship' } },
    create: posting,
    update: {},
  });
  return t.db
    .$transaction((tx) => tx.posting.create({ data: posting }))
    .then(
      () => {
        throw new Error('expected a unique violation');
      },
      (err: Error) => err,
    );
}

describe('activityFailure', () => {
  it('turns a real Prisma unique-constraint error of many kilobytes into its code, model and fields', async () => {
    const err = await uniqueViolation();
    expect(err.message.length).toBeGreaterThan(10_000);
    const failure = activityFailure(err) as ApplicationFailure;
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure.message).toBe('P2002 Posting(officerId, startsOn, kind): UniqueConstraintViolation');
    expect(failure.type).toBe('PrismaClientKnownRequestError');
    expect(failure.nonRetryable).toBe(false);
    // What is sent to the server, stack included, stays far below its size limit.
    const proto = defaultFailureConverter.errorToFailure(failure, { toPayload: (v: unknown) => ({ data: Buffer.from(JSON.stringify(v)) }) } as never);
    expect(JSON.stringify(proto).length).toBeLessThan(4_000);
  });

  it('keeps the last line of any other long message, truncated', () => {
    const failure = activityFailure(new Error(`${'x'.repeat(20_000)}\n\n  the part that matters`)) as ApplicationFailure;
    expect(failure.message).toBe('the part that matters');
    expect((activityFailure(new Error('y'.repeat(20_000))) as ApplicationFailure).message).toHaveLength(maxMessageLength);
  });

  it('makes permanent failures non-retryable, with their type and what to fix', () => {
    const office = activityFailure(new PermanentFailure('OfficeWithoutOfficer', 'no officer on c10', 'bind an officer to c10')) as ApplicationFailure;
    expect(office).toMatchObject({
      type: 'OfficeWithoutOfficer',
      message: 'no officer on c10',
      nonRetryable: true,
      details: [{ fix: 'bind an officer to c10' }],
    });
    const figure = activityFailure(new InvalidFigureError('c01', 'population', 'expected a population greater than 0', 0)) as ApplicationFailure;
    expect(figure).toMatchObject({ type: 'InvalidFigure', nonRetryable: true, details: [{ fix: expect.stringContaining('POST /api/metrics') }] });
    const stored = (() => {
      try {
        parseRuleSet({ name: 'broken' }, 'rule set version 3');
      } catch (err) {
        return err;
      }
    })();
    expect(activityFailure(stored)).toMatchObject({ type: 'InvalidRuleSet', nonRetryable: true, message: expect.stringMatching(/^rule set version 3: \$/) });
    expect(activityFailure(new MissingFactError('weather', 'rainy-day'))).toMatchObject({ type: 'MissingFact', nonRetryable: true });
  });

  it('wraps every activity of a factory', async () => {
    const activities = reportingFailures({
      post: () =>
        uniqueViolation().then((err) => {
          throw err;
        }),
    });
    await expect(activities.post()).rejects.toMatchObject({ message: 'P2002 Posting(officerId, startsOn, kind): UniqueConstraintViolation' });
  });
});
