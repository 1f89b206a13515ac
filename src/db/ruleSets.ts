// Rule-set versions, each county its own: a cycle uses its county's version in force at the end of its period.
import { cycleKindDescriptors } from '../core/cadences.js';
import { formatPeriod, periodEnd, type PeriodRef } from '../core/calendar.js';
import { CadenceNotDefinedError, loadDefaultRuleSet, parseRuleSet, periodRules, type RuleSet } from '../rules/ruleSet.js';
import { audited, type AuditActor, type Tx } from './audit.js';
import type { Db } from './client.js';

export interface RuleSetVersionRef {
  id: number;
  ruleSet: RuleSet;
}

/**
 * The shipped default, in force in a county from the start of time until its bureau activates
 * another. Department ids are unique across the province, so a county's own reporting departments
 * are `<county>-zhengong` and so on: where the county has such a department, the default names it
 * as the source of its figures instead of the first county's `zhengong`.
 */
export async function ensureDefaultRuleSet(db: Tx, countyId: string): Promise<void> {
  if ((await db.ruleSetVersion.count({ where: { countyId } })) > 0) return;
  const ruleSet = await ownSources(db, countyId, loadDefaultRuleSet());
  await db.ruleSetVersion.create({
    data: {
      countyId,
      name: ruleSet.name,
      document: ruleSet as object,
      effectiveFrom: '1970-01-01',
      author: 'system',
      reason: 'default rule set shipped with the software',
    },
  });
}

async function ownSources(db: Tx, countyId: string, ruleSet: RuleSet): Promise<RuleSet> {
  const departments = new Set((await db.department.findMany({ where: { countyId }, select: { id: true } })).map((d) => d.id));
  const own = (source: string) => (!departments.has(source) && departments.has(`${countyId}-${source}`) ? `${countyId}-${source}` : source);
  const metrics = Object.fromEntries(Object.entries(ruleSet.scoring.metrics).map(([key, m]) => [key, m && { ...m, source: own(m.source) }]));
  return { ...ruleSet, scoring: { ...ruleSet.scoring, metrics } };
}

export async function ruleSetInForce(db: Tx, countyId: string, date: string): Promise<RuleSetVersionRef> {
  await ensureDefaultRuleSet(db, countyId);
  const row = await db.ruleSetVersion.findFirstOrThrow({
    where: { countyId, effectiveFrom: { lte: date } },
    orderBy: [{ effectiveFrom: 'desc' }, { id: 'desc' }],
  });
  return { id: row.id, ruleSet: parseRuleSet(row.document, `rule set version ${row.id}`) };
}

/** Whether the version in force at the end of a period evaluates it; if not, why, in one sentence. */
export async function cadenceInForce(
  db: Db,
  countyId: string,
  period: PeriodRef,
): Promise<{ version: RuleSetVersionRef; evaluated: boolean; reason?: string }> {
  const version = await ruleSetInForce(db, countyId, periodEnd(period));
  if (periodRules(version.ruleSet, period.cadence)) return { version, evaluated: true };
  const reason = `${new CadenceNotDefinedError(formatPeriod(period), cycleKindDescriptors[period.cadence].ruleStage).message} (rule set version ${version.id}, in force on ${periodEnd(period)})`;
  return { version, evaluated: false, reason };
}

export async function ruleSetVersion(db: Pick<Tx, 'ruleSetVersion'>, id: number): Promise<RuleSetVersionRef> {
  const row = await db.ruleSetVersion.findUniqueOrThrow({ where: { id } });
  return { id: row.id, ruleSet: parseRuleSet(row.document, `rule set version ${row.id}`) };
}

export interface NewRuleSetVersion {
  countyId: string;
  ruleSet: RuleSet;
  effectiveFrom: string;
  reason: string;
  author: string;
}

/** Versions are only ever added: a decision names the version it used, which must never change under it. */
export async function addRuleSetVersion(tx: Tx, v: NewRuleSetVersion, actor: AuditActor | string = v.author) {
  const row = await tx.ruleSetVersion.create({
    data: { countyId: v.countyId, name: v.ruleSet.name, document: v.ruleSet as object, effectiveFrom: v.effectiveFrom, author: v.author, reason: v.reason },
  });
  await audited(tx, actor, { action: 'create', entity: 'RuleSetVersion', entityId: row.id, after: { ...row, document: undefined } });
  return row;
}
