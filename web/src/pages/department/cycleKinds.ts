// The name of a cycle as a department reads it: 2026-Q1 季考.
const kinds: Record<string, [zh: string, en: string]> = {
  monthly: ['月考', 'monthly evaluation'],
  quarterly: ['季考', 'quarterly evaluation'],
  'half-year': ['半年考', 'half-year evaluation'],
  'year-end': ['年底考', 'year-end evaluation'],
};

export function cycleName(kind: string, period: string, t: (zh: string, en: string) => string): string {
  const name = kinds[kind];
  return `${period} ${name ? t(...name) : kind}`;
}
