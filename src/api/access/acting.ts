// Who the caller is in the registry, for routes whose body once named the actor (leaderId of a
// visit, officerId answering it, stationId of a diversion, the recipient acknowledging a notice).
// Such fields are optional now; when given they must name the caller, else 403 naming the field.
import type { Response } from 'express';
import { roleLabels } from '../../contracts/roles.js';
import { bureauHead, financeRecipient } from '../../core/recipients.js';
import type { Recipient } from '../../core/types.js';
import { Problem } from '../problem.js';
import { principalOf } from './principal.js';

/** The registry id (leader, officer, department, station) the caller is; 403 for a user without one. */
export function subjectOf(res: Response): string {
  const p = principalOf(res);
  if (!p.subjectId) throw new Problem(403, `a ${p.role} user is not linked to a ${roleLabels[p.role]} in the registry`);
  return p.subjectId;
}

/** The registry id the caller is, or '' for a user linked to none: a reach-own filter on it then matches nothing. */
export function ownSubjectOf(res: Response): string {
  return principalOf(res).subjectId ?? '';
}

/** Refuses a body field (or query parameter) that names someone other than the caller. */
export function mustBeCaller(res: Response, field: { pointer?: string; parameter?: string }, given: string | undefined, caller: string): void {
  if (given === undefined || given === caller) return;
  const p = principalOf(res);
  const you = p.subjectId ? `${p.role} ${p.subjectId}` : `${p.role} of ${p.countyId ?? 'the province'}`;
  const name = field.pointer?.slice(1) ?? field.parameter;
  throw Problem.field(403, { ...field, message: `you are ${you}, and act only as yourself: ${name} must be ${caller} or left out, not ${given}` });
}

/** The recipient whose notices are the caller's: null for roles no notice is addressed to. */
export function recipientOf(res: Response): Recipient | null {
  const p = principalOf(res);
  switch (p.role) {
    case 'leader':
    case 'officer':
    case 'department':
    case 'station':
      return p.subjectId ? { type: p.role, id: p.subjectId } : null;
    case 'bureau-head':
      return bureauHead;
    case 'finance':
      return financeRecipient;
    case 'bureau-staff':
    case 'province-reader':
      return null;
  }
}
