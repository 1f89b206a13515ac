import type { Db } from '../db/client.js';
import type { NameOf } from '../notices/render.js';

/** Display names of one county's people and places, for notice text; unknown ids show as themselves. */
export async function nameLookup(db: Db, countyId: string): Promise<NameOf> {
  const where = { countyId };
  const select = { id: true, name: true };
  const [communities, officers, leaders, departments] = await Promise.all([
    db.community.findMany({ where, select }),
    db.officer.findMany({ where, select }),
    db.leader.findMany({ where, select }),
    db.department.findMany({ where, select }),
  ]);
  const names = new Map<string, string>();
  for (const [type, rows] of [
    ['community', communities],
    ['officer', officers],
    ['leader', leaders],
    ['department', departments],
  ] as const) {
    for (const r of rows) names.set(`${type}/${r.id}`, r.name);
  }
  return (type, id) => names.get(`${type}/${id}`) ?? id;
}
