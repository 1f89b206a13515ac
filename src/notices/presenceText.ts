// Text of the presence reminder and the presence violation.
import { monthEn, monthZh } from './dates.js';
import type { RenderedNotice } from './render.js';

export interface PresenceReminderFacts {
  month: string;
  date: string;
  days: number;
  required: number;
  workingDaysLeft: number;
}
export interface PresenceViolationFacts {
  month: string;
  days: number;
  required: number;
  countedDays: string[];
}

export function presenceReminderText(leader: string, community: string, f: PresenceReminderFacts): RenderedNotice {
  const needed = f.required - f.days;
  return {
    titleZh: `${monthZh(f.month)}驻小区工作提醒`,
    bodyZh: `${leader}：本月您在联系的${community}小区工作已计${f.days}天，按规定每月不少于${f.required}天，还需${needed}天；本月剩余工作日${f.workingDaysLeft}天。`,
    bodyEn:
      `${leader}: ${f.days} day(s) in ${community} counted so far in ${monthEn(f.month)}; ${f.required} are required, ${needed} more needed; ` +
      `${f.workingDaysLeft} working day(s) remain this month.`,
  };
}

export function presenceViolationText(leader: string, community: string, f: PresenceViolationFacts): RenderedNotice {
  return {
    titleZh: `关于${leader}${monthZh(f.month)}未落实驻小区工作制度的通报`,
    bodyZh: `依据责任捆绑制度，局领导每月在联系小区工作不少于${f.required}天。${leader}${monthZh(f.month)}在${community}小区工作${f.days}天，未达要求，记入捆绑考评。`,
    bodyEn:
      `Under responsibility binding a liaison leader must work in the community at least ${f.required} days a month. ` +
      `${leader} worked ${f.days} day(s) in ${community} in ${monthEn(f.month)}; the month is recorded as non-compliant.`,
  };
}
