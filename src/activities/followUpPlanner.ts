// What each kind of follow-up contributes to a cycle (the list is in followUps.ts), in a file of
// its own so that the planners and their list do not import each other.
import type { FollowUp } from '../contracts/followUps.js';
import type { Db } from '../db/client.js';

export type FollowUpPlanner = (db: Db, cycleId: string) => Promise<FollowUp[]>;
