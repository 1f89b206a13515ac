// The words of the registry, in both languages, used by its tables, forms and filters.
type T = (zh: string, en: string) => string;

export const areaLabel = (area: 'urban' | 'rural', t: T) => (area === 'urban' ? t('城区', 'Urban') : t('农村', 'Rural'));

export type SubjectType = 'officer' | 'leader' | 'department';

export const subjectTypeLabel = (type: SubjectType, t: T) =>
  ({ officer: t('社区民警', 'Community officer'), leader: t('联系社区局领导', 'Liaison leader'), department: t('挂钩部门', 'Liaison department') })[type];

/** Where each bound subject is listed in the registry. */
export const subjectKind = { officer: 'officers', leader: 'leaders', department: 'departments' } as const;

/** An optional email as the API takes it: blank means none. */
export const emailOrNull = (email: string | undefined | null) => (email?.trim() ? email.trim() : null);
