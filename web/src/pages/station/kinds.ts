// The two reasons a station pulls a community officer away, by the API's names.
import type { Label } from '../../../../src/core/vocabulary';

export const diversionKinds: Record<'station-duty' | 'case-work', Label> = {
  'station-duty': { zh: '所内值班备勤', en: 'Station duty' },
  'case-work': { zh: '办案', en: 'Case work' },
};
