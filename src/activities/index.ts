import type { ActivityDeps } from './deps.js';
import { decideActivities } from './decide.js';
import { figureActivities } from './figures.js';
import { registerDerivationActivities } from './registerDerivation.js';
import { yearEndActivities } from './yearEnd.js';
import { noticeChaseActivities } from './noticeChase.js';
import { deliveryActivities } from './delivery.js';
import { presenceActivities } from './presence.js';
import { paymentActivities } from './payments.js';
import { paymentFollowUpActivities } from './paymentFollowUps.js';
import { cyclePaymentActivities } from './cyclePayments.js';
import { bulletinActivities } from './bulletins.js';
import { cycleFailureActivities } from './cycleFailure.js';
import { reportingFailures } from './failure.js';
import { appealActivities } from './appeals.js';
import { registerReminderActivities } from './registerReminders.js';
import { heartbeatingLongOnes } from './heartbeat.js';

export type { ActivityDeps } from './deps.js';

/**
 * The activities of every workflow, closed over dependencies that worker.ts builds once; each
 * throws only short failures, non-retryable where retrying cannot help.
 */
export function createActivities(deps: ActivityDeps) {
  return reportingFailures(
    heartbeatingLongOnes(
      {
        ...figureActivities(deps),
        ...registerDerivationActivities(deps),
        ...cycleFailureActivities(deps),
        ...decideActivities(deps),
        ...yearEndActivities(deps),
        ...noticeChaseActivities(deps),
        ...deliveryActivities(deps),
        ...presenceActivities(deps),
        ...paymentActivities(deps),
        ...paymentFollowUpActivities(deps),
        ...cyclePaymentActivities(deps),
        ...bulletinActivities(deps),
        ...appealActivities(deps),
        ...registerReminderActivities(deps),
      },
      deps.heartbeat,
    ),
  );
}
