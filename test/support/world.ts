// Two counties side by side, every kind of record in each, written straight with Prisma: the world
// the authorization matrix and the cross-actor tests run in. County `x` ('a' or 'b') has two of
// most things: the first belongs to the users the tests act as (leader x-l1, officer x-o1,
// department x-d1, station x-s1), the second to someone else of the same county.
import { roles, type Role } from '../../src/contracts/roles.js';
import type { Db } from '../../src/db/client.js';
import { loadDefaultRuleSet } from '../../src/rules/ruleSet.js';
import { addTestPerson, idNumberOf } from './register.js';
import { ensureCounty } from './users.js';

export type CountyKey = 'a' | 'b';
export const countyOf = (x: CountyKey) => `county-${x}`;

/** The quarter the world has decided, and the one before it (appeals the bureau still has to decide). */
export const decidedPeriod = '2025-Q4';
export const earlierPeriod = '2025-Q3';
export const cycleIdOf = (x: CountyKey, period = decidedPeriod) => `quarterly-${period}-${countyOf(x)}`;

/** Ids of county x's records; `n` 1 is the acting users' own, 2 another person's. */
export const ids = (x: CountyKey) => {
  const n = (prefix: string) => (i: 1 | 2) => `${x}-${prefix}${i}`;
  return {
    county: countyOf(x),
    community: n('c'),
    officer: n('o'),
    leader: n('l'),
    department: n('d'),
    /** The third department, bound nowhere, supplies the registration figures. */
    department3: `${x}-d3`,
    station: n('s'),
    cycle: cycleIdOf(x),
    earlierCycle: cycleIdOf(x, earlierPeriod),
    decision: (i: 1 | 2) => `${cycleIdOf(x)}/subsidy/${x}-o${i}`,
    obligation: (i: 1 | 2) => `${decidedPeriod}/subsidy/${x}-o${i}`,
    jointNotice: (i: 1 | 2) => `${cycleIdOf(x)}/joint-notice/${x}-c${i}`,
    stationNotice: (i: 1 | 2) => `diversions/${x}-c${i}/2026-02`,
    financeNotice: `${decidedPeriod}/subsidy/${x}-o1/payment-overdue`,
    /** Users: `${x}:${role}` acts; `${x}:${role}:2` is another person of that role. */
    user: (role: Role, i: 1 | 2 = 1) => (i === 1 ? `${x}:${role}` : `${x}:${role}:2`),
  };
};

/** The rule set of county x: the shipped one, its metrics supplied by x-d1 (survey), x-d2 (public order) and x-d3 (registration). */
export function ruleSetOf(x: CountyKey) {
  const rs = loadDefaultRuleSet();
  const supplier: Record<string, string> = { zhengong: `${x}-d1`, zhian: `${x}-d2`, renkou: `${x}-d3` };
  const metrics = Object.fromEntries(Object.entries(rs.scoring.metrics).map(([k, m]) => [k, { ...m, source: supplier[m.source] ?? m.source }]));
  return { ...rs, scoring: { ...rs.scoring, metrics } } as typeof rs;
}

/** The metrics x-d1 and x-d2 supply. */
export const suppliedBy = { d1: ['satisfaction', 'familiarity'], d2: ['incidents', 'prevention', 'clues'] } as const;

export interface World {
  /** Row ids the database gave, by county. */
  ruleSetVersion: Record<CountyKey, [number, number]>;
  visit: Record<CountyKey, [number, number]>;
  diversion: Record<CountyKey, [number, number]>;
  incident: Record<CountyKey, [number, number]>;
  appeal: Record<CountyKey, [number, number]>;
  reassignment: Record<CountyKey, [number, number]>;
  binding: Record<CountyKey, Record<'officer' | 'leader' | 'department', [number, number]>>;
  audit: Record<CountyKey, number>;
  posting: Record<CountyKey, [number, number]>;
  figure: Record<CountyKey, [number, number]>;
}

const pair = <T>(f: (i: 1 | 2) => Promise<T>) => Promise.all([f(1), f(2)]) as Promise<[T, T]>;

