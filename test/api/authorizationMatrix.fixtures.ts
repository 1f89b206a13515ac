// The authorization matrix's rows: for every operation of the route table, how to ask for it about
// the caller's own object, another person's object in the same county, and another county's
// object, in the world of test/support/world.ts. The acting users are county A's (leader a-l1,
// officer a-o1, department a-d1, station a-s1, bureau staff, head and finance of county A) and the
// province reader. `expectedStatus` says what each of them gets; it is exported for the docs.
import { randomUUID } from 'node:crypto';
import { operationsOf, routeTable, type OperationId, type Reach } from '../../src/api/access/routeTable.js';
import { roles, type Role } from '../../src/contracts/roles.js';
import { hashPassword } from '../../src/accounts/passwords.js';
import type { Db } from '../../src/db/client.js';
import {
  decidedPeriod,
  freshAppeal,
  freshDay,
  freshId,
  freshIncident,
  freshKeyPerson,
  freshObligation,
  freshOfficer,
  freshReassignment,
  freshRegisterPerson,
  freshToken,
  freshUser,
  freshVisit,
  ids,
  ruleSetOf,
  type CountyKey,
  type World,
} from '../support/world.js';
import { freshIdNumber, freshPerson, freshRentedHome, freshCard } from '../support/register.js';

export const cases = ['own', 'other', 'otherCounty'] as const;
export type Case = (typeof cases)[number];

/**
 * 'success': any 2xx. 'allowed': past the role check, no 5xx: what a token caller gets from an
 * operation on the browser session. `refused:/field`: a body field naming someone else (or what is
 * not theirs) is refused naming the field: 403 where the field stays and must match the caller,
 * 422 where the field was removed from the body.
 */
export type Expected = 'success' | 'allowed' | 403 | 404 | 409 | 422 | `refused:/${string}`;

export interface Req {
  path: string;
  body?: object | string;
  /** Content-Type of a non-JSON body. */
  type?: string;
  /** Send with this bearer token instead of the caller's usual one (operations that end the caller's credential). */
  token?: string;
}

export interface FixtureContext {
  db: Db;
  w: World;
  role: Role;
  /** The acting user's id. */
  userId: string;
  /** A fresh bearer token of the acting user. */
  newToken: () => Promise<string>;
}

type D = ReturnType<typeof ids>;
/** What a case builds from: county x's ids, the person (1 the caller's own, 2 another's). */
type At = { d: D; i: 1 | 2; x: CountyKey; c: Case } & FixtureContext;

export interface Fixture {
  /** The request for a case; undefined where the case does not apply (a create with nothing in it that belongs to anyone). */
  request: (at: At) => Req | undefined | Promise<Req | undefined>;
  /** A list: which row is the case's object. The own object must be listed, another's only within reach. Undefined: no such row for this caller. */
  listed?: { rows?: (body: any) => any[]; match: (row: any, at: At) => boolean | undefined };
  /**
   * Where this operation answers otherwise than the rule (role checks come first and are never
   * overridden), and why; a function of the caller's reach where roles of both reaches call it.
   */
  expect?: Partial<Record<Case, Expected>> | ((reach: Reach, role: Role) => Partial<Record<Case, Expected>>);
}

const where: Record<Case, [CountyKey, 1 | 2]> = { own: ['a', 1], other: ['a', 2], otherCounty: ['b', 1] };

/** Builds the case's At from the context. */
export function at(c: Case, ctx: FixtureContext): At {
  const [x, i] = where[c];
  return { ...ctx, d: ids(x), i, x, c };
}

/** The rule, from the route table alone. */
export function ruleStatus(id: OperationId, role: Role, c: Case): Expected {
  const access = routeTable[id].access as Partial<Record<Role, Reach>> | 'anyone';
  if (access === 'anyone') return 'allowed';
  const reach = access[role];
  if (!reach) return 403;
  if (reach === 'county') return c === 'otherCounty' && role !== 'province-reader' ? 404 : 'success';
  return c === 'own' ? 'success' : 404;
}

