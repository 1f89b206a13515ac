// The names of the seven rates (七率) as the default rule set calls them; a metric a county's own
// rule set adds is shown by its key.
const labels: Record<string, [zh: string, en: string]> = {
  satisfaction: ['满意率', 'satisfaction rate'],
  familiarity: ['熟识率', 'familiarity rate'],
  incidents: ['发案率', 'incident rate'],
  prevention: ['防范率', 'prevention rate'],
  clues: ['线索提供率', 'clue-provision rate'],
  registration: ['实有人口登记率', 'population-registration rate'],
  keyPersonControl: ['重点人口管控率', 'key-person control rate'],
};

export function metricLabel(metric: string, t: (zh: string, en: string) => string): string {
  const label = labels[metric];
  return label ? t(...label) : metric;
}