async function county(db: Db, x: CountyKey) {
  const d = ids(x);
  const countyId = d.county;
  await ensureCounty(db, countyId, `${x.toUpperCase()}县公安局`);
  const rs = ruleSetOf(x);
  const version = (effectiveFrom: string, reason: string) =>
    db.ruleSetVersion.create({ data: { countyId, name: rs.name, document: rs as object, effectiveFrom, author: 'system', reason } }).then((r) => r.id);
  const ruleSetVersion: [number, number] = [await version('1970-01-01', 'the shipped rules'), await version('2024-01-01', 'the same rules again')];

  for (const i of [1, 2] as const) {
    await db.community.create({ data: { id: d.community(i), countyId, name: `${x}社区${i}`, population: 5000 + i, complexity: 3 } });
    await db.station.create({ data: { id: d.station(i), countyId, name: `${x}派出所${i}` } });
    await db.officer.create({ data: { id: d.officer(i), countyId, stationId: d.station(i), name: `${x}民警${i}`, email: `${d.officer(i)}@example.org` } });
    await db.leader.create({ data: { id: d.leader(i), countyId, name: `${x}领导${i}`, email: `${d.leader(i)}@example.org` } });
    await db.department.create({ data: { id: d.department(i), countyId, name: `${x}部门${i}`, email: `${d.department(i)}@example.org` } });
  }
  await db.department.create({ data: { id: d.department3, countyId, name: `${x}部门3` } });

  const bind = (i: 1 | 2, subjectType: string, subjectId: string) =>
    db.binding.create({ data: { countyId, communityId: d.community(i), subjectType, subjectId, effectiveFrom: '2020-01-01' } });
  const binding = {
    officer: await pair(async (i) => (await bind(i, 'officer', d.officer(i))).id),
    leader: await pair(async (i) => (await bind(i, 'leader', d.leader(i))).id),
    department: await pair(async (i) => (await bind(i, 'department', d.department(i))).id),
  };
  const posting = await pair(
    async (i) =>
      (
        await db.posting.create({
          data: { officerId: d.officer(i), communityId: d.community(i), kind: 'community', startsOn: '2020-01-01', reason: 'posted on creation' },
        })
      ).id,
  );

  // Figures of the decided quarter, each community's by its own department.
  const figure = await pair(async (i) => {
    const rows = await Promise.all(
      suppliedBy[`d${i}`].map((metric) =>
        db.metricSubmission.create({
          data: {
            countyId,
            period: decidedPeriod,
            communityId: d.community(i),
            metric,
            value: metric === 'incidents' || metric === 'clues' ? 4 : 0.9,
            submittedBy: d.department(i),
            actor: d.user('department', i),
          },
        }),
      ),
    );
    return rows[0]!.id;
  });

  // The decided quarter: both offices evaluated, a subsidy for each officer and what is owed for it.
  for (const [cycleId, period] of [
    [d.cycle, decidedPeriod],
    [d.earlierCycle, earlierPeriod],
  ] as const) {
    await db.cycle.create({
      data: {
        id: cycleId,
        countyId,
        kind: 'quarterly',
        period,
        status: 'decided',
        ruleSetVersionId: ruleSetVersion[0],
        completedAt: new Date('2026-01-05T00:00:00Z'),
      },
    });
    for (const i of [1, 2] as const) {
      await db.evaluation.create({
        data: {
          countyId,
          cycleId,
          period,
          communityId: d.community(i),
          score: 95 - i * 10,
          rank: i,
          isLast: i === 2,
          breakdown: [],
          missing: [],
          createdAt: new Date('2026-03-10T00:00:00Z'),
        },
      });
    }
  }
  for (const i of [1, 2] as const) {
    await db.decision.create({
      data: {
        id: d.decision(i),
        countyId,
        cycleId: d.cycle,
        type: 'subsidy',
        kind: 'subsidy',
        subjectType: 'community',
        subjectId: d.community(i),
        officers: [d.officer(i)],
        rule: 'subsidy',
        reason: '按得分分配补助',
        facts: { pool: 3000, officerCount: 2, score: 95 - i * 10, totalPoints: 160 },
        amountFen: 150_000,
        ruleSetVersionId: ruleSetVersion[0],
        createdAt: new Date('2026-03-10T00:00:00Z'),
      },
    });
    await db.paymentObligation.create({
      data: {
        id: d.obligation(i),
        countyId,
        cycleId: d.cycle,
        decisionId: d.decision(i),
        kind: 'subsidy',
        payeeType: 'officer',
        payeeId: d.officer(i),
        amountFen: 150_000,
        dueOn: '2026-04-30',
      },
    });
    await db.obligationPayment.create({
      data: { obligationId: d.obligation(i), reference: `${x}-FIN-${i}`, amountFen: 10_000, paidOn: '2026-03-01', recordedBy: d.user('finance') },
    });
  }

  // Notices: each office's joint notice to its leader, officer and department; a diversion notice to each
  // station and the bureau head; an overdue payment to finance.
  const notice = (id: string, kind: string, recipients: { recipientType: string; recipientId: string }[]) =>
    db.notice.create({
      data: {
        id,
        countyId,
        kind,
        cycleId: kind === 'joint-notice' ? d.cycle : null,
        about: id,
        titleZh: '通报',
        bodyZh: '通报正文',
        bodyEn: 'notice body',
        facts: {},
        recipients: { create: recipients },
      },
    });
  for (const i of [1, 2] as const) {
    await notice(d.jointNotice(i), 'joint-notice', [
      { recipientType: 'leader', recipientId: d.leader(i) },
      { recipientType: 'officer', recipientId: d.officer(i) },
      { recipientType: 'department', recipientId: d.department(i) },
    ]);
    await notice(d.stationNotice(i), 'diversion-excess', [
      { recipientType: 'station', recipientId: d.station(i) },
      ...(i === 1 ? [{ recipientType: 'bureau', recipientId: 'head' }] : []),
    ]);
  }
  await notice(d.financeNotice, 'payment-overdue', [{ recipientType: 'finance', recipientId: 'finance' }]);

  const visit = await pair(
    async (i) =>
      (
        await db.visit.create({
          data: { countyId, leaderId: d.leader(i), communityId: d.community(i), date: '2026-02-02', note: '走访', loggedBy: d.user('leader', i) },
        })
      ).id,
  );
  await pair((i) =>
    db.presenceMonth.create({
      data: { leaderId: d.leader(i), month: '2026-02', communityId: d.community(i), days: 1, required: 4, compliant: false, countedDays: ['2026-02-02'] },
    }),
  );
  const diversion = await pair(
    async (i) =>
      (
        await db.diversion.create({
          data: {
            countyId,
            stationId: d.station(i),
            officerId: d.officer(i),
            communityId: d.community(i),
            date: '2026-02-03',
            kind: 'station-duty',
            note: '',
            recordedBy: d.user('station', i),
          },
        })
      ).id,
  );
  const incident = await pair((i) => freshIncident(db, x, i, { solved: true }));
  // Decided appeals (open ones would hold the quarter's payments and block new filings).
  const appeal = await pair(async (i) => freshAppeal(db, x, i, { cycleId: d.cycle, status: 'upheld' }));
  const reassignment = await pair(async (i) => freshReassignment(db, x, i, { officerId: d.officer(i), status: 'overruled' }));
  // A user of every role, and a second person of each (x-l2's leader account and so on).
  for (const role of roles)
    for (const i of [1, 2] as const) {
      if (role === 'province-reader') continue;
      const u = actingUser(role, x, i);
      await db.user.create({ data: { id: u.id, countyId, role, subjectId: u.subjectId ?? null, displayName: u.id, createdBy: 'world' } });
    }

  const audit = (
    await db.auditEntry.create({
      data: {
        actor: d.user('bureau-staff'),
        countyId,
        role: 'bureau-staff',
        authMethod: 'token',
        action: 'create',
        entity: 'Community',
        entityId: d.community(1),
      },
    })
  ).id;
  return { ruleSetVersion, visit, diversion, incident, appeal, reassignment, binding, posting, figure, audit };
}

