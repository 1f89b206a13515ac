// Parameter shapes of the notice routes.
import { z } from 'zod';
import { recipientTypes } from '../../core/vocabulary.js';

export const recipientTypeSchema = z.enum(recipientTypes, { error: `expected one of ${recipientTypes.join(', ')}` });

/** A notice id in the path, its slashes raw or encoded as %2F. */
export const noticeIdParams = z.object({ id: z.string().min(1).max(200) });

/** Express gives a `*` parameter as its path segments; ids with slashes (notices, decisions) are joined back. */
export function noticeIdOf(param: unknown): string {
  return Array.isArray(param) ? param.join('/') : String(param ?? '');
}
