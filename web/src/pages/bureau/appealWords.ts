// How an appeal's status is said and coloured.
export const appealStatuses = ['open', 'upheld', 'overturned'] as const;
export type AppealStatus = (typeof appealStatuses)[number];

export const appealStatusLabels: Record<AppealStatus, { zh: string; en: string; color: string }> = {
  open: { zh: '待裁决', en: 'Open', color: 'processing' },
  upheld: { zh: '维持原决定', en: 'Upheld', color: 'default' },
  overturned: { zh: '改判', en: 'Overturned', color: 'warning' },
};
