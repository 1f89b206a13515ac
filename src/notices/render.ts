// Notice text in Chinese (the bureau's language) and English, from the facts behind it.
import { instantEn, instantZh, periodEn, periodZh } from './dates.js';
import type { NoticeKind, Recipient } from '../core/types.js';
import { labelOf, noticeKindLabels, recipientLabels, sanctionLabels } from '../core/vocabulary.js';

export type NameOf = (type: string, id: string) => string;

export interface RenderedNotice {
  titleZh: string;
  bodyZh: string;
  bodyEn: string;
}

interface JointNoticeFacts {
  period: string;
  score: number;
  officeCount: number;
  kinds: string[];
}
interface MissingFiguresFacts {
  period: string;
  deadline: string;
  figures: { community: string; metric: string; label: string }[];
}

export interface NoticeToRender {
  kind: NoticeKind;
  about: string;
  rule?: string;
  recipients: Recipient[];
  facts: Record<string, unknown>;
}

/**
 * A role word before names, as 对民警张三: left out when every name already carries it (the demo
 * county's 民警01, 局领导01), so a title never reads 民警民警01.
 */
export function withRole(role: string, names: string[]): string {
  return `${names.every((n) => n.startsWith(role)) ? '' : role}${names.join('、')}`;
}

export { periodZh };

/** `timeZone` is the bureau's (configuration TIME_ZONE): instants in the text are its wall-clock time. */
export function renderNotice({ kind, about, rule, recipients, facts }: NoticeToRender, nameOf: NameOf, timeZone: string): RenderedNotice {
  if (kind === 'joint-notice') return jointNotice(about, rule ?? '', recipients, facts as unknown as JointNoticeFacts, nameOf);
  if (kind === 'metrics-missing') return missingFigures(about, facts as unknown as MissingFiguresFacts, nameOf, timeZone);
  return {
    titleZh: `${noticeKindLabels[kind].zh}：${nameOf('community', about)}`,
    bodyZh: JSON.stringify(facts),
    bodyEn: `${noticeKindLabels[kind].en} about ${about}: ${JSON.stringify(facts)}`,
  };
}

function jointNotice(about: string, rule: string, recipients: Recipient[], f: JointNoticeFacts, nameOf: NameOf): RenderedNotice {
  const office = nameOf('community', about);
  const ids = (type: Recipient['type']) => recipients.filter((r) => r.type === type).map((r) => r.id);
  const officers = ids('officer');
  const [leader] = ids('leader');
  const [department] = ids('department');
  const role = (type: Recipient['type']) => recipientLabels[type].zh;
  const officersZh = withRole(
    role('officer'),
    officers.map((o) => nameOf('officer', o)),
  );
  const leaderZh = leader ? withRole(role('leader'), [nameOf('leader', leader)]) : `${role('leader')}（未绑定）`;
  const departmentZh = department ? withRole(role('department'), [nameOf('department', department)]) : `${role('department')}（未绑定）`;
  const measuresZh = f.kinds.map((k) => labelOf(sanctionLabels, k).zh).join('、');
  return {
    titleZh: `关于${office}小区警务室${periodZh(f.period)}考评排名末位的通报`,
    bodyZh:
      `${periodZh(f.period)}考评，${office}小区警务室得分${f.score}分，在${f.officeCount}个警务室中排名末位。` +
      `依据规则「${rule}」，对${officersZh}予以${measuresZh}。` +
      `根据责任捆绑制度，联系该小区的${leaderZh}和对口联系${departmentZh}一并通报。`,
    bodyEn:
      `In the ${periodEn(f.period)} evaluation the ${office} community police office scored ${f.score} points and ranked last of ${f.officeCount}. ` +
      `Under rule "${rule}" its officers (${officers.join(', ')}) receive: ${f.kinds.join(', ')}. ` +
      `Under responsibility binding, liaison leader ${leader ?? '(none bound)'} and liaison department ${department ?? '(none bound)'} are circulated with them.`,
  };
}

function missingFigures(department: string, f: MissingFiguresFacts, nameOf: NameOf, timeZone: string): RenderedNotice {
  const listZh = f.figures.map((x) => `${nameOf('community', x.community)}${x.label}`).join('、');
  return {
    titleZh: `${periodZh(f.period)}考评数据催报`,
    bodyZh: `${nameOf('department', department)}：${periodZh(f.period)}考评尚缺以下数据：${listZh}。请于${instantZh(f.deadline, timeZone)}前报送，逾期按已有数据考评并记录缺报。`,
    bodyEn:
      `${department}: figures still missing for ${periodEn(f.period)}: ${f.figures.map((x) => `${x.community}/${x.metric}`).join(', ')}. ` +
      `Please submit them before ${instantEn(f.deadline, timeZone)}; after that the period is evaluated on the figures present and the gaps are recorded.`,
  };
}
