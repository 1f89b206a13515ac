// The population register's calls, through the typed client like every other call of the console,
// and the register's types as the OpenAPI document (schema.d.ts) gives them. Every register call
// of the console goes through here; the CSV/XLSX upload and the export go through files.ts.
import { api, call, nextCursor, page, type operations } from './client';
import { downloadFile, uploadFile } from './files';

/** The metrics a rule set may derive from the register: registration, keyPersonControl. */
export type { RegisterDerivation as DerivedMetric } from '../../../src/core/register';

/** The JSON body an operation answers with `status`. */
type Answer<Op extends keyof operations, Status extends number = 200> =
  operations[Op]['responses'] extends Record<Status, { content: { 'application/json': infer T } }> ? T : never;

export type HouseholdCard = Answer<'listHouseholdCards'>[number];
/** A person as every list shows them: the ID number masked ('**************1234'). */
export type RegisterPerson = HouseholdCard['persons'][number];
export type Residence = NonNullable<RegisterPerson['residence']>;
/** One person's record: their residence, its history, permits and key-person listings. */
export type PersonRecord = Answer<'getRegisterPerson'>;
export type RegisterBuilding = Answer<'listRegisterBuildings'>['items'][number];
export type KeyPerson = Answer<'listKeyPersons'>['items'][number];
export type KeyPersonStatus = NonNullable<operations['listKeyPersons']['parameters']['query']>['status'] & string;
export type HelpGroupRole = operations['setHelpGroupMember']['parameters']['path']['role'];
export type HelpGroupMember = NonNullable<KeyPerson['helpGroup'][HelpGroupRole]>;
export type RentedHome = Answer<'listRentedHomes'>['items'][number];
export type RegisterImport = Answer<'getRegisterImport'>;
export type ImportMode = RegisterImport['mode'];
export type ExportFormat = NonNullable<NonNullable<operations['exportRegister']['parameters']['query']>['format']>;
export type BacklogRow = Answer<'listRegisterBacklog'>['items'][number];
/** Both derived rates of a community on a period's end (or today, while it runs), and who cost points. */
export type Derivation = Answer<'getRegisterDerivation'>;
export type ResidenceChange = operations['changeResidence']['requestBody']['content']['application/json'];
export type ResidenceEndReason = ResidenceChange['reason'];
export type ResidenceClass = NonNullable<ResidenceChange['class']>;

const exportTypes: Record<ExportFormat, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
const at = encodeURIComponent;

export const register = {
  /** Every page of the backlog: the communities whose register the caller reaches, each with its counts. */
  backlog: async () => {
    const items: BacklogRow[] = [];
    let cursor: string | undefined;
    do {
      const answer = api.GET('/register/backlog', { params: { query: { limit: 500, cursor } } });
      items.push(...(await call(answer)).items);
      cursor = nextCursor((await answer).response);
    } while (cursor);
    return { items };
  },
  buildings: (communityId: string) => call(api.GET('/register/communities/{communityId}/buildings', { params: { path: { communityId } } })),
  cards: (communityId: string, query: { building?: string; q?: string; cursor?: string }) =>
    page(api.GET('/register/communities/{communityId}/cards', { params: { path: { communityId }, query } })),
  person: (id: string, reveal: boolean) =>
    call(api.GET('/register/persons/{id}', { params: { path: { id }, query: reveal ? { reveal: 'idNumber' } : undefined } })),
  /** Moved to another card, reclassified, left, died or corrected: the open residence closes, the next opens. */
  changeResidence: (personId: string, body: ResidenceChange) =>
    call(api.POST('/register/persons/{id}/residence-changes', { params: { path: { id: personId } }, body })),
  keyPersons: (communityId: string, status: KeyPersonStatus) =>
    call(api.GET('/register/communities/{communityId}/key-persons', { params: { path: { communityId }, query: { status } } })),
  logTalk: (keyPersonId: string, body: operations['logKeyPersonTalk']['requestBody']['content']['application/json']) =>
    call(api.POST('/register/key-persons/{id}/talks', { params: { path: { id: keyPersonId } }, body })),
  setHelpGroupMember: (keyPersonId: string, role: HelpGroupRole, body: operations['setHelpGroupMember']['requestBody']['content']['application/json']) =>
    call(api.PUT('/register/key-persons/{id}/help-group/{role}', { params: { path: { id: keyPersonId, role } }, body })),
  rentedHomes: (communityId: string) => call(api.GET('/register/communities/{communityId}/rented-homes', { params: { path: { communityId } } })),
  recordInspection: (rentedHomeId: string, body: operations['recordRentalInspection']['requestBody']['content']['application/json']) =>
    call(api.POST('/register/rented-homes/{id}/inspections', { params: { path: { id: rentedHomeId } }, body })),
  derivation: (communityId: string, period: string) =>
    call(api.GET('/register/communities/{communityId}/derivation', { params: { path: { communityId }, query: { period } } })),
  /** POST /register/communities/:communityId/imports (importRegister), multipart, with the upload's progress. */
  startImport: (communityId: string, mode: ImportMode, file: File, onProgress: (percent: number) => void) =>
    uploadFile<Answer<'importRegister', 202>>(`/register/communities/${at(communityId)}/imports?${new URLSearchParams({ mode })}`, file, onProgress),
  importStatus: (id: string) => call(api.GET('/register/imports/{id}', { params: { path: { id } } })),
  /** GET /register/communities/:communityId/export (exportRegister), saved as a download. */
  exportFile: (communityId: string, format: ExportFormat) =>
    downloadFile(`/register/communities/${at(communityId)}/export`, { format }, exportTypes[format], `register-${communityId}.${format}`),
};
