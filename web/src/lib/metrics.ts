// The seven rates (七率) as the bureau names them; an unknown key is shown as it is.
import type { Lang } from '../app/i18n';

export const metricKeys = ['satisfaction', 'familiarity', 'incidents', 'prevention', 'clues', 'registration', 'keyPersonControl'] as const;
export type MetricKey = (typeof metricKeys)[number];

const metricLabels: Record<MetricKey, { zh: string; en: string }> = {
  satisfaction: { zh: '满意率', en: 'satisfaction rate' },
  familiarity: { zh: '熟识率', en: 'familiarity rate' },
  incidents: { zh: '发案率', en: 'incident rate' },
  prevention: { zh: '防范率', en: 'prevention rate' },
  clues: { zh: '线索提供率', en: 'clue-provision rate' },
  registration: { zh: '实有人口登记率', en: 'population-registration rate' },
  keyPersonControl: { zh: '重点人口管控率', en: 'key-person control rate' },
};

export function metricLabel(metric: string, lang: Lang): string {
  return metricLabels[metric as MetricKey]?.[lang] ?? metric;
}
