// A label in the console's language from a table of labels, or the key itself when unknown.
import type { Lang } from '../app/i18n';

export interface Label {
  zh: string;
  en: string;
}

export function labelOf(labels: Record<string, Label>, key: string, lang: Lang): string {
  const label = labels[key];
  return label ? label[lang] : key;
}
