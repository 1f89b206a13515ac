// The population register's vocabulary, shared by the API, the import, the cycle's derivation,
// the reminders, `simulate` and the console. The report files every resident on a household card
// in one of four classes, and gives every key person a three-person help group.

/** The classes of a household card's persons (实有人口四类). */
export const residenceClasses = ['present-registered', 'registered-away', 'present-unregistered', 'temporary'] as const;
export type ResidenceClass = (typeof residenceClasses)[number];

export const residenceClassLabels: Record<ResidenceClass, { zh: string; en: string }> = {
  'present-registered': { zh: '人在户在', en: 'registered and present' },
  'registered-away': { zh: '户在人不在', en: 'registered but away' },
  'present-unregistered': { zh: '人在户不在', en: 'present but not registered here' },
  temporary: { zh: '暂住人口', en: 'temporary resident' },
};

/** Who actually lives in the community: everyone but those registered here and living away. */
export const presentClasses: readonly ResidenceClass[] = ['present-registered', 'present-unregistered', 'temporary'];

/** Why a residence ended: a move to another card, a change of class, leaving the community, death, or a correction of a wrong entry. */
export const residenceEndReasons = ['moved', 'reclassified', 'left', 'died', 'corrected'] as const;
export type ResidenceEndReason = (typeof residenceEndReasons)[number];

/** The members of a key person's help group (帮教小组). */
export const helpGroupRoles = ['officer', 'security-cadre', 'parent'] as const;
export type HelpGroupRole = (typeof helpGroupRoles)[number];

export const helpGroupRoleLabels: Record<HelpGroupRole, { zh: string; en: string }> = {
  officer: { zh: '社区民警', en: 'community officer' },
  'security-cadre': { zh: '治保干部', en: 'security cadre' },
  parent: { zh: '家长', en: 'parent' },
};

/** The metrics a rule set may derive from the register instead of taking them as submitted. */
export const registerDerivations = ['registration', 'keyPersonControl'] as const;
export type RegisterDerivation = (typeof registerDerivations)[number];
