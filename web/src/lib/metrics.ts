// The seven rates (七率) by the keys evaluations and breakdowns use, with their Chinese and English
// names as the default rule set writes them (src/rules/default-ruleset.json). Only readers may
// read rule sets, so the console names the metrics itself; a key it does not know shows as is.
import type { MetricKey } from '../../../src/core/types';

export const metricLabels: Record<MetricKey, { zh: string; en: string }> = {
  satisfaction: { zh: '满意率', en: 'satisfaction rate' },
  familiarity: { zh: '熟识率', en: 'familiarity rate' },
  incidents: { zh: '发案率', en: 'incident rate' },
  prevention: { zh: '防范率', en: 'prevention rate' },
  clues: { zh: '线索提供率', en: 'clue-provision rate' },
  registration: { zh: '实有人口登记率', en: 'population-registration rate' },
  keyPersonControl: { zh: '重点人口管控率', en: 'key-person control rate' },
};

/** Count metrics are figures in the quarter (shown as they are); the rest are fractions 0–1 (shown as %). */
export const countMetrics: ReadonlySet<string> = new Set(['incidents', 'clues']);

export function metricLabel(key: string, t: (zh: string, en: string) => string): string {
  const label = Object.hasOwn(metricLabels, key) ? metricLabels[key as MetricKey] : undefined;
  return label ? t(label.zh, label.en) : key;
}

export type { MetricKey };
export const metricKeys = Object.keys(metricLabels) as MetricKey[];
