// Text of the weekly police-situation bulletin (警情公告) and case-solved bulletin (破案公告).
import type { CommunityBulletins } from '../core/bulletins.js';
import { dayEn, dayZh } from './dates.js';
import type { RenderedNotice } from './render.js';

const weekZh = ({ start, end }: CommunityBulletins['week']) => `${dayZh(start)}至${dayZh(end)}`;
const weekEn = ({ start, end }: CommunityBulletins['week']) => `${dayEn(start)} to ${dayEn(end)}`;

export function policeSituationText(community: string, b: CommunityBulletins): RenderedNotice {
  const counts = Object.entries(b.situation.byCategory);
  return {
    titleZh: `${community}小区警情公告（${weekZh(b.week)}）`,
    bodyZh:
      b.situation.total === 0
        ? `${weekZh(b.week)}，${community}小区未发生报告警情。`
        : `${weekZh(b.week)}，${community}小区共发生警情${b.situation.total}起，其中${counts.map(([c, n]) => `${c}${n}起`).join('、')}。请居民提高防范意识。`,
    bodyEn:
      b.situation.total === 0
        ? `No incidents were reported in ${community} from ${weekEn(b.week)}.`
        : `${b.situation.total} incident(s) in ${community} from ${weekEn(b.week)}: ${counts.map(([c, n]) => `${c} ${n}`).join(', ')}.`,
  };
}

export function caseSolvedText(community: string, b: CommunityBulletins): RenderedNotice {
  return {
    titleZh: `${community}小区破案公告（${weekZh(b.week)}）`,
    bodyZh:
      b.solved.length === 0
        ? `${weekZh(b.week)}，${community}小区无新破案件。`
        : `${weekZh(b.week)}，${community}小区破获案件${b.solved.length}起：${b.solved.map((s) => `${dayZh(s.occurredOn)}${s.category}案（${s.summary}），${dayZh(s.solvedOn)}破获`).join('；')}。`,
    bodyEn:
      b.solved.length === 0
        ? `No cases in ${community} were solved from ${weekEn(b.week)}.`
        : `${b.solved.length} case(s) in ${community} solved from ${weekEn(b.week)}: ${b.solved.map((s) => `${s.category} of ${dayEn(s.occurredOn)}, solved ${dayEn(s.solvedOn)}`).join('; ')}.`,
  };
}