/** Both counties, each with a user of every role (tokenFor gives their tokens), and the province reader. */
export async function buildWorld(db: Db): Promise<World> {
  const a = await county(db, 'a');
  const b = await county(db, 'b');
  const reader = actingUser('province-reader', 'a');
  await db.user.create({ data: { id: reader.id, countyId: null, role: reader.role, displayName: '省厅查阅', createdBy: 'world' } });
  const by = <K extends keyof typeof a>(k: K) => ({ a: a[k], b: b[k] }) as Record<CountyKey, (typeof a)[K]>;
  return {
    ruleSetVersion: by('ruleSetVersion'),
    visit: by('visit'),
    diversion: by('diversion'),
    incident: by('incident'),
    appeal: by('appeal'),
    reassignment: by('reassignment'),
    binding: by('binding'),
    posting: by('posting'),
    figure: by('figure'),
    audit: by('audit'),
  };
}

/** The user the tests act as for a role in county x (the province reader belongs to none). */
export function actingUser(role: Role, x: CountyKey, i: 1 | 2 = 1): { id: string; role: Role; countyId: string | null; subjectId?: string } {
  const d = ids(x);
  const subject: Record<Role, string | undefined> = {
    'bureau-staff': undefined,
    'bureau-head': undefined,
    leader: d.leader(i),
    officer: d.officer(i),
    department: d.department(i),
    station: d.station(i),
    finance: undefined,
    'province-reader': undefined,
  };
  if (role === 'province-reader') return { id: 'province:reader', role, countyId: null };
  return { id: d.user(role, i), role, countyId: d.county, subjectId: subject[role] };
}