/** What `role` gets calling operation `id` about the case's object: the rule, then the fixture's exceptions. */
export function expectedStatus(id: OperationId, role: Role, c: Case): Expected {
  const rule = ruleStatus(id, role, c);
  if (rule === 403) return 403;
  const fixture = (fixtures as Partial<Record<OperationId, Fixture>>)[id];
  // A list answers whoever may call it; what is out of reach is left out (expectedListed).
  if (fixture?.listed) return 'success';
  const reach = (routeTable[id].access as Partial<Record<Role, Reach>>)[role]!;
  const exceptions = typeof fixture?.expect === 'function' ? fixture.expect(reach, role) : fixture?.expect;
  return exceptions?.[c] ?? rule;
}

/** Whether a list shows the case's object to the role (when it answers at all). */
export function expectedListed(id: OperationId, role: Role, c: Case): boolean {
  const access = routeTable[id].access as Partial<Record<Role, Reach>>;
  if (c === 'own') return true;
  if (access[role] !== 'county') return false;
  return c === 'other' || role === 'province-reader';
}

/** The whole matrix as the docs could print it: every operation of the table, each role's answer per case. */
export function expectedMatrix() {
  return (Object.keys(fixtures) as TableOps[]).map((id) => ({
    id,
    method: routeTable[id].method.toUpperCase(),
    path: `/api${routeTable[id].path}`,
    answers: Object.fromEntries(roles.map((role) => [role, Object.fromEntries(cases.map((c) => [c, expectedStatus(id, role, c)]))])),
  }));
}

// Builders -------------------------------------------------------------------------------------

const get = (path: string): Req => ({ path });
const enc = encodeURIComponent;
/** Only the own case applies (nothing in the request belongs to anyone). */
const ownOnly = (req: (a: At) => Req | Promise<Req>) => (a: At) => (a.c === 'own' ? req(a) : undefined);
/** Not for another county (a create with no reference to anything of a county). */
const sameCounty = (req: (a: At) => Req | Promise<Req>) => (a: At) => (a.c === 'otherCounty' ? undefined : req(a));

/** The registry entity the role is, in county x for person i; the officer for roles that are none. */
function subjectOf(a: At): { type: 'officer' | 'leader' | 'department'; id: string } {
  if (a.role === 'leader') return { type: 'leader', id: a.d.leader(a.i) };
  if (a.role === 'department') return { type: 'department', id: a.d.department(a.i) };
  return { type: 'officer', id: a.d.officer(a.i) };
}

/**
 * The notice that is the case's object: addressed to the caller (own) or to someone else. A
 * leader, officer and department share their office's joint notice; a station and the bureau head
 * have the diversion notice; finance the overdue payment. Undefined: nothing is addressed to the role.
 */
function noticeOf(a: At): string | undefined {
  switch (a.role) {
    case 'leader':
    case 'officer':
    case 'department':
      return a.d.jointNotice(a.i);
    case 'station':
      return a.d.stationNotice(a.i);
    case 'bureau-head':
      return a.i === 1 ? a.d.stationNotice(1) : a.d.jointNotice(2);
    case 'finance':
      return a.i === 1 ? a.d.financeNotice : a.d.jointNotice(2);
    default:
      return undefined;
  }
}

/** The acting users' password where the matrix needs one (changing it). */
const matrixPassword = 'matrix-password-2026';

const figureCsv = (rows: [string, string, string, number, string][]) =>
  ['period,communityId,metric,value,submittedBy', ...rows.map((r) => r.join(','))].join('\n') + '\n';

/** The case's community, where register records are filed. */
const placeOf = (a: At) => ({ countyId: a.d.county, communityId: a.d.community(a.i) });
/** The register answers a department other than the population brigade as if no community existed. */
const notBrigade = (_reach: Reach, role: Role): Partial<Record<Case, Expected>> => (role === 'department' ? { own: 404, other: 404, otherCounty: 404 } : {});

// The table ------------------------------------------------------------------------------------

type TableOps = { [K in OperationId]: (typeof routeTable)[K]['access'] extends 'anyone' ? never : K }[OperationId];

