// The county's decided quarterly cycles, latest quarter first: what the ranking can show.
import { api, call } from '../../api/client';
import { useLoad } from '../../lib/useLoad';

export function useDecidedQuarters() {
  return useLoad(async () => {
    // A county decides four quarters a year: one page of 100 reaches back 25 years.
    const cycles = await call(api.GET('/cycles', { params: { query: { kind: 'quarterly', status: 'decided', limit: 100 } } }));
    return [...cycles].sort((a, b) => b.period.localeCompare(a.period));
  }, []);
}
