// What the signed-in department still owes: for each cycle now collecting figures, the figures
// it waits for whose source is this department (the rule set in force names each metric's
// source), and the deadline after which the cycle decides with what it has.
import { api, call, page } from '../../api/client';
import { useLoad } from '../../lib/useLoad';

export interface DueCycle {
  cycleId: string;
  kind: string;
  period: string;
  deadline?: string;
  due: { community: string; metric: string }[];
}

async function loadDue(department: string): Promise<DueCycle[]> {
  const collecting = await page(api.GET('/cycles', { params: { query: { status: 'collecting', limit: 50 } } }));
  const views = await Promise.all(collecting.items.map((c) => call(api.GET('/cycles/{id}', { params: { path: { id: c.id } } }))));
  return views
    .filter((v) => v.status === 'running')
    .map((v) => ({
      cycleId: v.cycleId,
      kind: v.kind,
      period: v.period,
      deadline: v.deadline,
      due: (v.waitingFor ?? []).filter((w) => w.source === department).map(({ community, metric }) => ({ community, metric })),
    }));
}

export function useDue(department: string | null | undefined) {
  return useLoad(() => (department ? loadDue(department) : Promise.resolve([])), [department]);
}

/** The county's community names by id, for lists that carry only ids. */
export function useCommunityNames() {
  return useLoad(async () => {
    const { items } = await page(api.GET('/communities', { params: { query: { limit: 500 } } }));
    return new Map(items.map((c) => [c.id, c.name]));
  }, []);
}
