// Users of every role for tests: a User row and a personal access token carrying every operation
// of the role, made straight in the database (the accounts API has its own tests).
import { randomBytes } from 'node:crypto';
import { accessTokenPrefix } from '../../src/api/auth.js';
import { operationsOf } from '../../src/api/access/routeTable.js';
import type { Role } from '../../src/contracts/roles.js';
import { hashToken } from '../../src/db/api-users.js';
import type { Db } from '../../src/db/client.js';

export interface TestUser {
  role: Role;
  /** The officer, leader, department or station the user is. */
  subjectId?: string;
  /** Defaults to the test county; null for a province reader. */
  countyId?: string | null;
  /** Defaults to `<role>:<subject or county>`. */
  id?: string;
}

export const testCounty = 'test-county';
/** The test county as the demo seed takes it: `seedDemoCounty(db, { today, county: testCountyRecord })`. */
export const testCountyRecord = { id: testCounty, name: '测试县公安局' };

export async function ensureCounty(db: Db, id = testCounty, name = `${id} 公安局`): Promise<void> {
  await db.county.upsert({ where: { id }, create: { id, name }, update: {} });
}

/** The bearer token of a user of the role, made once per id. */
export async function tokenFor(db: Db, user: TestUser): Promise<string> {
  const countyId = user.countyId === undefined ? testCounty : user.countyId;
  if (countyId) await ensureCounty(db, countyId);
  const id = user.id ?? `${user.role}:${user.subjectId ?? countyId ?? 'province'}`;
  await db.user.upsert({
    where: { id },
    create: { id, role: user.role, countyId, subjectId: user.subjectId ?? null, displayName: id, createdBy: 'test' },
    update: {},
  });
  const token = `${accessTokenPrefix}${randomBytes(24).toString('base64url')}`;
  await db.accessToken.create({
    data: {
      id: `tok_${randomBytes(6).toString('hex')}`,
      userId: id,
      name: 'test',
      tokenHash: hashToken(token),
      permissions: operationsOf(user.role),
      expiresAt: new Date(Date.UTC(2100, 0, 1)),
    },
  });
  return token;
}
