// Bulk import and export of a community's register (src/register/imports.ts, export.ts): the
// upload answers 202 with the import at once and the rows are written behind it; the export is the
// same sheet, ID numbers masked unless revealed, audited and watermarked with who exported when.
import type { Request, Response } from 'express';
import multer from 'multer';
import { z } from 'zod';
import { audited } from '../../db/audit.js';
import { reachCommunity, registerReachOf } from '../../register/access.js';
import { registerCsv, registerRows, registerXlsx } from '../../register/export.js';
import { failAbandonedImports, importModes, importView, startImport, type ImportFormat } from '../../register/imports.js';
import type { Operations } from '../access/operations.js';
import { actorOf, principalOf } from '../access/principal.js';
import type { Ctx } from '../context.js';
import { Problem } from '../problem.js';
import { idSchema } from '../schemas.js';
import { parseParam, parseQuery } from '../validate.js';
import { reconciliationMediaTypes as fileTypes } from './reconciliation.js';

/** A county's register is some 100,000 rows; an XLSX of that is some 10 MB. */
const uploadLimit = 50 * 1024 * 1024;

const importIdSchema = z.uuid();
const communityParams = z.strictObject({ communityId: idSchema });
const importQuery = z.strictObject({ mode: z.enum(importModes).default('all-or-nothing') });
const exportQuery = z.strictObject({ format: z.enum(['csv', 'xlsx']).default('csv'), reveal: z.literal('idNumber').optional() });

const importSchema = z.looseObject({
  id: z.string(),
  communityId: z.string(),
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  status: z.enum(['running', 'done', 'refused', 'failed']),
  mode: z.enum(importModes),
  rowsTotal: z.number().int(),
  rowsDone: z.number().int(),
  rowsWritten: z.number().int(),
  errors: z.array(z.looseObject({ line: z.number().int(), column: z.string(), message: z.string() })),
  createdBy: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});

/** The file's format by its content: an XLSX is a zip; anything else is read as CSV text. */
function formatOf(bytes: Buffer, fileName: string): ImportFormat {
  if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'xlsx';
  if (/\.xlsx?$/i.test(fileName) || bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    throw Problem.field(415, { pointer: '/file', message: `${fileName} is not an XLSX workbook; save it as .xlsx or .csv` });
  }
  return 'csv';
}

export function registerImportsOperations(ctx: Ctx): Operations<'importRegister' | 'getRegisterImport' | 'exportRegister'> {
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: uploadLimit, files: 1 } }).single('file');
  const readUpload = (req: Request, res: Response) =>
    new Promise<void>((resolve, reject) => upload(req, res, (err?: unknown) => (err ? reject(err as Error) : resolve())));

  return {
    importRegister: {
      params: communityParams,
      query: importQuery,
      upload: { 'multipart/form-data': { description: 'the sheet (.csv UTF-8 or .xlsx) in field "file", a header row then one person per row' } },
      responses: { 202: importSchema },
      handler: async (req, res) => {
        const communityId = parseParam(idSchema, req.params.communityId, 'community');
        const { mode } = parseQuery(importQuery, req.query);
        if (!req.is('multipart/form-data')) throw new Problem(415, 'send the sheet as multipart/form-data, field "file"');
        await readUpload(req, res);
        const community = await reachCommunity(ctx, res, communityId, true);
        if (!req.file) throw Problem.field(400, { pointer: '/file', message: 'expected the sheet in multipart field "file"' });
        const fileName = Buffer.from(req.file.originalname, 'latin1').toString('utf8');
        const { record } = await startImport(ctx, {
          countyId: community.countyId,
          communityId,
          fileName,
          format: formatOf(req.file.buffer, fileName),
          mode,
          bytes: req.file.buffer,
          actor: actorOf(res),
          officerId: principalOf(res).role === 'officer' ? (principalOf(res).subjectId ?? undefined) : undefined,
        });
        res.status(202).location(`/api/register/imports/${record.id}`).json(importView(record));
      },
    },

    getRegisterImport: {
      params: z.strictObject({ id: importIdSchema }),
      responses: { 200: importSchema },
      handler: async (req, res) => {
        const id = parseParam(importIdSchema, req.params.id, 'import');
        const reach = await registerReachOf(ctx, res);
        await failAbandonedImports(ctx, id);
        const found = await ctx.db.registerImport.findFirst({ where: { id, countyId: reach.countyId } });
        if (!found || (reach.communities !== 'all' && !reach.communities.includes(found.communityId))) throw Problem.notFound('import', id);
        res.json(importView(found));
      },
    },

    exportRegister: {
      params: communityParams,
      query: exportQuery,
      responses: {
        200: [
          { mediaType: fileTypes.csv, description: 'format=csv: the sheet as CSV (UTF-8), a first comment line naming who exported it when' },
          {
            mediaType: fileTypes.xlsx,
            description: 'format=xlsx: the sheet as an XLSX workbook, its header, footer and properties naming who exported it when',
          },
        ],
      },
      handler: async (req, res) => {
        const communityId = parseParam(idSchema, req.params.communityId, 'community');
        const { format, reveal } = parseQuery(exportQuery, req.query);
        await reachCommunity(ctx, res, communityId);
        const rows = await registerRows(ctx.db, ctx.personalData, communityId, reveal === 'idNumber');
        const p = principalOf(res);
        const user = await ctx.db.user.findUnique({ where: { id: p.userId }, select: { displayName: true } });
        const watermark = { by: user && user.displayName !== p.userId ? `${user.displayName} (${p.userId})` : p.userId, at: ctx.now() };
        await audited(ctx.db, actorOf(res), {
          action: 'export',
          entity: 'Register',
          entityId: communityId,
          after: { format, rows: rows.length, revealed: reveal === 'idNumber', watermark: { by: watermark.by, at: watermark.at.toISOString() } },
        });
        const file = `register-${communityId}-${ctx.today()}`;
        if (format === 'csv') res.type(`${fileTypes.csv}; charset=utf-8`).attachment(`${file}.csv`).send(registerCsv(rows, watermark));
        else
          res
            .type(fileTypes.xlsx)
            .attachment(`${file}.xlsx`)
            .send(await registerXlsx(rows, watermark));
      },
    },
  };
}
