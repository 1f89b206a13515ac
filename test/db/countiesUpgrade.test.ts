// A database made by the release before counties (migrations 0001..0007, a row in every table,
// written through plain SQL as that release wrote them) upgrades by 0008 into county `county-1`:
// every row keeps every value and gains the county, the bootstrap token becomes bureau staff of
// county-1 and sees those rows through the real app. On SQLite and on PostgreSQL. A fresh
// database gets no county-1: the seed makes `demo`.
import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.js';
import { hashToken } from '../../src/db/api-users.js';
import { createDb, type Db } from '../../src/db/client.js';
import { committedMigrations, migrate } from '../../src/db/migrate.js';
import { seedDemoCounty } from '../../src/db/seed.js';
import { freshSqlite, pgAdminUrl } from '../support/db.js';
import { RecordingCycles, RecordingLogger, RecordingSignals } from '../api/harness.js';

const countyMigration = '0008_counties_accounts';
const token = 'bureau-token-before-counties';
const at = '2026-04-02T03:04:05.000Z';
const json = (v: unknown) => ({ json: v });
type Value = string | number | boolean | null | { json: unknown };

// One representative row (or two where a table has children of several kinds) per table, with
// every nullable column given a value where the release before counties could set one.
const rows: Record<string, Record<string, Value>[]> = {
  Community: [{ id: 'c01', name: '小江口', population: 7000, complexity: 5, area: 'rural', createdAt: at, updatedAt: at }],
  Officer: [{ id: 'o01', name: '民警01', email: 'o01@police.example', createdAt: at, updatedAt: at }],
  Leader: [{ id: 'L01', name: '局领导01', email: 'l01@police.example', createdAt: at, updatedAt: at }],
  Department: [{ id: 'D01', name: '政工室', email: null, createdAt: at, updatedAt: at }],
  Posting: [
    {
      id: 1,
      officerId: 'o01',
      communityId: 'c01',
      kind: 'community',
      startsOn: '2026-01-01',
      endsOn: '2026-06-30',
      reason: 'demo county',
      decisionId: null,
      createdAt: at,
    },
    {
      id: 2,
      officerId: 'o01',
      communityId: null,
      kind: 'rural',
      startsOn: '2026-07-01',
      endsOn: null,
      reason: 'reassigned',
      decisionId: 'quarterly-2026-Q1/c01/reassign',
      createdAt: at,
    },
  ],
  Binding: [
    { id: 1, communityId: 'c01', subjectType: 'officer', subjectId: 'o01', effectiveFrom: '2026-01-01', effectiveTo: '2026-06-30', createdAt: at },
    { id: 2, communityId: 'c01', subjectType: 'leader', subjectId: 'L01', effectiveFrom: '2026-01-01', effectiveTo: null, createdAt: at },
    { id: 3, communityId: 'c01', subjectType: 'department', subjectId: 'D01', effectiveFrom: '2026-01-01', effectiveTo: null, createdAt: at },
  ],
  MetricSubmission: [
    { id: 1, period: '2026-Q1', communityId: 'c01', metric: 'satisfaction', value: 87.5, submittedBy: 'zhengong', actor: 'bureau', submittedAt: at },
  ],
  RuleSetVersion: [
    { id: 1, name: 'default', document: json({ name: 'default', rules: [] }), effectiveFrom: '1970-01-01', author: 'system', reason: 'shipped', createdAt: at },
  ],
  Cycle: [
    {
      id: 'quarterly-2026-Q1',
      kind: 'quarterly',
      period: '2026-Q1',
      status: 'failed',
      ruleSetVersionId: 1,
      gaps: json([{ communityId: 'c01', metric: 'clearance' }]),
      startedAt: at,
      completedAt: at,
      failureType: 'PeriodNotEnded',
      failureReason: 'too early',
      failureFix: 'wait',
      failedAt: at,
    },
  ],
  Evaluation: [
    {
      id: 1,
      cycleId: 'quarterly-2026-Q1',
      period: '2026-Q1',
      communityId: 'c01',
      score: 61.25,
      rank: 10,
      isLast: true,
      lastStreak: 2,
      breakdown: json({ satisfaction: 30 }),
      missing: json(['clearance']),
      createdAt: at,
      revision: 0,
      appealId: 1,
      supersededBy: 2,
      supersededByAppeal: 1,
      supersededAt: at,
      supersededReason: 'appeal 1 overturned',
    },
  ],
  Decision: [
    {
      id: 'quarterly-2026-Q1/c01/reassign',
      cycleId: 'quarterly-2026-Q1',
      type: 'sanction',
      kind: 'reassign',
      subjectType: 'community',
      subjectId: 'c01',
      officers: json(['o01']),
      rule: 'last-twice',
      reason: '连续两个季度排名末位',
      facts: json({ lastStreak: 2 }),
      amountFen: 50000,
      ruleSetVersionId: 1,
      createdAt: at,
      revision: 0,
      appealId: 1,
      supersededBy: 'quarterly-2026-Q1/c01/reassign#1',
      supersededByAppeal: 1,
      supersededAt: at,
      supersededReason: 'appeal 1 overturned',
    },
  ],
  PaymentObligation: [
    {
      id: 'quarterly-2026-Q1/c01/subsidy/o01',
      cycleId: 'quarterly-2026-Q1',
      decisionId: 'quarterly-2026-Q1/c01/reassign',
      kind: 'subsidy',
      payeeType: 'officer',
      payeeId: 'o01',
      amountFen: 50000,
      dueOn: '2026-05-01',
      status: 'paid',
      confirmedFen: 20000,
      settledAt: at,
      createdAt: at,
      updatedAt: at,
    },
  ],
  ObligationPayment: [
    {
      id: 1,
      obligationId: 'quarterly-2026-Q1/c01/subsidy/o01',
      reference: 'FIN-1',
      amountFen: 50000,
      paidOn: '2026-04-20',
      recordedBy: 'bureau',
      reportedAt: at,
      createdAt: at,
    },
  ],
  PaymentDispute: [
    { id: 1, obligationId: 'quarterly-2026-Q1/c01/subsidy/o01', reason: 'short', note: '少了三百元', raisedBy: 'o01', resolvedAt: at, createdAt: at },
  ],
  HonourRecord: [
    {
      id: 1,
      decisionId: 'year-end-2025/c01/reward',
      year: 2025,
      communityId: 'c01',
      officerId: 'o01',
      honour: 'reserve-talent',
      addressee: 'reserve-talent-pool',
      since: '2026-01-15',
      createdAt: at,
    },
  ],
  Notice: [
    {
      id: 'quarterly-2026-Q1/c01/joint',
      kind: 'joint-notice',
      cycleId: 'quarterly-2026-Q1',
      about: 'c01',
      rule: 'last-once',
      titleZh: '联合通报',
      bodyZh: '小江口社区排名末位',
      bodyEn: 'c01 ranked last',
      facts: json({ rank: 10 }),
      createdAt: at,
      withdrawnAt: at,
      withdrawnReason: 'appeal 1 overturned',
    },
  ],
  NoticeRecipient: [
    { id: 1, noticeId: 'quarterly-2026-Q1/c01/joint', recipientType: 'leader', recipientId: 'L01', acknowledgedAt: at },
    { id: 2, noticeId: 'quarterly-2026-Q1/c01/joint', recipientType: 'officer', recipientId: 'o01', acknowledgedAt: null },
  ],
  Visit: [
    {
      id: 1,
      leaderId: 'L01',
      communityId: 'c01',
      date: '2026-03-03',
      note: '走访',
      status: 'confirmed',
      answeredBy: 'o01',
      answeredAt: at,
      loggedBy: 'bureau',
      createdAt: at,
    },
  ],
  PresenceMonth: [
    { leaderId: 'L01', month: '2026-03', communityId: 'c01', days: 3, required: 4, compliant: false, countedDays: json(['2026-03-03']), recordedAt: at },
  ],
  Diversion: [
    {
      id: 1,
      stationId: 'S01',
      officerId: 'o01',
      communityId: 'c01',
      date: '2026-03-04',
      kind: 'case-work',
      note: '协助办案',
      recordedBy: 'bureau',
      createdAt: at,
    },
  ],
  Incident: [
    {
      id: 1,
      communityId: 'c01',
      occurredOn: '2026-03-05',
      category: 'theft',
      summary: '电动车被盗',
      solved: true,
      solvedOn: '2026-03-09',
      submittedBy: 'o01',
      actor: 'bureau',
      createdAt: at,
    },
  ],
  Appeal: [
    {
      id: 1,
      cycleId: 'quarterly-2026-Q1',
      communityId: 'c01',
      officerId: 'o01',
      contests: 'decision',
      decisionId: 'quarterly-2026-Q1/c01/reassign',
      reason: '数据有误',
      metric: 'satisfaction',
      value: 91,
      windowEndsOn: '2026-04-15',
      deadlineOn: '2026-04-30',
      status: 'overturned',
      decidedBy: 'bureau',
      decisionReason: '核实',
      decidedAt: at,
      acceptedMetric: 'satisfaction',
      acceptedValue: 90.5,
      redecidedAt: at,
      outcome: json({ superseded: ['quarterly-2026-Q1/c01/reassign'] }),
      filedBy: 'bureau',
      createdAt: at,
    },
  ],
  Reassignment: [
    {
      id: 1,
      decisionId: 'quarterly-2026-Q1/c01/reassign',
      cycleId: 'quarterly-2026-Q1',
      communityId: 'c01',
      officers: json(['o01']),
      reassigned: json(['o01']),
      decidedOn: '2026-04-02',
      status: 'confirmed',
      effectiveFrom: '2026-07-01',
      reason: '确认',
      resolvedBy: 'bureau',
      resolvedAt: at,
      createdAt: at,
    },
  ],
  ApiUser: [{ id: 'bureau', name: '县公安局', tokenHash: hashToken(token), createdAt: at }],
  AuditEntry: [
    { id: 1, actor: 'bureau', action: 'create', entity: 'Community', entityId: 'c01', before: null, after: json({ id: 'c01' }), at },
    {
      id: 2,
      actor: 'system:seed',
      action: 'update',
      entity: 'Officer',
      entityId: 'o01',
      before: json({ email: null }),
      after: json({ email: 'o01@police.example' }),
      at,
    },
  ],
};

