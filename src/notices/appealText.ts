// The appeal notices and the appeal's explanation, in Chinese and English, from the stored appeal.
// Days and periods go through dates.ts, as in every notice: no ISO form reaches a person.
import type { AppealFacts } from '../db/appeals.js';
import { dayEn, dayZh, periodEn, periodZh } from './dates.js';
import { withRole, type NameOf, type RenderedNotice } from './render.js';

/** What an overturn changed, as stored on the appeal. */
export interface AppealOutcome {
  evaluations: { community: string; before: { score: number; rank: number }; after: { score: number; rank: number } }[];
  decisions: { slot: string; before: { id: string; amount: number | null } | null; after: { id: string; amount: number | null } | null }[];
  obligations: { id: string; before: number | null; after: number | null }[];
  withdrawnNotices: string[];
  newNotices: string[];
}

const contestedZh = (a: AppealFacts) => (a.contests === 'decision' ? `决定${a.decisionId}` : `${periodZh(a.period)}考评结果`);
const contestedEn = (a: AppealFacts) => (a.contests === 'decision' ? `decision ${a.decisionId}` : `the ${periodEn(a.period)} evaluation`);
const claimZh = (a: AppealFacts) => (a.metric ? `，主张${a.metricZh ?? a.metric}应为${a.value}` : '');
const claimEn = (a: AppealFacts) => (a.metric ? `, claiming ${a.metric} should be ${a.value}` : '');
const yuan = (n: number | null) => (n === null ? '—' : n.toFixed(2));

export function appealFiledText(a: AppealFacts, nameOf: NameOf): RenderedNotice {
  return {
    titleZh: `申诉待决：${withRole('民警', [nameOf('officer', a.officerId)])}（第${a.id}号）`,
    bodyZh: `${withRole('民警', [nameOf('officer', a.officerId)])}（${nameOf('community', a.communityId)}小区）对${contestedZh(a)}提出申诉${claimZh(a)}。理由：${a.reason}。请于${dayZh(a.deadlineOn)}前作出维持或改判决定。`,
    bodyEn: `Officer ${a.officerId} (${a.communityId}) appeals ${contestedEn(a)}${claimEn(a)}. Reason: ${a.reason}. Decide (uphold or overturn) by ${dayEn(a.deadlineOn)}.`,
  };
}

export function paymentsFrozenText(a: AppealFacts, held: number): RenderedNotice {
  return {
    titleZh: `付款暂停：第${a.id}号申诉未决`,
    bodyZh: `因民警${a.officerId}对${contestedZh(a)}的申诉（第${a.id}号）尚未决定，改判可能改变${periodZh(a.period)}各项金额（补助按得分分配），该期全部${held}笔付款事项暂停核销、提醒和督办，申诉决定后自动恢复。`,
    bodyEn: `Appeal ${a.id} by officer ${a.officerId} against ${contestedEn(a)} is undecided; an overturn may change every amount of ${periodEn(a.period)} (the subsidy is split by score), so settling, reminders and escalation of all ${held} obligations of the period are paused. They resume once the appeal is decided.`,
  };
}

export function appealReminderText(a: AppealFacts, round: number): RenderedNotice {
  return {
    titleZh: `申诉催办（第${round}次）：第${a.id}号`,
    bodyZh: `民警${a.officerId}对${contestedZh(a)}的申诉尚未决定，期限${dayZh(a.deadlineOn)}。`,
    bodyEn: `Reminder ${round}: appeal ${a.id} by officer ${a.officerId} against ${contestedEn(a)} is still undecided; the deadline is ${dayEn(a.deadlineOn)}.`,
  };
}

export function appealEscalationText(a: AppealFacts): RenderedNotice {
  return {
    titleZh: `申诉逾期未决：第${a.id}号`,
    bodyZh: `民警${a.officerId}对${contestedZh(a)}的申诉已过决定期限${dayZh(a.deadlineOn)}仍未决定，相关付款仍暂停，请局长督办。`,
    bodyEn: `Appeal ${a.id} by officer ${a.officerId} against ${contestedEn(a)} passed its deadline ${dayEn(a.deadlineOn)} undecided; its payments stay paused. Escalated to the bureau head.`,
  };
}

