// The console's one way to the API: a client typed from the OpenAPI document (schema.d.ts, made
// by `npm run console:client`), signed by the session cookie, with the CSRF token on every write.
import createClient, { type Middleware } from 'openapi-fetch';
import type { components, operations, paths } from './schema';

export type { components, operations, paths };
export type Schemas = components['schemas'];

export interface FieldError {
  pointer?: string;
  parameter?: string;
  line?: number;
  column?: string;
  message: string;
}

export interface ProblemBody {
  type?: string;
  title?: string;
  status: number;
  detail: string;
  errors?: FieldError[];
  requestId?: string;
  [extension: string]: unknown;
}

/** A failed call: the API's problem (RFC 9457), or status 0 when the server could not be reached. */
export class ApiError extends Error {
  constructor(readonly problem: ProblemBody) {
    super(problem.detail);
  }
  get status(): number {
    return this.problem.status;
  }
}

/** A cookie of the console's origin, e.g. cp_csrf for the header writes carry. */
export function cookie(name: string): string | undefined {
  return document.cookie
    .split('; ')
    .find((c) => c.startsWith(`${name}=`))
    ?.slice(name.length + 1);
}

const csrf: Middleware = {
  onRequest({ request }) {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      const token = cookie('cp_csrf');
      if (token) request.headers.set('X-CSRF-Token', decodeURIComponent(token));
    }
    return request;
  },
};

/** Listeners told when the API answers 401: the session has ended. */
const signedOut = new Set<() => void>();
export function onSignedOut(listener: () => void): () => void {
  signedOut.add(listener);
  return () => signedOut.delete(listener);
}

const unauthorized: Middleware = {
  onResponse({ response, request }) {
    if (response.status === 401 && !request.url.endsWith('/api/session')) signedOut.forEach((l) => l());
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: '/api', credentials: 'same-origin' });
api.use(csrf, unauthorized);

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

function problemOf(error: unknown, response: Response): ProblemBody {
  if (error && typeof error === 'object' && 'detail' in error) return error as ProblemBody;
  return { status: response.status, detail: typeof error === 'string' && error ? error : response.statusText || `HTTP ${response.status}` };
}

/** The body of a successful answer; a problem or a network failure throws an ApiError. */
export async function call<T>(request: Promise<Answer<T>>): Promise<T> {
  let answer: Answer<T>;
  try {
    answer = await request;
  } catch (err) {
    throw new ApiError({ status: 0, detail: err instanceof Error ? err.message : String(err) });
  }
  if (answer.error !== undefined || !answer.response.ok) throw new ApiError(problemOf(answer.error, answer.response));
  return answer.data as T;
}

/** The cursor of the next page, from the list's `Link: <…?cursor=…>; rel="next"` header. */
export function nextCursor(response: Response): string | undefined {
  const link = response.headers.get('link');
  const target = link?.match(/<([^>]+)>;\s*rel="next"/)?.[1];
  return target ? (new URL(target, location.origin).searchParams.get('cursor') ?? undefined) : undefined;
}

/** A page of a list with its next cursor. */
export async function page<T>(request: Promise<Answer<T[]>>): Promise<{ items: T[]; next?: string }> {
  const answer = await request.catch((err: unknown) => {
    throw new ApiError({ status: 0, detail: err instanceof Error ? err.message : String(err) });
  });
  if (answer.error !== undefined || !answer.response.ok) throw new ApiError(problemOf(answer.error, answer.response));
  return { items: answer.data ?? [], next: nextCursor(answer.response) };
}