/** The tables that gain a required countyId; the others belong to their parent's county. */
const countyTables = [
  'Community',
  'Officer',
  'Leader',
  'Department',
  'Binding',
  'MetricSubmission',
  'RuleSetVersion',
  'Cycle',
  'Evaluation',
  'Decision',
  'PaymentObligation',
  'Notice',
  'Visit',
  'Diversion',
  'Incident',
  'Appeal',
  'Reassignment',
  'ApiUser',
];
/** Columns 0008 and the migrations after it add, as every old row has them afterwards. */
function added(table: string): Record<string, unknown> {
  if (table === 'AuditEntry') return { countyId: 'county-1', role: null, authMethod: null, credentialId: null };
  // 0009: the counts a figure derived from the population register came from; none for old figures.
  if (table === 'MetricSubmission') return { countyId: 'county-1', derivation: null };
  if (table === 'Officer') return { countyId: 'county-1', stationId: null };
  // 0011: the cycle's payment verification keeps each obligation's state on its row; old ones are never looked at by it.
  if (table === 'PaymentObligation')
    return { countyId: 'county-1', remindedAt: null, nextEscalationAt: null, escalations: 0, fullSince: null, lookedAt: null, nextLookAt: null };
  return countyTables.includes(table) ? { countyId: 'county-1' } : {};
}

