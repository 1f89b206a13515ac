// Users of a running service's database (its seeded county), each with a token, for end-to-end
// tests that act as the department, the officer or finance over HTTP.
import { createDb } from '../../src/db/client.js';
import { tokenFor, type TestUser } from './users.js';

/** The bearer token of a user of the role in the county the service seeded. */
export async function serviceToken(databaseUrl: string, user: Omit<TestUser, 'countyId'>): Promise<string> {
  const db = createDb(databaseUrl);
  try {
    const { countyId } = await db.community.findFirstOrThrow({ select: { countyId: true } });
    return await tokenFor(db, { ...user, countyId });
  } finally {
    await db.$disconnect();
  }
}
