// Text of the reminders and the escalation that chase an unacknowledged notice.
import type { Recipient } from '../core/types.js';
import { dayEn, dayZh, localDay } from './dates.js';
import type { NameOf, RenderedNotice } from './render.js';

export interface ChasedNotice {
  id: string;
  titleZh: string;
  createdAt: Date;
}

/** `timeZone` is the bureau's: the day a notice was issued is its day there. */
export function reminderText(notice: ChasedNotice, round: number, timeZone: string): RenderedNotice {
  const issued = localDay(notice.createdAt, timeZone);
  return {
    titleZh: `请签收：${notice.titleZh}`,
    bodyZh: `${dayZh(issued)}下发的《${notice.titleZh}》（编号${notice.id}）您尚未签收，请尽快阅知并签收（第${round}次提醒）。`,
    bodyEn: `You have not yet acknowledged notice ${notice.id} of ${dayEn(issued)}. Please read and acknowledge it (reminder ${round}).`,
  };
}

export function escalationText(notice: ChasedNotice, afterDays: number, pending: Recipient[], nameOf: NameOf): RenderedNotice {
  const whoZh = pending.map((r) => nameOf(r.type, r.id)).join('、');
  return {
    titleZh: `未签收通报报告：${notice.titleZh}`,
    bodyZh: `《${notice.titleZh}》（编号${notice.id}）下发${afterDays}日后，以下人员或单位仍未签收：${whoZh}。请局领导督促。`,
    bodyEn:
      `${afterDays} days after notice ${notice.id} was issued, these recipients have still not acknowledged it: ` +
      `${pending.map((r) => `${r.type}:${r.id}`).join(', ')}. Referred to the bureau head.`,
  };
}
