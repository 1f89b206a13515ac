// Notices read as a bureau document does: dates and times in the bureau's time zone and Chinese
// date style (English spelled out), never an ISO timestamp; a role word never doubled.
import { describe, expect, it } from 'vitest';
import { caseSolvedText, policeSituationText } from '../../src/notices/bulletinText.js';
import { escalationText, reminderText } from '../../src/notices/chaseText.js';
import {
  appealDecidedText,
  appealEscalationText,
  appealFiledText,
  appealReminderText,
  noticeWithdrawnText,
  paymentsFrozenText,
  type AppealOutcome,
} from '../../src/notices/appealText.js';
import { diversionText } from '../../src/notices/diversionText.js';
import { paymentNoticeText } from '../../src/notices/paymentText.js';
import { presenceReminderText, presenceViolationText } from '../../src/notices/presenceText.js';
import { renderNotice, type NameOf, type RenderedNotice } from '../../src/notices/render.js';
import { demoLeaders, demoOfficers } from '../../src/db/demo-county.js';

const demoNames: NameOf = (type, id) =>
  (type === 'officer' ? demoOfficers : type === 'leader' ? demoLeaders : []).find((p) => p.id === id)?.name ?? (type === 'community' ? '小江口' : id);

/** ISO dates (2026-12-07), months (2026-12) and instants (…T04:25:51.731Z) are machine forms. */
const isoForm = /\d{4}-\d{2}|T\d{2}:\d{2}/;
const expectReadable = (n: RenderedNotice) => {
  for (const text of [n.titleZh, n.bodyZh, n.bodyEn]) expect(text).not.toMatch(isoForm);
};

const missing = (deadline: string, timeZone: string) =>
  renderNotice(
    {
      kind: 'metrics-missing',
      about: 'zhian',
      recipients: [{ type: 'department', id: 'zhian' }],
      facts: { period: '2026-Q4', deadline, figures: [{ community: 'c01', metric: 'clues', label: '线索' }] },
    },
    demoNames,
    timeZone,
  );

describe('the figures-missing notice', () => {
  it("gives its deadline in the bureau's time zone, in Chinese date style and readable English", () => {
    const n = missing('2026-12-07T04:25:51.731Z', 'Asia/Shanghai');
    expect(n.bodyZh).toContain('请于2026年12月7日12时25分前报送');
    expect(n.bodyEn).toContain('before 7 December 2026, 12:25 (Asia/Shanghai time)');
    expectReadable(n);
  });

  it('follows the configured time zone, and the day changes with it', () => {
    expect(missing('2026-12-07T04:25:51.731Z', 'America/New_York').bodyZh).toContain('请于2026年12月6日23时25分前报送');
    expect(missing('2026-12-07T04:00:00Z', 'Asia/Shanghai').bodyZh).toContain('请于2026年12月7日12时前报送');
  });
});

describe('the joint notice', () => {
  const joint = (nameOf: NameOf) =>
    renderNotice(
      {
        kind: 'joint-notice',
        about: 'c01',
        rule: '末位',
        recipients: [
          { type: 'officer', id: 'o01' },
          { type: 'officer', id: 'o02' },
          { type: 'leader', id: 'L01' },
          { type: 'department', id: 'D01' },
        ],
        facts: { period: '2026-Q3', score: 61.5, officeCount: 10, kinds: ['circulated-criticism'] },
      },
      nameOf,
      'Asia/Shanghai',
    );

  it('does not double the role word when the names carry it', () => {
    const n = joint(demoNames);
    expect(n.bodyZh).toContain('对民警01、民警02予以通报批评');
    expect(n.bodyZh).toContain('联系该小区的局领导01和');
    expect(n.bodyZh).not.toMatch(/民警民警|局领导局领导/);
    expect(n.bodyEn).toContain('In the Q3 2026 evaluation');
    expectReadable(n);
  });

  it('puts the role word before names that do not carry it', () => {
    const n = joint((type, id) => ({ o01: '张三', o02: '李四', L01: '王五', D01: '治安大队' })[id] ?? (type === 'community' ? '小江口' : id));
    expect(n.bodyZh).toContain('对民警张三、李四予以');
    expect(n.bodyZh).toContain('联系该小区的局领导王五和对口联系股室治安大队一并通报');
  });
});