/** The Prisma model of each table, to read every row back through the generated client too. */
const models = Object.keys(rows).map((t) => t[0]!.toLowerCase() + t.slice(1));

interface OldDatabase {
  url: string;
  /** Applies the committed migrations before 0008, as the release before counties did. */
  applyOld(): Promise<void>;
  insert(table: string, row: Record<string, Value>): Promise<void>;
  snapshot(): Promise<Record<string, Record<string, unknown>[]>>;
  close(): Promise<void>;
}

function sqliteDatabase(): OldDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'cp-counties-upgrade-'));
  const file = join(dir, 'app.db');
  const raw = new Database(file);
  const value = (v: Value) => (v !== null && typeof v === 'object' ? JSON.stringify(v.json) : typeof v === 'boolean' ? Number(v) : v);
  return {
    url: `file:${file}`,
    async applyOld() {
      raw.exec(`CREATE TABLE "_app_migrations" ("name" TEXT PRIMARY KEY, "appliedAt" TEXT NOT NULL)`);
      for (const m of committedMigrations('sqlite').filter((m) => m.name < countyMigration)) {
        raw.exec(m.sql);
        raw.prepare('INSERT INTO "_app_migrations" VALUES (?, ?)').run(m.name, at);
      }
    },
    async insert(table, row) {
      const cols = Object.keys(row);
      raw
        .prepare(`INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`)
        .run(...cols.map((c) => value(row[c]!)));
    },
    async snapshot() {
      return Object.fromEntries(Object.keys(rows).map((t) => [t, raw.prepare(`SELECT * FROM "${t}" ORDER BY 1, 2`).all() as Record<string, unknown>[]]));
    },
    async close() {
      raw.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function postgresDatabase(): Promise<OldDatabase> {
  const name = `t_counties_upgrade_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgAdminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(pgAdminUrl);
  url.pathname = `/${name}`;
  const raw = new pg.Client({ connectionString: url.toString() });
  await raw.connect();
  const value = (v: Value) => (v !== null && typeof v === 'object' ? JSON.stringify(v.json) : v);
  return {
    url: url.toString(),
    async applyOld() {
      await raw.query(`CREATE TABLE "_app_migrations" ("name" TEXT PRIMARY KEY, "appliedAt" TEXT NOT NULL)`);
      for (const m of committedMigrations('postgresql').filter((m) => m.name < countyMigration)) {
        await raw.query(m.sql);
        await raw.query('INSERT INTO "_app_migrations" VALUES ($1, $2)', [m.name, at]);
      }
    },
    async insert(table, row) {
      const cols = Object.keys(row);
      await raw.query(
        `INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})`,
        cols.map((c) => value(row[c]!)),
      );
    },
    async snapshot() {
      const out: Record<string, Record<string, unknown>[]> = {};
      for (const t of Object.keys(rows)) out[t] = (await raw.query(`SELECT * FROM "${t}" ORDER BY 1, 2`)).rows;
      return out;
    },
    async close() {
      await raw.end();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

async function upgradesIntoCountyOne(old: OldDatabase) {
  await old.applyOld();
  for (const [table, list] of Object.entries(rows)) for (const row of list) await old.insert(table, row);
  const before = await old.snapshot();
  for (const [table, list] of Object.entries(rows)) expect(before[table], table).toHaveLength(list.length);

  // The county migration and every one released after it (both providers name them alike).
  expect(await migrate(old.url)).toEqual(
    committedMigrations('sqlite')
      .map((m) => m.name)
      .filter((name) => name >= countyMigration),
  );
  expect(await migrate(old.url)).toEqual([]);

  // Every row, every value, plus the county.
  const after = await old.snapshot();
  for (const table of Object.keys(rows)) {
    expect(after[table], table).toEqual(before[table]!.map((r) => ({ ...r, ...added(table) })));
  }

  const db: Db = createDb(old.url);
  try {
    expect(await db.county.findMany({ select: { id: true, name: true } })).toEqual([{ id: 'county-1', name: expect.any(String) }]);
    for (const model of models) {
      const delegate = (db as unknown as Record<string, { findMany(): Promise<unknown[]> }>)[model]!;
      expect(await delegate.findMany(), model).toHaveLength(rows[model[0]!.toUpperCase() + model.slice(1)]!.length);
    }
    expect(await db.apiUser.findUniqueOrThrow({ where: { id: 'bureau' } })).toMatchObject({ countyId: 'county-1', name: '县公安局' });

    // The old token is bureau staff of county-1 and sees its rows through the real app.
    const app = createApp({ db, cycles: new RecordingCycles(), signals: new RecordingSignals(), clock: () => new Date(at), logger: new RecordingLogger() });
    const get = (path: string) => request(app).get(path).set('Authorization', `Bearer ${token}`);
    const communities = await get('/api/communities').expect(200);
    expect(communities.body).toEqual([expect.objectContaining({ id: 'c01', name: '小江口', population: 7000, complexity: 5, area: 'rural' })]);
    const officers = await get('/api/officers').expect(200);
    expect(officers.body).toEqual([expect.objectContaining({ id: 'o01', email: 'o01@police.example' })]);
    const audit = await get('/api/audit?entity=Community&entityId=c01').expect(200);
    expect(audit.body).toEqual([expect.objectContaining({ actor: 'bureau', action: 'create' })]);
    await request(app).get('/api/communities').set('Authorization', 'Bearer not-the-token').expect(401);
  } finally {
    await db.$disconnect();
  }
}

describe('upgrading a database made before counties into county-1', () => {
  it('on SQLite', async () => {
    const old = sqliteDatabase();
    try {
      await upgradesIntoCountyOne(old);
    } finally {
      await old.close();
    }
  });

  it('on PostgreSQL', async () => {
    const old = await postgresDatabase();
    try {
      await upgradesIntoCountyOne(old);
    } finally {
      await old.close();
    }
  });
});

describe('a fresh database', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanup) await c();
  });

  it('gets no county-1; the seed makes the demo county', async () => {
    const t = await freshSqlite('counties-fresh');
    cleanup.push(t.drop);
    expect(await t.db.county.count()).toBe(0);
    expect(await seedDemoCounty(t.db, { today: '2026-01-05', token: 't' })).toEqual({ seeded: true });
    expect(await t.db.county.findMany({ select: { id: true } })).toEqual([{ id: 'demo' }]);
  });
});
