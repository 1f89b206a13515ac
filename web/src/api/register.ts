// The population register's calls, typed by hand from the contract of issue 14 (docs/register.md)
// while its routes are not yet in the OpenAPI document: once they are, `npm run console:client`
// types them in schema.d.ts and this module's bodies become `call(api.GET('/register/…'))`.
// Every register call of the console goes through here, so that switch is made in one file.
import type { HelpGroupRole, ResidenceClass } from '../../../src/core/register';
import { ApiError, cookie, nextCursor, type ProblemBody } from './client';
import { downloadFile, uploadFile } from './files';

export interface Residence {
  id: string;
  cardId: string;
  cardNumber: string;
  building: string;
  door: string;
  class: ResidenceClass;
  fromDate: string;
}

/** A person as every list shows them: the ID number masked ('**************1234'). */
export interface RegisterPerson {
  id: string;
  name: string;
  idNumber: string;
  phone: string | null;
  residence: Residence | null;
}

export interface HouseholdCard {
  id: string;
  number: string;
  building: string;
  door: string;
  persons: RegisterPerson[];
}

export interface HelpGroupMember {
  name: string;
  officerId: string | null;
  phone: string | null;
  fromDate: string;
}

export interface KeyPerson {
  id: string;
  person: RegisterPerson;
  category: string;
  listedOn: string;
  delistedOn: string | null;
  helpGroup: Record<HelpGroupRole, HelpGroupMember | null>;
  complete: boolean;
  lastTalkOn: string | null;
  talkDueOn: string | null;
}

export interface RentedHome {
  id: string;
  building: string;
  door: string;
  landlord: string;
  fromDate: string;
  untilDate: string | null;
  lastInspectedOn: string | null;
  inspectionDueOn: string | null;
}

export type ImportMode = 'all-or-nothing' | 'partial';

export interface RegisterImport {
  id: string;
  status: 'running' | 'done' | 'refused' | 'failed';
  mode: ImportMode;
  rowsTotal: number;
  rowsDone: number;
  rowsWritten: number;
  errors: { line: number; column: string; message: string }[];
}

export interface BacklogRow {
  communityId: string;
  communityName: string;
  helpGroupsIncomplete: number;
  talksOverdue: number;
  permitsExpiring: number;
  permitsExpired: number;
  inspectionsDue: number;
}

/** What a derived metric's breakdown entry adds: the register's counts behind the figure. */
export interface Derived {
  numerator: number;
  denominator: number;
  counts: Record<string, number>;
}

type Query = Record<string, string | undefined>;

function problemOf(res: Response, text: string): ProblemBody {
  try {
    const body = JSON.parse(text) as ProblemBody;
    if (body && typeof body === 'object' && 'detail' in body) return body;
  } catch {
    // Not a problem document: the status line says what happened.
  }
  return { status: res.status, detail: res.statusText || `HTTP ${res.status}` };
}

/** One call to /api`path`: the session cookie, the CSRF header on writes, a problem thrown as ApiError. */
async function send<T>(method: string, path: string, { query, body }: { query?: Query; body?: unknown } = {}): Promise<{ data: T; res: Response }> {
  const params = new URLSearchParams(Object.entries(query ?? {}).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''));
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const token = cookie('cp_csrf');
  if (method !== 'GET' && token) headers['X-CSRF-Token'] = decodeURIComponent(token);
  let res: Response;
  try {
    res = await fetch(`/api${path}${params.size ? `?${params}` : ''}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (err) {
    throw new ApiError({ status: 0, detail: err instanceof Error ? err.message : String(err) });
  }
  const text = await res.text();
  if (!res.ok) throw new ApiError(problemOf(res, text));
  return { data: (text ? JSON.parse(text) : undefined) as T, res };
}

const get = async <T>(path: string, query?: Query) => (await send<T>('GET', path, { query })).data;
const write = async <T>(method: 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown, query?: Query) => (await send<T>(method, path, { body, query })).data;
const community = (id: string) => `/register/communities/${encodeURIComponent(id)}`;
const at = (id: string) => encodeURIComponent(id);

/** A list the API pages: its items and the next page's cursor (Link header), whether the body is an array or { items }. */
async function paged<T>(path: string, query: Query): Promise<{ items: T[]; next?: string }> {
  const { data, res } = await send<T[] | { items: T[] }>('GET', path, { query });
  return { items: Array.isArray(data) ? data : data.items, next: nextCursor(res) };
}

export const register = {
  backlog: () => get<{ items: BacklogRow[] }>('/register/backlog'),
  buildings: (communityId: string) =>
    get<{ items: { id: string; number: string; address: string | null; doors: { id: string; number: string; cards: number }[] }[] }>(
      `${community(communityId)}/buildings`,
    ),
  cards: (communityId: string, query: { building?: string; q?: string; cursor?: string }) => paged<HouseholdCard>(`${community(communityId)}/cards`, query),
  person: (id: string, reveal: boolean) => get<RegisterPerson>(`/register/persons/${at(id)}`, reveal ? { reveal: 'idNumber' } : undefined),
  keyPersons: (communityId: string, status: 'listed' | 'delisted' | 'all') => get<{ items: KeyPerson[] }>(`${community(communityId)}/key-persons`, { status }),
  logTalk: (keyPersonId: string, body: { talkedOn: string; byRole: HelpGroupRole; summary: string }) =>
    write('POST', `/register/key-persons/${at(keyPersonId)}/talks`, body),
  setHelpGroupMember: (keyPersonId: string, role: HelpGroupRole, body: { name: string; officerId?: string; phone?: string; fromDate: string }) =>
    write('PUT', `/register/key-persons/${at(keyPersonId)}/help-group/${role}`, body),
  rentedHomes: (communityId: string) => get<{ items: RentedHome[] }>(`${community(communityId)}/rented-homes`),
  recordInspection: (rentedHomeId: string, body: { inspectedOn: string; note?: string }) =>
    write('POST', `/register/rented-homes/${at(rentedHomeId)}/inspections`, body),
  startImport: (communityId: string, mode: ImportMode, file: File, onProgress: (percent: number) => void) =>
    uploadFile<RegisterImport>(`${community(communityId)}/imports?mode=${mode}`, file, onProgress),
  importStatus: (id: string) => get<RegisterImport>(`/register/imports/${at(id)}`),
  exportFile: (communityId: string, format: 'csv' | 'xlsx') =>
    downloadFile(
      `${community(communityId)}/export`,
      { format },
      format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      `register-${communityId}.${format}`,
    ),
};
