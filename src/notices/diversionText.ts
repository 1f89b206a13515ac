// Text of the notice that a station diverted a community's officers more often than allowed.
import { monthEn, monthZh } from './dates.js';
import type { RenderedNotice } from './render.js';

export interface DiversionFacts {
  month: string;
  communityId: string;
  count: number;
  allowed: number;
  stationId: string;
}

export function diversionText(community: string, f: DiversionFacts): RenderedNotice {
  return {
    titleZh: `关于${monthZh(f.month)}抽调${community}小区民警的通报`,
    bodyZh: `小区民警不参与派出所值班、不参与具体案件侦办。${monthZh(f.month)}${community}小区民警已被抽调${f.count}次，超过规定的每月${f.allowed}次（最近一次由${f.stationId}抽调）。请派出所纠正。`,
    bodyEn:
      `Community officers do not stand station duty or investigate cases. In ${monthEn(f.month)} the officers of ${community} have been diverted ` +
      `${f.count} times, more than the ${f.allowed} allowed a month (latest by station ${f.stationId}).`,
  };
}
