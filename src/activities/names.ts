import type { Db } from '../db/client.js';
import type { NameOf } from '../notices/render.js';

/** Display names of the county's people and places, for notice text; unknown ids show as themselves. */
export async function nameLookup(db: Db): Promise<NameOf> {
  const [communities, officers, leaders, departments] = await Promise.all([
    db.community.findMany({ select: { id: true, name: true } }),
    db.officer.findMany({ select: { id: true, name: true } }),
    db.leader.findMany({ select: { id: true, name: true } }),
    db.department.findMany({ select: { id: true, name: true } }),
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
