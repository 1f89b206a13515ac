// Who a signed-in user is in the scheme, agreed on by the API, its route table and the console.

/** Every role a user can hold; a user holds one. */
export const roles = ['bureau-staff', 'bureau-head', 'leader', 'officer', 'department', 'station', 'finance', 'province-reader'] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  'bureau-staff': '局机关工作人员',
  'bureau-head': '局长',
  leader: '联系社区局领导',
  officer: '社区民警',
  department: '局机关部门',
  station: '派出所',
  finance: '财务',
  'province-reader': '省厅查阅人员',
};

/** The registry entity a user of the role is, named by the user's subjectId; null: none. */
export const subjectOfRole: Record<Role, 'officer' | 'leader' | 'department' | 'station' | null> = {
  'bureau-staff': null,
  'bureau-head': null,
  leader: 'leader',
  officer: 'officer',
  department: 'department',
  station: 'station',
  finance: null,
  'province-reader': null,
};
