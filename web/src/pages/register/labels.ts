// The register's words in the console, from the vocabulary the API and the import share.
import {
  helpGroupRoleLabels,
  helpGroupRoles,
  residenceClasses,
  residenceClassLabels,
  residenceEndReasons,
  type ResidenceClass,
  type ResidenceEndReason,
} from '../../../../src/core/register';

type T = (zh: string, en: string) => string;

export const classLabel = (c: string, t: T) => {
  const label = residenceClassLabels[c as keyof typeof residenceClassLabels];
  return label ? t(label.zh, label.en) : c;
};

export const roleLabel = (r: string, t: T) => {
  const label = helpGroupRoleLabels[r as keyof typeof helpGroupRoleLabels];
  return label ? t(label.zh, label.en) : r;
};

export const classOptions = (t: T) => residenceClasses.map((value) => ({ value, label: classLabel(value, t) }));
export const roleOptions = (t: T) => helpGroupRoles.map((value) => ({ value, label: roleLabel(value, t) }));
export { helpGroupRoles };

// Why a residence ended, as POST /register/persons/:id/residence-changes names it.
const endReasonLabels: Record<ResidenceEndReason, { zh: string; en: string }> = {
  moved: { zh: '迁往本社区其他户', en: 'moved to another card' },
  reclassified: { zh: '变更人员类别', en: 'reclassified' },
  left: { zh: '迁出本社区(注销)', en: 'left the community' },
  died: { zh: '死亡(注销)', en: 'died' },
  corrected: { zh: '更正登记错误', en: 'corrected' },
};

export const endReasonLabel = (r: string, t: T) => {
  const label = endReasonLabels[r as ResidenceEndReason];
  return label ? t(label.zh, label.en) : r;
};

export const endReasonOptions = (t: T) => residenceEndReasons.map((value) => ({ value, label: endReasonLabel(value, t) }));

// Why a person costs the registration rate a point: their class says it.
const unregisteredWhy: Partial<Record<ResidenceClass, { zh: string; en: string }>> = {
  'present-unregistered': { zh: '人在户不在:户籍不在本社区', en: 'lives here, registered elsewhere' },
  temporary: { zh: '暂住未登记或居住证已过期', en: 'temporary resident not registered, or the permit has expired' },
};

export const unregisteredWhyLabel = (c: string, t: T) => {
  const label = unregisteredWhy[c as ResidenceClass];
  return label ? t(label.zh, label.en) : classLabel(c, t);
};

const uncontrolledWhy = {
  'help-group-incomplete': { zh: '帮教小组不全', en: 'help group incomplete' },
  'talk-overdue': { zh: '谈话逾期', en: 'talk overdue' },
} as const;

export const uncontrolledWhyLabel = (why: string, t: T) => {
  const label = uncontrolledWhy[why as keyof typeof uncontrolledWhy];
  return label ? t(label.zh, label.en) : why;
};
