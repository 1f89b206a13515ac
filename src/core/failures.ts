// The failures no retry can mend, named in src/contracts/failures.ts. Activities throw them (as
// non-retryable ApplicationFailures, see src/activities/failure.ts), every workflow's retry policy
// lists them, and a cycle that meets one ends failed with the reason and what to fix.
import type { PermanentFailureType } from '../contracts/failures.js';

/** Each permanent failure type with what, in general, a person must do about it (English; Chinese). */
export const permanentFailures = {
  InvalidCycleInput: {
    fix: 'start the cycle with a kind and period the rule set in force evaluates (POST /api/cycles)',
    fixZh: '请核对考评类型和期间后重新启动考评',
  },
  PeriodNotEnded: {
    fix: 'start the cycle once the period has ended; its Schedule starts it then by itself',
    fixZh: '请待考评期结束后再启动考评（定时任务届时会自动启动）',
  },
  InvalidRuleSet: {
    fix: 'correct the stored rule-set version (it no longer passes the current checks), then start the cycle again (POST /api/cycles)',
    fixZh: '请更正已存储的规则集版本后重新启动考评',
  },
  MissingFact: {
    fix: 'correct the rule set so that its rules name only catalogued facts (GET /api/rulesets/facts), then start the cycle again',
    fixZh: '请更正规则集中引用的未知事实后重新启动考评',
  },
  InvalidFigure: {
    fix: "correct the figure (POST /api/metrics) or the community's population or complexity (PATCH /api/communities/{id}), then start the cycle again",
    fixZh: '请更正有误的考评数据或小区人口、复杂程度后重新启动考评',
  },
  OfficeWithoutOfficer: {
    fix: "bind an officer to the community effective on or before the period's end (POST /api/bindings), then start the cycle again",
    fixZh: '请为该小区绑定期末在岗的民警后重新启动考评',
  },
  UnknownNotice: { fix: 'none: the notice was never stored; report this to the maintainers', fixZh: '通知不存在，请联系系统维护人员' },
  UnknownObligation: { fix: 'none: the obligation was never stored; report this to the maintainers', fixZh: '付款事项不存在，请联系系统维护人员' },
  UnknownChannel: { fix: 'configure the delivery channel, or resend over the channels configured', fixZh: '请配置该送达渠道' },
  DeliveryRejected: { fix: "correct the recipient's address or the channel's configuration", fixZh: '请更正收件地址或送达渠道配置' },
  UnknownAppeal: { fix: 'none: the appeal was never stored; report this to the maintainers', fixZh: '申诉不存在，请联系系统维护人员' },
} as const satisfies Record<PermanentFailureType, { fix: string; fixZh: string }>;

export function isPermanentFailureType(type: string | undefined | null): type is PermanentFailureType {
  return typeof type === 'string' && Object.hasOwn(permanentFailures, type);
}

/** Thrown by activities (and the code under them) for a failure that retrying cannot mend. */
export class PermanentFailure extends Error {
  readonly fix: string;
  constructor(
    readonly type: PermanentFailureType,
    message: string,
    fix?: string,
  ) {
    super(message);
    this.name = 'PermanentFailure';
    this.fix = fix ?? permanentFailures[type].fix;
  }
}
