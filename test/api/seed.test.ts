import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.js';
import { seedDemoCounty } from '../../src/db/seed.js';
import { freshSqlite, type TestDb } from '../support/db.js';
import { counts, RecordingCycles, RecordingSignals } from './harness.js';

let t: TestDb;
beforeAll(async () => {
  t = await freshSqlite('api-seed');
});
afterAll(() => t.drop());

describe('seedDemoCounty', () => {
  let token: string | undefined;

  it('seeds the demo county into an empty database and returns the generated bureau token', async () => {
    const result = await seedDemoCounty(t.db, { today: '2026-02-10' });
    expect(result.seeded).toBe(true);
    token = result.token;
    expect(token).toMatch(/^[\w-]{20,}$/);
    expect(await counts(t.db)).toMatchObject({ communities: 10, officers: 16, leaders: 10, departments: 13, postings: 16, bindings: 36 });

    const c01 = await t.db.community.findUnique({ where: { id: 'c01' }, include: { bindings: true } });
    expect(c01).toMatchObject({ name: '小江口', population: 7000, complexity: 5 });
    expect(c01!.bindings.map((b) => `${b.subjectType}:${b.subjectId}@${b.effectiveFrom}`).sort()).toEqual([
      'department:D01@2026-01-01',
      'leader:L01@2026-01-01',
      'officer:o01@2026-01-01',
      'officer:o02@2026-01-01',
    ]);
    expect(await t.db.department.findMany({ where: { id: { in: ['zhengong', 'zhian', 'renkou'] } } })).toHaveLength(3);
    expect(await t.db.auditEntry.count({ where: { actor: 'system:seed' } })).toBeGreaterThan(100);
  });

  it('lets the bureau use the API with the returned token', async () => {
    const app = createApp({ db: t.db, cycles: new RecordingCycles(), signals: new RecordingSignals() });
    const res = await request(app).get('/api/communities').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    expect(res.body.map((c: { name: string }) => c.name)).toEqual(['小江口', '城中', '濂溪', '荷叶塘', '沱江', '东门', '西岸', '南桥', '北塔', '新区']);
  });

  it('seeds nothing on a second call', async () => {
    const before = await counts(t.db);
    expect(await seedDemoCounty(t.db, { today: '2026-02-11' })).toEqual({ seeded: false });
    expect(await counts(t.db)).toEqual(before);
  });

  it('does not hand back a token it was given', async () => {
    const other = await freshSqlite('api-seed-token');
    try {
      expect(await seedDemoCounty(other.db, { today: '2026-02-10', token: 'given-token' })).toEqual({ seeded: true });
      const app = createApp({ db: other.db, cycles: new RecordingCycles(), signals: new RecordingSignals() });
      expect((await request(app).get('/api/leaders').set('Authorization', 'Bearer given-token')).status).toBe(200);
    } finally {
      await other.drop();
    }
  });
});
