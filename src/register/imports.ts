// A register import's life: the upload makes (or finds) its RegisterImport row and answers at
// once; the rows are then checked and written here, in the API process, a batch per transaction,
// rowsDone moving as they go. All-or-nothing checks every row against the register first and
// writes only when none is bad; partial writes the good rows and lists the bad.
//
// An import is not resumed after a crash: the file is not kept (it is personal data), and an import
// takes seconds. One still `running` past `abandonedAfterMs` is marked failed when read, found by a
// re-upload or when the service starts; uploading the file again runs it again, and the rows already
// written are recognised and left as they are.
import { createHash, randomUUID } from 'node:crypto';
import type { Db } from '../db/client.js';
import type { AuditActor } from '../db/audit.js';
import { audited } from '../db/audit.js';
import { giveTheLoopATurn } from '../db/loopTurn.js';
import type { Logger } from '../api/log.js';
import { importBatchWithGroups, type GroupScope } from './importGroups.js';
import { checkRows } from './importRows.js';
import type { PersonalDataCipher } from './personalData.js';
import { readCsvSheet, readXlsxSheet, type SheetError } from './sheet.js';

export const importModes = ['all-or-nothing', 'partial'] as const;
export type ImportMode = (typeof importModes)[number];
export type ImportFormat = 'csv' | 'xlsx';

// A batch is a transaction: short enough that, on SQLite, whose driver is synchronous, the
// process's other requests wait a fraction of a second at most (about 0.3 s for 900 rows).
export const batchRows = 900;
/** Far beyond the time of any import (a county's 100,000 persons take about 30 s). */
export const abandonedAfterMs = 10 * 60_000;
/** Errors kept on the row; past this many, the last one says how many more there were. */
const errorsKept = 1000;

export interface ImportDeps {
  db: Db;
  personalData: PersonalDataCipher;
  log: Logger;
  now(): Date;
  today(): string;
}

export interface ImportUpload {
  countyId: string;
  communityId: string;
  fileName: string;
  format: ImportFormat;
  mode: ImportMode;
  bytes: Buffer;
  actor: AuditActor;
  /** The importer, when an officer: the help groups' community officer (importGroups.ts). */
  officerId?: string;
}

type ImportRecord = NonNullable<Awaited<ReturnType<Db['registerImport']['findUnique']>>>;

