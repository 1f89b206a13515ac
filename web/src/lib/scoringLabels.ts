// The names the console gives the seven rates (七率) and the sanctions, as docs/scoring.md and
// src/core/vocabulary.ts name them; a key the console does not know is shown as it is.
import type { Label } from './labelOf';

export const metricLabels: Record<string, Label> = {
  satisfaction: { zh: '满意率', en: 'Satisfaction' },
  familiarity: { zh: '熟识率', en: 'Familiarity' },
  incidents: { zh: '发案率', en: 'Incidents' },
  prevention: { zh: '防范率', en: 'Prevention' },
  clues: { zh: '线索提供率', en: 'Clues' },
  registration: { zh: '实有人口登记率', en: 'Registration' },
  keyPersonControl: { zh: '重点人口管控率', en: 'Key-person control' },
};

export const sanctionLabels: Record<string, Label> = {
  'circulated-criticism': { zh: '通报批评', en: 'Circulated criticism' },
  'admonishment-talk': { zh: '诫勉谈话', en: 'Admonishment talk' },
  'rural-reassignment': { zh: '调农村艰苦岗位锻炼', en: 'Rural hardship post' },
};

export const decisionTypeLabels: Record<string, Label> = {
  sanction: { zh: '处分', en: 'Sanction' },
  subsidy: { zh: '补贴', en: 'Subsidy' },
  reward: { zh: '奖励', en: 'Reward' },
};
