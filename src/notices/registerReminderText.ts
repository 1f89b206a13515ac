// Text of the register reminder: an officer's communities and, in each, the records to bring up to
// date, one line per record, in the words the station's own ledgers use.
import { helpGroupRoleLabels } from '../core/register.js';
import type { BacklogItem } from '../register/backlog.js';
import type { RenderedNotice } from './render.js';

/** A backlog item with the names it is shown by: the community, and the key person, resident or rented home. */
export type NamedItem = BacklogItem & { community: string; subject: string };

function lineZh(i: NamedItem): string {
  switch (i.kind) {
    case 'help-group-incomplete':
      return `重点人口${i.subject}的帮教小组缺${i.missing.map((r) => helpGroupRoleLabels[r].zh).join('、')}`;
    case 'talk-overdue':
      return `重点人口${i.subject}${i.lastTalkOn ? `上次谈话${i.lastTalkOn}` : '列管后未谈话'}，应于${i.dueOn}前谈话，已逾期`;
    case 'permit-expiring':
      return `暂住人口${i.subject}的居住证将于${i.expiresOn}到期`;
    case 'permit-expired':
      return `暂住人口${i.subject}的居住证已于${i.expiresOn}到期`;
    case 'inspection-due':
      return `出租房屋${i.subject}${i.lastInspectedOn ? `上次检查${i.lastInspectedOn}` : '未检查过'}，应于${i.dueOn}前检查，已逾期`;
  }
}

function lineEn(i: NamedItem): string {
  switch (i.kind) {
    case 'help-group-incomplete':
      return `key person ${i.subject}: help group lacks ${i.missing.map((r) => helpGroupRoleLabels[r].en).join(', ')}`;
    case 'talk-overdue':
      return `key person ${i.subject}: ${i.lastTalkOn ? `last talk ${i.lastTalkOn}` : 'no talk since listing'}, a talk was due by ${i.dueOn}`;
    case 'permit-expiring':
      return `temporary resident ${i.subject}: permit expires ${i.expiresOn}`;
    case 'permit-expired':
      return `temporary resident ${i.subject}: permit expired ${i.expiresOn}`;
    case 'inspection-due':
      return `rented home ${i.subject}: ${i.lastInspectedOn ? `last inspected ${i.lastInspectedOn}` : 'never inspected'}, an inspection was due by ${i.dueOn}`;
  }
}

/** `items` in community order. */
export function registerReminderText(officer: string, date: string, items: NamedItem[]): RenderedNotice {
  const communities = [...new Set(items.map((i) => i.community))];
  const section = (line: (i: NamedItem) => string, c: string) =>
    items
      .filter((i) => i.community === c)
      .map(line)
      .join('；');
  return {
    titleZh: `人口登记待办提醒（${date}，${items.length}项）`,
    bodyZh: `${officer}：截至${date}，您负责社区的人口登记有${items.length}项待办。${communities.map((c) => `${c}：${section(lineZh, c)}。`).join('')}`,
    bodyEn: `${officer}: as of ${date}, ${items.length} register record(s) of your communities need attention. ${communities.map((c) => `${c}: ${section(lineEn, c)}.`).join(' ')}`,
  };
}
