// Work that outlives a cycle — chasing a notice until it is acknowledged, following a payment
// until it arrives — runs in workflows of its own. Each kind of follow-up contributes a planner
// to the list below; the cycle workflow starts what they list, under ids that make a second
// start a no-op.
import type { FollowUp } from '../contracts/followUps.js';
import type { Db } from '../db/client.js';
import type { FollowUpPlanner } from './followUpPlanner.js';
import { jointNoticeChases } from './noticeFollowUps.js';
import { paymentVerifications } from './paymentFollowUps.js';

const planners: FollowUpPlanner[] = [jointNoticeChases, paymentVerifications];

export async function followUpsOf(db: Db, cycleId: string): Promise<FollowUp[]> {
  return (await Promise.all(planners.map((plan) => plan(db, cycleId)))).flat();
}
