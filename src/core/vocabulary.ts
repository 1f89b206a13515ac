// The words decisions and notices are made of: sanction kinds, honours, notice kinds and the
// types of recipient. Each is one `as const` list with its Chinese and English label beside it;
// the types come from the lists, so adding a word here makes the compiler name every Record and
// switch that must learn it (the rule-set schema takes the lists as its enums).

export interface Label {
  zh: string;
  en: string;
}

/** 处分: what a period rule may impose on an office's officers. */
export const sanctionKinds = ['circulated-criticism', 'admonishment-talk', 'rural-reassignment'] as const;
export type SanctionKind = (typeof sanctionKinds)[number];

export const sanctionLabels: Record<SanctionKind, Label> = {
  'circulated-criticism': { zh: '通报批评', en: 'circulated criticism' },
  'admonishment-talk': { zh: '诫勉谈话', en: 'an admonishment talk' },
  'rural-reassignment': { zh: '调农村艰苦岗位锻炼', en: 'reassignment to a rural hardship post' },
};

/** What a year-end rule may award besides money. */
export const honours = ['deputy-section-level-recommendation', 'reserve-talent-pool'] as const;
export type Honour = (typeof honours)[number];

export const honourLabels: Record<Honour, Label> = {
  'deputy-section-level-recommendation': { zh: '推荐县委按副科级待遇', en: 'a recommendation to the county committee for deputy-section-level treatment' },
  'reserve-talent-pool': { zh: '列入后备人才库', en: 'membership of the reserve talent pool' },
};

export const noticeKinds = [
  'joint-notice',
  'presence-reminder',
  'presence-violation',
  'payment-overdue',
  'metrics-missing',
  'notice-reminder',
  'notice-escalation',
  'diversion-excess',
  'payment-reminder',
  'payment-recorded',
  'payment-disputed',
  'payment-corrected',
  'police-situation-bulletin',
  'case-solved-bulletin',
  'cycle-failed',
  'appeal-filed',
  'appeal-payments-frozen',
  'appeal-reminder',
  'appeal-escalation',
  'appeal-decided',
  'notice-withdrawn',
  'register-reminder',
] as const;
export type NoticeKind = (typeof noticeKinds)[number];

export const noticeKindLabels: Record<NoticeKind, Label> = {
  'joint-notice': { zh: '考评末位通报', en: 'joint notice of a last place' },
  'presence-reminder': { zh: '驻点提醒', en: 'presence reminder' },
  'presence-violation': { zh: '驻点不足通报', en: 'presence violation' },
  'payment-overdue': { zh: '逾期未付通知', en: 'overdue payment' },
  'metrics-missing': { zh: '考评数据催报', en: 'missing figures' },
  'notice-reminder': { zh: '通报签收提醒', en: 'notice reminder' },
  'notice-escalation': { zh: '通报未签收报告', en: 'notice escalation' },
  'diversion-excess': { zh: '抽调超限通报', en: 'excess diversion' },
  'payment-reminder': { zh: '待付款提醒', en: 'payment reminder' },
  'payment-recorded': { zh: '付款登记通知', en: 'payment recorded' },
  'payment-disputed': { zh: '付款异议通知', en: 'payment disputed' },
  'payment-corrected': { zh: '付款更正通知', en: 'payment corrected' },
  'police-situation-bulletin': { zh: '警情通报', en: 'police situation bulletin' },
  'case-solved-bulletin': { zh: '破案通报', en: 'case-solved bulletin' },
  'cycle-failed': { zh: '考评未能完成通知', en: 'cycle failed' },
  'appeal-filed': { zh: '申诉待决通知', en: 'appeal filed' },
  'appeal-payments-frozen': { zh: '申诉期间付款暂停通知', en: 'payments held by an appeal' },
  'appeal-reminder': { zh: '申诉催办', en: 'appeal reminder' },
  'appeal-escalation': { zh: '申诉逾期未决报告', en: 'appeal escalation' },
  'appeal-decided': { zh: '申诉决定通知', en: 'appeal decided' },
  'notice-withdrawn': { zh: '撤回通报通知', en: 'notice withdrawn' },
  'register-reminder': { zh: '人口登记待办提醒', en: 'population register reminder' },
};

/** Who a notice goes to; the bureau's one recipient is its head (core/recipients.ts). */
export const recipientTypes = ['officer', 'leader', 'department', 'bureau', 'finance', 'station'] as const;
export type RecipientType = (typeof recipientTypes)[number];

/** The role word before a recipient's name in a notice: 对民警张三. */
export const recipientLabels: Record<RecipientType, Label> = {
  officer: { zh: '民警', en: 'officer' },
  leader: { zh: '局领导', en: 'liaison leader' },
  department: { zh: '股室', en: 'department' },
  bureau: { zh: '局长', en: 'bureau head' },
  finance: { zh: '财务', en: 'finance' },
  station: { zh: '派出所', en: 'police station' },
};

/** The label of a word read back from storage, or the word itself when it is not (or no longer) one. */
export function labelOf<K extends string>(labels: Record<K, Label>, word: string): Label {
  return Object.hasOwn(labels, word) ? labels[word as K] : { zh: word, en: word };
}