export function noticeWithdrawnText(title: string, a: AppealFacts): RenderedNotice {
  return {
    titleZh: `撤回通报：${title}`,
    bodyZh: `第${a.id}号申诉改判后，该通报所依据的处理不再成立，现予撤回，无需再确认。改判理由：${a.decisionReason ?? ''}`,
    bodyEn: `Appeal ${a.id} was overturned and the sanction behind this notice no longer stands: the notice is withdrawn and needs no acknowledgement. Reason: ${a.decisionReason ?? ''}`,
  };
}

export function appealDecidedText(a: AppealFacts, outcome: AppealOutcome | null): RenderedNotice {
  const { zh, en } = explainAppeal(a, outcome);
  return { titleZh: `申诉决定：第${a.id}号${a.status === 'upheld' ? '维持原决定' : '改判'}`, bodyZh: zh, bodyEn: en };
}

/** The whole chain in one paragraph per language: what was contested, the decision, and what changed. */
export function explainAppeal(a: AppealFacts, outcome: AppealOutcome | null): { zh: string; en: string } {
  const head = `民警${a.officerId}对${contestedZh(a)}提出申诉${claimZh(a)}（理由：${a.reason}）。`;
  const headEn = `Officer ${a.officerId} appealed ${contestedEn(a)}${claimEn(a)} (reason: ${a.reason}). `;
  if (a.status === 'open')
    return {
      zh: `${head}尚待局里于${dayZh(a.deadlineOn)}前决定，期间${periodZh(a.period)}付款暂停。`,
      en: `${headEn}It awaits the bureau's decision by ${dayEn(a.deadlineOn)}; payments of ${periodEn(a.period)} are paused meanwhile.`,
    };
  if (a.status === 'upheld')
    return {
      zh: `${head}局里维持原决定：${a.decisionReason}。原结果不变，付款恢复。`,
      en: `${headEn}The bureau upheld the original decision: ${a.decisionReason}. Nothing changes; payments resume.`,
    };
  const zh: string[] = [`${head}局里改判：${a.decisionReason}。按该期适用的规则集重新评定：`];
  const en: string[] = [`${headEn}The bureau overturned it: ${a.decisionReason}. The period was decided again under the rule set in force then: `];
  if (!outcome) return { zh: `${zh[0]}重新评定进行中。`, en: `${en[0]}the re-decision is in progress.` };
  for (const e of outcome.evaluations) {
    zh.push(`${e.community}得分${e.before.score}→${e.after.score}，名次${e.before.rank}→${e.after.rank}；`);
    en.push(`${e.community} score ${e.before.score} → ${e.after.score}, rank ${e.before.rank} → ${e.after.rank}; `);
  }
  // Subsidy amounts are told once, as the obligations they are paid through.
  for (const d of outcome.decisions.filter((x) => !x.slot.startsWith('subsidy/'))) {
    if (!d.after) {
      zh.push(`${d.before!.id}撤销；`);
      en.push(`${d.before!.id} falls away; `);
    } else if (!d.before) {
      zh.push(`新增${d.after.id}；`);
      en.push(`new ${d.after.id}; `);
    } else {
      zh.push(`${d.before.id}由${d.after.id}取代（${yuan(d.before.amount)}→${yuan(d.after.amount)}元）；`);
      en.push(`${d.before.id} replaced by ${d.after.id} (${yuan(d.before.amount)} → ${yuan(d.after.amount)} yuan); `);
    }
  }
  for (const o of outcome.obligations) {
    zh.push(`付款${o.id}：${yuan(o.before)}→${o.after === null ? '撤销' : `${yuan(o.after)}元`}；`);
    en.push(`obligation ${o.id}: ${yuan(o.before)} → ${o.after === null ? 'cancelled' : `${yuan(o.after)} yuan`}; `);
  }
  for (const n of outcome.withdrawnNotices) {
    zh.push(`撤回通报${n}；`);
    en.push(`notice ${n} withdrawn; `);
  }
  for (const n of outcome.newNotices) {
    zh.push(`发出通报${n}；`);
    en.push(`notice ${n} issued; `);
  }
  zh.push('原记录保留并注明由谁取代及原因。');
  en.push('The previous rows are kept, each naming what replaced it and why.');
  return { zh: zh.join(''), en: en.join('') };
}
