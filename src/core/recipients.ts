import type { Recipient } from './types.js';

/**
 * The bureau head (局长), the one bureau recipient: escalations, overdue payments, disputes and
 * every notice the bureau answers for go to `bureau:head`, the id the inbox is read with.
 */
export const bureauHead: Recipient = { type: 'bureau', id: 'head' };

/** Finance (财务), one recipient per county: payments to record, disputes, overdue obligations. */
export const financeRecipient: Recipient = { type: 'finance', id: 'finance' };