// Fresh objects, for writes that use up the object they act on.

let serial = 0;
const next = () => ++serial;

/** A day of March 2026 up to the harness's today (15 March), a different one each call as far as they go. */
export const freshDay = () => `2026-03-${String((next() % 14) + 1).padStart(2, '0')}`;

/** An open obligation of person i of county x, with 100 yuan paid (so a receipt can be confirmed). */
export async function freshObligation(db: Db, x: CountyKey, i: 1 | 2, options: { paid?: boolean } = {}): Promise<string> {
  const d = ids(x);
  const id = `${decidedPeriod}/subsidy/${d.officer(i)}/fresh-${next()}`;
  await db.paymentObligation.create({
    data: {
      id,
      countyId: d.county,
      cycleId: d.cycle,
      decisionId: d.decision(i),
      kind: 'subsidy',
      payeeType: 'officer',
      payeeId: d.officer(i),
      amountFen: 150_000,
      dueOn: '2026-04-30',
    },
  });
  if (options.paid !== false) {
    await db.obligationPayment.create({
      data: { obligationId: id, reference: `FIN-fresh-${next()}`, amountFen: 10_000, paidOn: '2026-03-01', recordedBy: d.user('finance') },
    });
  }
  return id;
}

/** A pending visit of leader i of county x to their community. */
export async function freshVisit(db: Db, x: CountyKey, i: 1 | 2): Promise<number> {
  const d = ids(x);
  const v = await db.visit.create({
    data: { countyId: d.county, leaderId: d.leader(i), communityId: d.community(i), date: freshDay(), note: '', loggedBy: d.user('leader', i) },
  });
  return v.id;
}

/** An incident in community i of county x, reported by its officer. */
export async function freshIncident(db: Db, x: CountyKey, i: 1 | 2, options: { solved?: boolean } = {}): Promise<number> {
  const d = ids(x);
  const row = await db.incident.create({
    data: {
      countyId: d.county,
      communityId: d.community(i),
      occurredOn: '2026-03-01',
      category: '盗窃',
      summary: '电动车被盗',
      submittedBy: d.officer(i),
      actor: d.user('officer', i),
      ...(options.solved ? { solved: true, solvedOn: '2026-03-05' } : {}),
    },
  });
  return row.id;
}

/** An appeal of officer i of county x against their office's evaluation (open, on the earlier quarter, unless told). */
export async function freshAppeal(db: Db, x: CountyKey, i: 1 | 2, options: { cycleId?: string; status?: string } = {}): Promise<number> {
  const d = ids(x);
  const row = await db.appeal.create({
    data: {
      countyId: d.county,
      cycleId: options.cycleId ?? d.earlierCycle,
      communityId: d.community(i),
      officerId: d.officer(i),
      contests: 'evaluation',
      reason: '满意率漏计',
      windowEndsOn: '2026-03-20',
      deadlineOn: '2026-04-10',
      status: options.status ?? 'open',
      ...(options.status && options.status !== 'open'
        ? { decidedBy: d.user('bureau-staff'), decisionReason: '维持', decidedAt: new Date('2026-03-12T00:00:00Z') }
        : {}),
      filedBy: d.user('officer', i),
    },
  });
  return row.id;
}

/**
 * A rural reassignment of community i of county x. Pending ones name a fresh officer bound there,
 * so that confirming it (which ends the officer's binding) leaves the world's officers in place.
 */
