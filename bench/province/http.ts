// The province's quarter over HTTP, as each county's people would send it: every reporting
// department uploads its figures as one CSV, then the bureau starts the county's cycle.
import { demoSubmissions } from '../../test/support/figures.js';
import { fetchHonouringRetryAfter } from '../retryAfter.js';
import type { SeededCounty } from './seed.js';

/** Runs `work` over `items`, at most `width` at a time. */
export async function inParallel<T>(items: T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, lane));
}

/** How a kept-alive connection the server closed just as it was reused shows (undici's own, or the peer's reset). */
const reconnectable = new Set(['UND_ERR_SOCKET', 'ECONNRESET']);

let shed = 0;
/** How many requests the service has shed so far (each was sent again after its Retry-After). */
export const shedRequests = () => shed;

/**
 * One request, sent again after Retry-After whenever the busy service sheds it, and once when the
 * server closed a kept-alive connection just as it was reused (both requests here may be
 * repeated: the same figures again, or a start that answers 409).
 */
async function send(apiUrl: string, method: string, path: string, token: string, body: string, type: string, again = true): Promise<void> {
  let res: Response;
  try {
    res = await fetchHonouringRetryAfter(
      `${apiUrl}/api${path}`,
      { method, headers: { authorization: `Bearer ${token}`, 'content-type': type }, body },
      () => shed++,
    );
  } catch (err) {
    if (again && reconnectable.has((err as { cause?: { code?: string } }).cause?.code ?? '')) return send(apiUrl, method, path, token, body, type, false);
    throw err;
  }
  if (res.status === 409 && !again) return;
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
}

/** Each reporting department's CSV of the county's quarter; returns how many figures went in. */
export async function submitFigures(apiUrl: string, county: SeededCounty, period: string): Promise<number> {
  let figures = 0;
  for (const { submittedBy, figures: rows } of demoSubmissions(county.communities)) {
    const department = `${county.id}-${submittedBy}`;
    const csv = ['period,communityId,metric,value', ...rows.map((f) => `${period},${f.communityId},${f.metric},${f.value}`)].join('\n');
    await send(apiUrl, 'POST', '/metrics/csv', county.departments.get(department)!, csv, 'text/csv');
    figures += rows.length;
  }
  return figures;
}

export async function startCycle(apiUrl: string, county: SeededCounty, period: string): Promise<void> {
  await send(apiUrl, 'POST', '/cycles', county.bureau, JSON.stringify({ kind: 'quarterly', period }), 'application/json');
}