describe('every other notice text', () => {
  it('shows days, months and weeks in Chinese date style and readable English', () => {
    // 17:30 UTC on 6 December is already 7 December in Shanghai: the notice was issued on the 7th.
    const chased = { id: 'quarterly-2026-Q3/joint-notice/c01', titleZh: '通报', createdAt: new Date('2026-12-06T17:30:00Z') };
    const reminder = reminderText(chased, 1, 'Asia/Shanghai');
    expect(reminder.bodyZh).toMatch(/^2026年12月7日下发的/);
    expect(reminder.bodyEn).toContain('of 7 December 2026');
    const money = {
      obligation: '2026-Q3/subsidy/o01',
      due: '2026-10-31',
      amount: 1500,
      paid: 0,
      asOf: '2026-11-02',
      payment: 100,
      reference: 'R1',
      reason: 'r',
      note: 'n',
      action: 'cancel',
    };
    const overdue = paymentNoticeText('payment-overdue', money);
    expect(overdue.bodyZh).toContain('截至2026年11月2日');
    expect(overdue.bodyZh).toContain('到期日2026年10月31日');
    expect(overdue.bodyEn).toContain('due 31 October 2026');
    const week = { start: '2026-11-23', end: '2026-11-29' };
    const bulletin = {
      communityId: 'c01',
      week,
      situation: { total: 1, byCategory: { 盗窃: 1 } },
      solved: [{ id: 1, occurredOn: '2026-11-02', solvedOn: '2026-11-25', category: '盗窃', summary: '电动车被盗' }],
    };
    const situation = policeSituationText('小江口', bulletin);
    expect(situation.titleZh).toBe('小江口小区警情公告（2026年11月23日至2026年11月29日）');
    const presence = presenceViolationText('局领导01', '小江口', { month: '2026-11', days: 1, required: 4, countedDays: ['2026-11-03'] });
    expect(presence.titleZh).toContain('2026年11月未落实驻小区工作制度');
    const texts = [
      reminder,
      escalationText(chased, 7, [{ type: 'leader', id: 'L01' }], demoNames),
      situation,
      caseSolvedText('小江口', bulletin),
      presence,
      presenceReminderText('局领导01', '小江口', { month: '2026-11', date: '2026-11-10', days: 1, required: 4, workingDaysLeft: 15 }),
      diversionText('小江口', { month: '2026-11', communityId: 'c01', count: 3, allowed: 2, stationId: 'chengguan' }),
      ...(['payment-reminder', 'payment-overdue', 'payment-recorded', 'payment-disputed', 'payment-corrected'] as const).map((k) =>
        paymentNoticeText(k, money),
      ),
    ];
    for (const t of texts) expectReadable(t);
  });
});

describe('the appeal notices', () => {
  const appeal = {
    id: 3,
    officerId: 'o07',
    communityId: 'c07',
    period: '2026-Q3',
    contests: 'evaluation',
    decisionId: null,
    reason: '满意率调查漏计',
    metric: 'satisfaction',
    metricZh: '群众满意率',
    value: 0.93,
    deadlineOn: '2026-10-25',
    status: 'open',
    decisionReason: null,
  };
  const outcome: AppealOutcome = {
    evaluations: [{ community: 'c07', before: { score: 61.5, rank: 10 }, after: { score: 70.25, rank: 8 } }],
    decisions: [{ slot: 'circulated-criticism/c07', before: { id: 'quarterly-2026-Q3/circulated-criticism/c07', amount: null }, after: null }],
    obligations: [{ id: '2026-Q3/subsidy/o07', before: 1200, after: 1350.5 }],
    withdrawnNotices: ['quarterly-2026-Q3/joint-notice/c07'],
    newNotices: [],
  };

  it('give the deadline and the period in Chinese date style and readable English', () => {
    const filed = appealFiledText(appeal, demoNames);
    expect(filed.bodyZh).toContain('对2026年第三季度考评结果提出申诉');
    expect(filed.bodyZh).toContain('请于2026年10月25日前作出维持或改判决定');
    expect(filed.bodyEn).toContain('appeals the Q3 2026 evaluation');
    expect(filed.bodyEn).toContain('by 25 October 2026');
    expect(filed.titleZh + filed.bodyZh).not.toMatch(/民警民警/);
    expect(appealEscalationText(appeal).bodyZh).toContain('已过决定期限2026年10月25日');
  });

  it.each([
    ['appeal-filed', appealFiledText(appeal, demoNames)],
    ['appeal-payments-frozen', paymentsFrozenText(appeal, 12)],
    ['appeal-reminder', appealReminderText(appeal, 2)],
    ['appeal-escalation', appealEscalationText(appeal)],
    ['appeal-decided (upheld)', appealDecidedText({ ...appeal, status: 'upheld', decisionReason: '样本符合规定' }, null)],
    ['appeal-decided (overturned)', appealDecidedText({ ...appeal, status: 'overturned', decisionReason: '复核确认漏计' }, outcome)],
    ['notice-withdrawn', noticeWithdrawnText('关于小江口小区的联合通报', { ...appeal, status: 'overturned', decisionReason: '复核确认漏计' })],
  ])('%s shows no ISO date or timestamp', (_kind, text) => {
    expectReadable(text);
  });
});