export const fixtures: Record<TableOps, Fixture> = {
  // Accounts. Session operations need a signed-in browser; a token caller only shows it got past the checks.
  currentSession: { request: ownOnly(() => get('/api/session')) },
  signOut: { request: ownOnly(async (a) => ({ path: '/api/session', token: await a.newToken() })), expect: { own: 'allowed' } },
  // The caller's real current password (set here): a wrong one is a failed sign-in, audited by design.
  changePassword: {
    request: ownOnly(async (a) => {
      await a.db.user.update({ where: { id: a.userId }, data: { passwordHash: await hashPassword(matrixPassword) } });
      return { path: '/api/session/password', body: { currentPassword: matrixPassword, newPassword: 'a-new-password-2026' }, token: await a.newToken() };
    }),
  },
  listUsers: { request: () => get('/api/users?limit=500'), listed: { match: (row, a) => row.id === a.d.user('leader', a.i) } },
  inviteUser: {
    request: async (a) => {
      const subjectId = await freshOfficer(a.db, a.x, a.i);
      return { path: '/api/users', body: { id: freshId('invited'), role: 'officer', subjectId, displayName: '新民警' } };
    },
    // The officer the user would be is another county's: as if it did not exist.
    expect: { otherCounty: 422 },
  },
  getUser: { request: (a) => get(`/api/users/${enc(a.d.user('leader', a.i))}`) },
  reissueInvitation: { request: async (a) => ({ path: `/api/users/${enc(await freshUser(a.db, a.x))}/invitations`, body: {} }) },
  disableUser: { request: async (a) => ({ path: `/api/users/${enc(await freshUser(a.db, a.x))}/disable`, body: {} }) },
  listTokens: {
    request: () => get('/api/tokens?limit=500'),
    listed: {
      match: (row, a) => row.id === tokensOf.get(a.c === 'own' ? a.userId : a.d.user('leader', 2)),
    },
  },
  createToken: {
    request: ownOnly((a) => ({
      path: '/api/tokens',
      body: { name: 'matrix', permissions: operationsOf(a.role).slice(0, 1), expiresInDays: 30 },
    })),
  },
  revokeToken: {
    request: async (a) => {
      const owner = a.c === 'own' ? a.userId : a.c === 'other' ? a.d.user('leader', 2) : a.d.user('leader', 1);
      return { path: `/api/tokens/${await freshToken(a.db, owner)}` };
    },
  },
  listCounties: { request: sameCounty(() => get('/api/counties?limit=500')), listed: { match: (row, a) => row.id === a.d.county } },
  getCounty: { request: (a) => (a.c === 'other' ? undefined : get(`/api/counties/${a.d.county}`)) },

  // The registry
  listCommunities: { request: () => get('/api/communities?limit=500'), listed: { match: (row, a) => row.id === a.d.community(a.i) } },
  createCommunity: {
    request: sameCounty(() => ({ path: '/api/communities', body: { id: freshId('a-new-c'), name: '新社区', population: 4000, complexity: 2 } })),
  },
  getCommunity: { request: (a) => get(`/api/communities/${a.d.community(a.i)}`) },
  updateCommunity: { request: (a) => ({ path: `/api/communities/${a.d.community(a.i)}`, body: { population: 6000 } }) },
  listOfficers: { request: () => get('/api/officers?limit=500'), listed: { match: (row, a) => row.id === a.d.officer(a.i) } },
  createOfficer: {
    request: (a) => ({ path: '/api/officers', body: { id: freshId('a-new-o'), name: '新民警', communityId: a.d.community(a.i) } }),
    // The community is another county's: as if it did not exist.
    expect: { otherCounty: 422 },
  },
  getOfficer: { request: (a) => get(`/api/officers/${a.d.officer(a.i)}`) },
  updateOfficer: { request: (a) => ({ path: `/api/officers/${a.d.officer(a.i)}`, body: { email: `${a.d.officer(a.i)}.new@example.org` } }) },
  listOfficerPostings: { request: (a) => get(`/api/officers/${a.d.officer(a.i)}/postings`) },
  listLeaders: { request: () => get('/api/leaders?limit=500'), listed: { match: (row, a) => row.id === a.d.leader(a.i) } },
  createLeader: { request: sameCounty(() => ({ path: '/api/leaders', body: { id: freshId('a-new-l'), name: '新领导' } })) },
  getLeader: { request: (a) => get(`/api/leaders/${a.d.leader(a.i)}`) },
  updateLeader: { request: (a) => ({ path: `/api/leaders/${a.d.leader(a.i)}`, body: { email: `${a.d.leader(a.i)}.new@example.org` } }) },
  getLeaderScorecard: { request: (a) => get(`/api/leaders/${a.d.leader(a.i)}/scorecard?year=2025`) },
  listDepartments: { request: () => get('/api/departments?limit=500'), listed: { match: (row, a) => row.id === a.d.department(a.i) } },
  createDepartment: { request: sameCounty(() => ({ path: '/api/departments', body: { id: freshId('a-new-d'), name: '新部门' } })) },
  getDepartment: { request: (a) => get(`/api/departments/${a.d.department(a.i)}`) },
  updateDepartment: { request: (a) => ({ path: `/api/departments/${a.d.department(a.i)}`, body: { email: `${a.d.department(a.i)}.new@example.org` } }) },
  getDepartmentScorecard: { request: (a) => get(`/api/departments/${a.d.department(a.i)}/scorecard?year=2025`) },
  listStations: { request: () => get('/api/stations?limit=500'), listed: { match: (row, a) => row.id === a.d.station(a.i) } },
  createStation: { request: sameCounty(() => ({ path: '/api/stations', body: { id: freshId('a-new-s'), name: '新派出所' } })) },
  getStation: { request: (a) => get(`/api/stations/${a.d.station(a.i)}`) },
  updateStation: { request: (a) => ({ path: `/api/stations/${a.d.station(a.i)}`, body: { name: `${a.d.station(a.i)}改名` } }) },
  listBindings: {
    request: () => get('/api/bindings?limit=500'),
    listed: { match: (row, a) => row.id === a.w.binding[a.x][subjectOf(a).type][a.i - 1] },
  },
  createBinding: {
    request: async (a) => ({
      path: '/api/bindings',
      body: { communityId: a.d.community(a.i), subjectType: 'officer', subjectId: await freshOfficer(a.db, a.x, a.i), effectiveFrom: '2026-03-01' },
    }),
    // The community and officer are another county's: as if they did not exist.
    expect: { otherCounty: 422 },
  },
  getBinding: { request: (a) => get(`/api/bindings/${a.w.binding[a.x][subjectOf(a).type][a.i - 1]}`) },
  updateBinding: { request: (a) => ({ path: `/api/bindings/${a.w.binding[a.x].department[a.i - 1]}`, body: { effectiveTo: '2030-12-31' } }) },
  listReassignments: { request: () => get('/api/reassignments?limit=500'), listed: { match: (row, a) => row.id === a.w.reassignment[a.x][a.i - 1] } },
  getReassignment: { request: (a) => get(`/api/reassignments/${a.w.reassignment[a.x][a.i - 1]}`) },
  confirmReassignment: {
    request: async (a) => ({ path: `/api/reassignments/${await freshReassignment(a.db, a.x, a.i)}/confirm`, body: { effectiveFrom: '2026-03-01' } }),
  },
  overruleReassignment: {
    request: async (a) => ({ path: `/api/reassignments/${await freshReassignment(a.db, a.x, a.i)}/overrule`, body: { reason: '人员紧张，暂不调整' } }),
  },

  // Figures, cycles and rules. A department's own figures are the metrics it supplies (a-d1:
  // satisfaction, familiarity); another person's are a-d2's, named as their supplier.
  submitFigures: {
    request: (a) =>
      a.c === 'other'
        ? {
            path: '/api/metrics',
            body: { period: decidedPeriod, submittedBy: a.d.department(2), figures: [{ communityId: a.d.community(2), metric: 'incidents', value: 5 }] },
          }
        : { path: '/api/metrics', body: { period: decidedPeriod, figures: [{ communityId: a.d.community(1), metric: 'satisfaction', value: 0.93 }] } },
    // Naming another department as the submitter is refused naming the field; another county's community does not exist here.
    expect: { other: 'refused:/submittedBy', otherCounty: 422 },
  },
  uploadFiguresCsv: {
    request: (a) => ({
      path: '/api/metrics/csv',
      type: 'text/csv',
      body:
        a.c === 'other'
          ? figureCsv([[decidedPeriod, a.d.community(2), 'incidents', 5, a.d.department(2)]])
          : figureCsv([[decidedPeriod, a.d.community(1), 'familiarity', 0.88, ids('a').department(1)]]),
    }),
    expect: { other: 'refused:/submittedBy', otherCounty: 422 },
  },
  listFigures: { request: () => get('/api/metrics?limit=500'), listed: { match: (row, a) => row.id === a.w.figure[a.x][a.i - 1] } },
  getFigureCompleteness: { request: ownOnly(() => get('/api/metrics/completeness?period=2026-Q1')) },
  startCycle: {
    // A quarter not started yet per case; cycles belong to the county, so no other county's applies.
    request: sameCounty((a) => ({ path: '/api/cycles', body: { kind: 'quarterly', period: a.c === 'own' ? '2025-Q1' : '2025-Q2' } })),
  },
  // A county's cycles are everyone's in it: "another person's" is the county's earlier quarter.
  listCycles: { request: () => get('/api/cycles?limit=500'), listed: { match: (row, a) => row.id === (a.i === 1 ? a.d.cycle : a.d.earlierCycle) } },
  getCycle: { request: (a) => get(`/api/cycles/${a.i === 1 ? a.d.cycle : a.d.earlierCycle}`) },
  getRuleSchema: { request: ownOnly(() => get('/api/rulesets/schema')) },
  listRuleFacts: { request: ownOnly(() => get('/api/rulesets/facts')) },
  validateRuleSet: { request: ownOnly((a) => ({ path: '/api/rulesets/validate', body: ruleSetOf(a.x) })) },
  listRuleSets: { request: () => get('/api/rulesets?limit=500'), listed: { match: (row, a) => row.id === a.w.ruleSetVersion[a.x][a.i - 1] } },
  diffRuleSets: {
    request: (a) => get(`/api/rulesets/diff?from=${a.w.ruleSetVersion.a[0]}&to=${a.w.ruleSetVersion[a.x][a.i === 1 && a.x === 'a' ? 1 : a.i - 1]}`),
  },
  getRuleSet: { request: (a) => get(`/api/rulesets/${a.w.ruleSetVersion[a.x][a.i - 1]}`) },
  backtestRuleSet: { request: (a) => ({ path: `/api/rulesets/${a.w.ruleSetVersion[a.x][a.i - 1]}/backtest` }) },
  backtestRuleSetDraft: { request: ownOnly((a) => ({ path: '/api/rulesets/backtest', body: { document: ruleSetOf(a.x) } })) },
  createRuleSet: {
    request: sameCounty((a) => ({
      path: '/api/rulesets',
      body: { document: ruleSetOf('a'), effectiveFrom: a.i === 1 ? '2026-04-01' : '2026-07-01', reason: '季度调整' },
    })),
  },
  listAudit: { request: () => get('/api/audit?limit=500'), listed: { match: (row, a) => (a.i === 1 ? row.id === a.w.audit[a.x] : undefined) } },

  // Results, notices and money. An officer's own are the decisions and money naming them.
  getDecisionExplanation: { request: (a) => get(`/api/decisions/${enc(a.d.decision(a.i))}/explanation`) },
  fileAppeal: {
    request: (a) =>
      a.c === 'other'
        ? { path: '/api/appeals', body: { contests: 'decision', officerId: a.d.officer(2), decisionId: a.d.decision(2), reason: '得分计算有误' } }
        : { path: '/api/appeals', body: { contests: 'decision', decisionId: a.d.decision(1), reason: '得分计算有误' } },
    // Filing in another officer's name is refused naming the field; another county's decision does not exist here.
    expect: { other: 'refused:/officerId', otherCounty: 422 },
  },
  listAppeals: { request: () => get('/api/appeals?limit=500'), listed: { match: (row, a) => row.id === a.w.appeal[a.x][a.i - 1] } },
  getAppeal: { request: (a) => get(`/api/appeals/${a.w.appeal[a.x][a.i - 1]}`) },
  decideAppeal: {
    request: async (a) => ({ path: `/api/appeals/${await freshAppeal(a.db, a.x, a.i)}/decision`, body: { outcome: 'upheld', reason: '数据无误，维持原结果' } }),
  },
  listObligationAppeals: { request: (a) => get(`/api/obligations/${enc(a.d.obligation(a.i))}/appeals`) },
  listEvaluations: {
    request: () => get('/api/evaluations?limit=500'),
    listed: { match: (row, a) => row.cycleId === a.d.cycle && row.communityId === a.d.community(a.i) },
  },
  listDecisions: { request: () => get('/api/decisions?limit=500'), listed: { match: (row, a) => row.id === a.d.decision(a.i) } },
  getDecision: { request: (a) => get(`/api/decisions/${enc(a.d.decision(a.i))}`) },
  getPaymentReconciliation: {
    request: () => get(`/api/payments/reconciliation?period=${decidedPeriod}`),
    listed: { rows: (body) => body.rows, match: (row, a) => row.payeeId === a.d.officer(a.i) },
  },
  recordPayment: {
    request: async (a) => ({
      path: '/api/payments',
      body: { obligationId: await freshObligation(a.db, a.x, a.i, { paid: false }), amount: 100, paidOn: '2026-03-10', reference: freshId('FIN-matrix') },
    }),
    // The obligation is another county's: as if it did not exist.
    expect: { otherCounty: 422 },
  },
  confirmReceipt: { request: async (a) => ({ path: `/api/obligations/${enc(await freshObligation(a.db, a.x, a.i))}/receipt` }) },
  disputePayment: {
    request: async (a) => ({
      path: `/api/obligations/${enc(await freshObligation(a.db, a.x, a.i))}/disputes`,
      body: { reason: 'wrong-amount', note: '金额与决定不符' },
    }),
  },
  correctPayment: {
    request: async (a) => ({
      path: `/api/obligations/${enc(await freshObligation(a.db, a.x, a.i))}/corrections`,
      body: { action: 'change', amount: 1400, reason: '按复核结果更正' },
    }),
  },
  listObligations: { request: () => get('/api/obligations?limit=500'), listed: { match: (row, a) => row.id === a.d.obligation(a.i) } },
  getObligation: { request: (a) => get(`/api/obligations/${enc(a.d.obligation(a.i))}`) },
  listNotices: {
    request: () => get('/api/notices?limit=500'),
    listed: { match: (row, a) => row.id === (noticeOf(a) ?? a.d.jointNotice(a.i)) },
  },
  acknowledgeNotice: {
    // The caller is the recipient: the body names nobody.
    request: (a) => ({ path: `/api/notices/${enc(noticeOf(a) ?? a.d.jointNotice(a.i))}/acknowledgements`, body: {} }),
  },
  readInbox: {
    request: () => get('/api/inbox?limit=500'),
    listed: { rows: (body) => body.items, match: (row, a) => (noticeOf(a) === undefined ? undefined : row.id === noticeOf(a)) },
  },

  // Presence and the community's own records. The leader and officer act in their office (a-c1).
  logVisit: {
    request: (a) =>
      a.c === 'other'
        ? { path: '/api/visits', body: { leaderId: a.d.leader(2), communityId: a.d.community(2), date: freshDay(), note: '走访' } }
        : { path: '/api/visits', body: { communityId: a.d.community(1), date: freshDay(), note: '走访' } },
    // Logging in another leader's name is refused naming the field; another county's community does not exist here.
    expect: { other: 'refused:/leaderId', otherCounty: 422 },
  },
  listVisits: { request: () => get('/api/visits?limit=500'), listed: { match: (row, a) => row.id === a.w.visit[a.x][a.i - 1] } },
  getVisit: { request: (a) => get(`/api/visits/${a.w.visit[a.x][a.i - 1]}`) },
  answerVisit: { request: async (a) => ({ path: `/api/visits/${await freshVisit(a.db, a.x, a.i)}/confirmation`, body: { verdict: 'confirmed' } }) },
  listPresence: { request: () => get('/api/presence?limit=500'), listed: { match: (row, a) => row.leaderId === a.d.leader(a.i) && row.month === '2026-02' } },
  getPresenceMonth: { request: (a) => get(`/api/presence/${a.d.leader(a.i)}/2026-02`) },
  recordDiversion: {
    request: (a) => ({ path: '/api/diversions', body: { officerId: a.d.officer(a.i), date: freshDay(), kind: 'case-work', note: '协助办案' } }),
    // Another station's officer is refused naming /officerId (403, or 422 as if unknown); another county's does not exist here.
    expect: { other: 'refused:/officerId', otherCounty: 422 },
  },
  listDiversions: { request: () => get('/api/diversions?limit=500'), listed: { match: (row, a) => row.id === a.w.diversion[a.x][a.i - 1] } },
  reportIncident: {
    request: (a) => ({ path: '/api/incidents', body: { communityId: a.d.community(a.i), occurredOn: '2026-03-08', category: '盗窃', summary: '自行车被盗' } }),
    // The officer reports only in their own community (refused naming /communityId), bureau staff
    // in any of their county's; another county's community does not exist here.
    expect: (reach) => (reach === 'own' ? { other: 'refused:/communityId', otherCounty: 422 } : { otherCounty: 422 }),
  },
  listIncidents: { request: () => get('/api/incidents?limit=500'), listed: { match: (row, a) => row.id === a.w.incident[a.x][a.i - 1] } },
  getIncident: { request: (a) => get(`/api/incidents/${a.w.incident[a.x][a.i - 1]}`) },
  // The rule: another community's incident is outside the officer's reach (404, although he reads it), like every object out of reach.
  updateIncident: {
    request: async (a) => ({ path: `/api/incidents/${await freshIncident(a.db, a.x, a.i)}`, body: { solved: true, solvedOn: '2026-03-10' } }),
  },
  // Population register: key persons (the department: as for the records below).
  listKeyPersons: { request: (a) => get(`/api/register/communities/${a.d.community(a.i)}/key-persons`), expect: notBrigade },
  listKeyPerson: {
    request: async (a) => ({
      path: `/api/register/persons/${await freshRegisterPerson(a.db, a.x, a.i)}/key-person-listings`,
      body: { category: '吸毒人员', listedOn: '2026-03-01' },
    }),
    expect: notBrigade,
  },
  getKeyPerson: { request: async (a) => get(`/api/register/key-persons/${await freshKeyPerson(a.db, a.x, a.i)}`), expect: notBrigade },
  setHelpGroupMember: {
    request: async (a) => ({
      path: `/api/register/key-persons/${await freshKeyPerson(a.db, a.x, a.i)}/help-group/parent`,
      body: { name: '家长', fromDate: '2026-03-02' },
    }),
    expect: notBrigade,
  },
  removeHelpGroupMember: {
    request: async (a) => ({ path: `/api/register/key-persons/${await freshKeyPerson(a.db, a.x, a.i)}/help-group/security-cadre?date=2026-03-10` }),
    expect: notBrigade,
  },
  logKeyPersonTalk: {
    request: async (a) => ({
      path: `/api/register/key-persons/${await freshKeyPerson(a.db, a.x, a.i)}/talks`,
      body: { talkedOn: '2026-03-05', byRole: 'security-cadre', summary: '谈话' },
    }),
    expect: notBrigade,
  },
  delistKeyPerson: {
    request: async (a) => ({
      path: `/api/register/key-persons/${await freshKeyPerson(a.db, a.x, a.i)}/delisting`,
      body: { date: '2026-03-10', reason: '撤管' },
    }),
    expect: notBrigade,
  },

  // Population register: records. The case's community is x-c{i}; the acting department (x-d1)
  // is not the population brigade (x-d3), so every community's register is out of its reach.
  listRegisterBuildings: { request: (a) => get(`/api/register/communities/${a.d.community(a.i)}/buildings`), expect: notBrigade },
  createRegisterBuilding: {
    request: (a) => ({ path: `/api/register/communities/${a.d.community(a.i)}/buildings`, body: { number: freshId('B') } }),
    expect: notBrigade,
  },
  listHouseholdCards: { request: (a) => get(`/api/register/communities/${a.d.community(a.i)}/cards`), expect: notBrigade },
  createHouseholdCard: {
    request: (a) => ({ path: `/api/register/communities/${a.d.community(a.i)}/cards`, body: { number: freshId('K'), building: '1', door: freshId('D') } }),
    expect: notBrigade,
  },
  getHouseholdCard: { request: async (a) => get(`/api/register/cards/${(await freshCard(a.db, placeOf(a))).id}`), expect: notBrigade },
  addPersonToCard: {
    request: async (a) => ({
      path: `/api/register/cards/${(await freshCard(a.db, placeOf(a))).id}/persons`,
      body: { name: '新登记', idNumber: freshIdNumber(), class: 'temporary', fromDate: '2026-03-01' },
    }),
    expect: notBrigade,
  },
  listRegisterPersons: { request: (a) => get(`/api/register/communities/${a.d.community(a.i)}/persons`), expect: notBrigade },
  getRegisterPerson: { request: async (a) => get(`/api/register/persons/${(await freshPerson(a.db, placeOf(a))).person.id}`), expect: notBrigade },
  updateRegisterPerson: {
    request: async (a) => ({ path: `/api/register/persons/${(await freshPerson(a.db, placeOf(a))).person.id}`, body: { phone: '13800000000' } }),
    expect: notBrigade,
  },
  changeResidence: {
    request: async (a) => ({
      path: `/api/register/persons/${(await freshPerson(a.db, placeOf(a))).person.id}/residence-changes`,
      body: { date: '2026-03-01', reason: 'reclassified', class: 'registered-away' },
    }),
    expect: notBrigade,
  },
  recordTemporaryPermit: {
    request: async (a) => ({
      path: `/api/register/persons/${(await freshPerson(a.db, placeOf(a), 'temporary')).person.id}/permits`,
      body: { registeredOn: '2026-02-01', expiresOn: '2027-02-01' },
    }),
    expect: notBrigade,
  },
  listRentedHomes: { request: (a) => get(`/api/register/communities/${a.d.community(a.i)}/rented-homes`), expect: notBrigade },
  createRentedHome: {
    request: (a) => ({
      path: `/api/register/communities/${a.d.community(a.i)}/rented-homes`,
      body: { building: '8', door: freshId('D'), landlord: '房东', fromDate: '2026-02-01' },
    }),
    expect: notBrigade,
  },
  recordRentalInspection: {
    request: async (a) => ({
      path: `/api/register/rented-homes/${(await freshRentedHome(a.db, placeOf(a))).id}/inspections`,
      body: { inspectedOn: '2026-03-02' },
    }),
    expect: notBrigade,
  },
  endRentedHome: {
    request: async (a) => ({ path: `/api/register/rented-homes/${(await freshRentedHome(a.db, placeOf(a))).id}/ending`, body: { date: '2026-03-02' } }),
    expect: notBrigade,
  },
  // Population register: derived rates.
  getRegisterDerivation: {
    request: (a) => get(`/api/register/communities/${a.d.community(a.i)}/derivation?period=2026-Q1`),
    expect: notBrigade,
  },
  // Communities in the caller's register reach; department x-d1 does not supply the registration figures, so it reaches none.
  listRegisterBacklog: {
    request: () => get('/api/register/backlog'),
    listed: { rows: (body) => body.items, match: (row, a) => (a.role === 'department' ? undefined : row.communityId === a.d.community(a.i)) },
  },

  // Population register: import and export. The department acting here is not the population
  // brigade (the world's third department supplies registration), so it reaches no register.
  importRegister: {
    request: (a) => ({
      path: `/api/register/communities/${a.d.community(a.i)}/imports?mode=partial`,
      type: `multipart/form-data; boundary=${boundary}`,
      body: multipartCsv(`楼栋号,门牌号,户号,姓名,身份证号,人员类别,起始日期\n`),
    }),
    expect: notBrigade,
  },
  getRegisterImport: {
    request: async (a) => get(`/api/register/imports/${await freshRegisterImport(a.db, a.d.county, a.d.community(a.i))}`),
    expect: notBrigade,
  },
  exportRegister: { request: (a) => get(`/api/register/communities/${a.d.community(a.i)}/export?format=csv`), expect: notBrigade },
};

const boundary = 'matrix-boundary';
const multipartCsv = (csv: string) =>
  [`--${boundary}`, 'Content-Disposition: form-data; name="file"; filename="register.csv"', 'Content-Type: text/csv', '', csv, `--${boundary}--`, ''].join(
    '\r\n',
  );

async function freshRegisterImport(db: Db, countyId: string, communityId: string): Promise<string> {
  const id = randomUUID();
  await db.registerImport.create({
    data: { id, countyId, communityId, fileName: 'register.csv', format: 'csv', mode: 'partial', contentHash: id, status: 'done', createdBy: 'matrix' },
  });
  return id;
}

/** A token id of each user, filled in by the test once it has made them (listTokens' rows). */
export const tokensOf = new Map<string, string>();
