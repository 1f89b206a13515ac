// The register's words in the console, from the vocabulary the API and the import share.
import { helpGroupRoleLabels, helpGroupRoles, residenceClasses, residenceClassLabels } from '../../../../src/core/register';

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
