// The province's registry, straight into a fresh database (the registry is not what is measured):
// synthetic counties of `npm run counties -- synthetic`, and for each county a token for its
// bureau staff and for each of its reporting departments.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createDb } from '../../src/db/client.js';
import { reportingDepartments, seedSyntheticCounties } from '../../src/db/counties.js';
import { migrate } from '../../src/db/migrate.js';
import { tokenFor } from '../../test/support/users.js';

export interface SeededCounty {
  id: string;
  communities: string[];
  bureau: string;
  /** Department id → its token. */
  departments: Map<string, string>;
}

/** A new SQLite file in a temp dir, or a new database on the PostgreSQL server of `adminUrl`. */
export async function freshDatabase(backend: 'dev' | 'cluster', adminUrl: string): Promise<{ url: string; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-province-'));
  if (backend === 'dev') return { url: `file:${join(dir, 'app.db')}`, dir };
  const name = `bench_province_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), dir };
}

export async function seedProvince(url: string, counties: number, offices: number, year: string): Promise<SeededCounty[]> {
  await migrate(url);
  const db = createDb(url);
  try {
    await seedSyntheticCounties(db, counties, { communities: offices, from: `${year}-01-01` });
    const rows = await db.community.findMany({ select: { id: true, countyId: true }, orderBy: { id: 'asc' } });
    const seeded: SeededCounty[] = [];
    for (const { id } of await db.county.findMany({ orderBy: { id: 'asc' } })) {
      const departments = new Map<string, string>();
      for (const d of reportingDepartments(id)) departments.set(d.id, await tokenFor(db, { role: 'department', subjectId: d.id, countyId: id }));
      seeded.push({
        id,
        communities: rows.filter((r) => r.countyId === id).map((r) => r.id),
        bureau: await tokenFor(db, { role: 'bureau-staff', countyId: id }),
        departments,
      });
    }
    return seeded;
  } finally {
    await db.$disconnect();
  }
}