export async function freshReassignment(db: Db, x: CountyKey, i: 1 | 2, options: { officerId?: string; status?: string } = {}): Promise<number> {
  const d = ids(x);
  const n = next();
  let officerId = options.officerId;
  if (!officerId) {
    officerId = `${d.officer(i)}-r${n}`;
    await db.officer.create({ data: { id: officerId, countyId: d.county, stationId: d.station(i), name: '轮岗民警' } });
    await db.binding.create({
      data: { countyId: d.county, communityId: d.community(i), subjectType: 'officer', subjectId: officerId, effectiveFrom: '2020-01-01' },
    });
  }
  const decisionId = `${d.cycle}/rural-reassignment/${d.community(i)}/${n}`;
  await db.decision.create({
    data: {
      id: decisionId,
      countyId: d.county,
      cycleId: d.cycle,
      type: 'sanction',
      kind: 'rural-reassignment',
      // One decision per officer here: (cycle, subject, kind) is unique.
      subjectType: 'officer',
      subjectId: officerId,
      officers: [officerId],
      rule: 'last-twice',
      reason: '连续两个季度末位',
      facts: {},
      ruleSetVersionId: null,
    },
  });
  const row = await db.reassignment.create({
    data: {
      countyId: d.county,
      decisionId,
      cycleId: d.cycle,
      communityId: d.community(i),
      officers: [officerId],
      decidedOn: '2026-01-05',
      status: options.status ?? 'pending',
      ...(options.status === 'overruled' ? { reason: '不宜调整', resolvedBy: d.user('bureau-staff'), resolvedAt: new Date('2026-01-10T00:00:00Z') } : {}),
    },
  });
  return row.id;
}

/** A user of county x not yet signed in (an open invitation), for writes that change a user for good. */
export async function freshUser(db: Db, x: CountyKey, role: Role = 'officer'): Promise<string> {
  const d = ids(x);
  const id = `${x}:fresh-${next()}`;
  await db.user.create({
    data: { id, countyId: d.county, role, subjectId: role === 'officer' ? d.officer(2) : null, displayName: id, createdBy: d.user('bureau-staff') },
  });
  return id;
}

/** A personal access token of the user, for revoking. */
export async function freshToken(db: Db, userId: string): Promise<string> {
  // Shaped like the ids the API makes (tok_ and hex), so DELETE /api/tokens/{id} finds it.
  const id = `tok_ffff${next().toString(16).padStart(8, '0')}`;
  await db.accessToken.create({
    data: { id, userId, name: 'to revoke', tokenHash: `unused-${id}`, permissions: [], expiresAt: new Date(Date.UTC(2100, 0, 1)) },
  });
  return id;
}

/** An officer of county x at station i, bound nowhere yet. */
export async function freshOfficer(db: Db, x: CountyKey, i: 1 | 2): Promise<string> {
  const d = ids(x);
  const id = `${x}-new-o${next()}`;
  await db.officer.create({ data: { id, countyId: d.county, stationId: d.station(i), name: '新民警' } });
  return id;
}

/** An id no row has yet, for creates. */
export const freshId = (prefix: string) => `${prefix}-${next()}`;

/** A person living in community i of county x since 2025, on the register and not a key person. */
export async function freshRegisterPerson(db: Db, x: CountyKey, i: 1 | 2): Promise<string> {
  const d = ids(x);
  const n = next();
  const id = `${x}-person-${n}`;
  await addTestPerson(db, {
    id,
    countyId: d.county,
    communityId: d.community(i),
    name: `${x}居民${n}`,
    idNumber: idNumberOf(`4301231980${String(n).padStart(7, '0')}`),
    fromDate: '2025-01-01',
    door: String(n),
  });
  return id;
}

/** A key person of community i of county x, listed on 2026-03-01 with a security cadre from that day. */
export async function freshKeyPerson(db: Db, x: CountyKey, i: 1 | 2): Promise<string> {
  const d = ids(x);
  const personId = await freshRegisterPerson(db, x, i);
  const listing = await db.keyPersonListing.create({
    data: {
      id: `${personId}-listing`,
      countyId: d.county,
      communityId: d.community(i),
      personId,
      category: '吸毒人员',
      listedOn: '2026-03-01',
      recordedBy: 'test',
    },
  });
  await db.helpGroupMember.create({ data: { listingId: listing.id, role: 'security-cadre', name: '治保干部', fromDate: '2026-03-01', recordedBy: 'test' } });
  return listing.id;
}
