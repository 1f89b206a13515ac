// How an appeal's status is said, and its badge (a dot beside plain text, readable on any background).
export const appealStatuses = ['open', 'upheld', 'overturned'] as const;
export type AppealStatus = (typeof appealStatuses)[number];

export const appealStatusLabels: Record<AppealStatus, { zh: string; en: string; badge: 'processing' | 'default' | 'warning' }> = {
  open: { zh: '待裁决', en: 'Open', badge: 'processing' },
  upheld: { zh: '维持原决定', en: 'Upheld', badge: 'default' },
  overturned: { zh: '改判', en: 'Overturned', badge: 'warning' },
};