export function importView(r: ImportRecord) {
  return {
    id: r.id,
    communityId: r.communityId,
    fileName: r.fileName,
    format: r.format,
    status: r.status,
    mode: r.mode,
    rowsTotal: r.rowsTotal,
    rowsDone: r.rowsDone,
    rowsWritten: r.rowsWritten,
    errors: (r.errors ?? []) as unknown as SheetError[],
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}

const interrupted = 'the import stopped before it finished (the service restarted); upload the file again: rows already written are left as they are';

/** Marks failed the imports (of one, or all) still running long after they began: their process is gone. */
export async function failAbandonedImports(deps: Pick<ImportDeps, 'db' | 'now'>, id?: string): Promise<number> {
  const { count } = await deps.db.registerImport.updateMany({
    where: { ...(id ? { id } : {}), status: 'running', createdAt: { lt: new Date(deps.now().getTime() - abandonedAfterMs) } },
    data: { status: 'failed', finishedAt: deps.now(), errors: [{ line: 0, column: '', message: interrupted }] },
  });
  return count;
}

/** The import of this file: the one already made for the same content and mode, else a new one, started. */
export async function startImport(deps: ImportDeps, upload: ImportUpload): Promise<{ record: ImportRecord; started: boolean }> {
  const contentHash = createHash('sha256').update(upload.bytes).digest('hex');
  const key = { communityId: upload.communityId, contentHash, mode: upload.mode };
  const found = await deps.db.registerImport.findUnique({ where: { communityId_contentHash_mode: key } });
  if (found) {
    await failAbandonedImports(deps, found.id);
    // A failed import runs again on the same row; any other answers as it stands.
    const again = await deps.db.registerImport.updateMany({
      where: { id: found.id, status: 'failed' },
      data: { status: 'running', rowsTotal: 0, rowsDone: 0, rowsWritten: 0, errors: [], finishedAt: null, createdAt: deps.now() },
    });
    const record = (await deps.db.registerImport.findUnique({ where: { id: found.id } }))!;
    if (again.count) void runImport(deps, record, upload);
    return { record, started: again.count > 0 };
  }
  let record: ImportRecord;
  try {
    record = await deps.db.$transaction(async (tx) => {
      const created = await tx.registerImport.create({
        data: {
          id: randomUUID(),
          countyId: upload.countyId,
          ...key,
          fileName: upload.fileName,
          format: upload.format,
          status: 'running',
          errors: [],
          createdBy: upload.actor.id,
          createdAt: deps.now(),
        },
      });
      await audited(tx, upload.actor, { action: 'create', entity: 'RegisterImport', entityId: created.id, after: { ...created, contentHash } });
      return created;
    });
  } catch (e) {
    // The same file uploaded twice at once: the other upload made it.
    if ((e as { code?: string }).code !== 'P2002') throw e;
    return { record: (await deps.db.registerImport.findUnique({ where: { communityId_contentHash_mode: key } }))!, started: false };
  }
  void runImport(deps, record, upload);
  return { record, started: true };
}

async function runImport(deps: ImportDeps, record: ImportRecord, upload: ImportUpload): Promise<void> {
  const { db } = deps;
  const finish = (status: string, errors: SheetError[], extra: { rowsDone?: number } = {}) =>
    db.registerImport.update({ where: { id: record.id }, data: { status, errors: kept(errors), finishedAt: deps.now(), ...extra } });
  try {
    const sheet = upload.format === 'csv' ? readCsvSheet(upload.bytes) : await readXlsxSheet(upload.bytes);
    if ('refused' in sheet) return void (await finish('refused', sheet.refused));
    const checked = checkRows(sheet.rows, sheet.header, deps.today());
    const { errors } = checked;
    const good = checked.good.map((r) => ({ ...r, idNumberHash: deps.personalData.hash(r.idNumber) }));
    await db.registerImport.update({ where: { id: record.id }, data: { rowsTotal: sheet.rows.length } });
    const scope: GroupScope = {
      countyId: upload.countyId,
      communityId: upload.communityId,
      importId: record.id,
      actor: upload.actor,
      personalData: deps.personalData,
      header: sheet.header,
      today: deps.today(),
      officerId: upload.officerId,
    };
    const batches = Array.from({ length: Math.ceil(good.length / batchRows) }, (_, i) => good.slice(i * batchRows, (i + 1) * batchRows));

    if (upload.mode === 'all-or-nothing') {
      // Read-only: the register as it stands refuses no row before anything is written.
      for (const batch of batches) errors.push(...(await importBatchWithGroups(db, scope, batch, false)).errors);
      if (errors.length) return void (await finish('refused', byLine(errors), { rowsDone: sheet.rows.length }));
    }
    let rowsDone = sheet.rows.length - good.length;
    let rowsWritten = 0;
    for (const batch of batches) {
      const outcome = await db.$transaction((tx) => importBatchWithGroups(tx, scope, batch, true), { timeout: 60_000 });
      errors.push(...outcome.errors);
      rowsDone += batch.length;
      rowsWritten += outcome.written;
      await db.registerImport.update({ where: { id: record.id }, data: { rowsDone, rowsWritten } });
      // Between batches, so that a GET of this very progress is answered while the import runs.
      await giveTheLoopATurn();
    }
    await finish('done', byLine(errors));
  } catch (e) {
    deps.log.error({ err: e, importId: record.id }, 'register import failed');
    await finish('failed', [{ line: 0, column: '', message: `the import failed: ${(e as Error).message}` }]).catch(() => undefined);
  }
}

const byLine = (errors: SheetError[]) => [...errors].sort((a, b) => a.line - b.line);

function kept(errors: SheetError[]): { line: number; column: string; message: string }[] {
  if (errors.length <= errorsKept) return errors.map((e) => ({ ...e }));
  return [...errors.slice(0, errorsKept).map((e) => ({ ...e })), { line: 0, column: '', message: `and ${errors.length - errorsKept} more errors` }];
}
