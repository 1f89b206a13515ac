// How long an activity attempt may take before Temporal gives it to another worker. A worker
// killed mid-attempt reports nothing, so this bound is how long its work waits: short for the
// single transactions, and for the long ones a heartbeat that stops when the process dies.
// Retries are each workflow's own (they must outlast a database outage of a minute or more).
import type { ActivityOptions } from '@temporalio/workflow';

/**
 * One transaction about one cycle, obligation, notice, appeal, leader-month or page of rows. The
 * largest legitimate run — a county of a few hundred offices, its figures read and one notice per
 * department written, on a slow PostgreSQL — takes about a second; 10 s is ten times that. A retry
 * after a dead worker starts within about 12 s (10 s plus the 2-s first backoff), and within 24 s
 * when the retry itself went to a worker that died too: the 30 s holds in both.
 */
export const singleTransaction = { startToCloseTimeout: '10 seconds' } satisfies ActivityOptions;

/**
 * Deciding a county's period (one transaction over all its offices, allowed 10 minutes by
 * decide.ts), re-deciding one on appeal, publishing a page of bulletins: these heartbeat every
 * few seconds while they run (src/activities/heartbeat.ts), so a dead worker is noticed within
 * 10 s; the start-to-close only bounds a live attempt that hangs.
 */
export const heartbeating = { startToCloseTimeout: '15 minutes', heartbeatTimeout: '10 seconds' } satisfies ActivityOptions;
