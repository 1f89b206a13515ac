// Police stations (派出所): the administrative home of officers, each of one county. Bureau staff
// keep them; every role of the county reads them. A station's own officers are those whose
// stationId names it (GET /api/officers as the station).
import { z } from 'zod';
import type { Operations } from '../access/operations.js';
import type { Ctx } from '../context.js';
import { crudOperations, patchOf } from '../crud.js';
import { idSchema, nameSchema } from '../schemas.js';
import { stationRow } from './registry.schemas.js';

const stationFields = { name: nameSchema };

export function stationsOperations(ctx: Ctx): Operations<'listStations' | 'createStation' | 'getStation' | 'updateStation'> {
  const ops = crudOperations(ctx, {
    entity: 'Station',
    path: '/stations',
    model: (tx) => tx.station,
    create: z.strictObject({ id: idSchema, ...stationFields }),
    patch: patchOf(stationFields),
    row: stationRow,
  });
  return { listStations: ops.list, createStation: ops.create, getStation: ops.get, updateStation: ops.update };
}
