// The load's requests: what a county does in a busy hour, mostly reads, a fifth writes. The
// generator draws from it by weight; the per-kind probe sends each kind alone.
import type { Actor, Population } from './population.js';

export interface Request {
  kind: string;
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  actor: Actor;
}

export interface RequestKind {
  /** Per cent of the mix. */
  weight: number;
  kind: string;
  make: () => Request;
}

const pick = <T>(xs: T[]): T => xs[Math.floor(Math.random() * xs.length)]!;

export function requestKinds(population: Population): RequestKind[] {
  const by = (test: (a: Actor) => boolean) => population.actors.filter(test);
  const staff = by((a) => a.role === 'bureau-staff');
  const leaders = by((a) => a.role === 'leader');
  const departments = by((a) => a.role === 'department');
  const recipients = by((a) => a.role !== 'bureau-staff');
  const acknowledging = by((a) => a.notices.length > 0);
  const today = new Date().toISOString().slice(0, 10);
  const read = (weight: number, kind: string, path: string, actors: Actor[]): RequestKind => ({
    weight,
    kind,
    make: () => ({ kind, method: 'GET', path, actor: pick(actors) }),
  });
  const write = (weight: number, kind: string, make: () => Omit<Request, 'kind' | 'method'>): RequestKind => ({
    weight,
    kind,
    make: () => ({ kind, method: 'POST', ...make() }),
  });
  return [
    read(12, 'evaluations', `/api/evaluations?cycleId=${population.cycleId}`, staff),
    read(14, 'notices', '/api/notices', recipients),
    read(8, 'presence', '/api/presence', leaders),
    read(14, 'session', '/api/session', population.actors),
    read(10, 'communities', '/api/communities', population.actors),
    read(8, 'officers', '/api/officers', staff),
    read(6, 'cycles', '/api/cycles', population.actors),
    read(8, 'departments', '/api/departments', staff),
    write(8, 'figures', () => {
      const actor = pick(departments);
      const figure = pick(actor.figures!);
      const value = figure.metric === 'incidents' || figure.metric === 'clues' ? figure.value : Number((0.6 + Math.random() * 0.4).toFixed(3));
      return { path: '/api/metrics', body: { period: population.figuresPeriod, figures: [{ ...figure, value }] }, actor };
    }),
    write(6, 'visits', () => {
      const actor = pick(leaders);
      return { path: '/api/visits', body: { communityId: actor.communityId, date: today, note: 'load' }, actor };
    }),
    write(6, 'acknowledgements', () => {
      const actor = pick(acknowledging);
      return { path: `/api/notices/${encodeURIComponent(pick(actor.notices))}/acknowledgements`, body: {}, actor };
    }),
  ];
}

/** A draw from the mix by weight. */
export function requestMix(population: Population): () => Request {
  const kinds = requestKinds(population);
  const totalWeight = kinds.reduce((s, k) => s + k.weight, 0);
  return () => {
    let r = Math.random() * totalWeight;
    for (const k of kinds) if ((r -= k.weight) < 0) return k.make();
    return kinds[0]!.make();
  };
}

/** Sends one request as its actor. */
export function sendRequest(apiUrl: string, req: Request, signal?: AbortSignal): Promise<Response> {
  return fetch(`${apiUrl}${req.path}`, {
    method: req.method,
    headers: { authorization: `Bearer ${req.actor.token}`, ...(req.body ? { 'content-type': 'application/json' } : {}) },
    body: req.body === undefined ? undefined : JSON.stringify(req.body),
    signal,
  });
}
