// Parameter shapes of the notice routes.
import { z } from 'zod';
import { recipientTypes } from '../../core/vocabulary.js';

export const recipientTypeSchema = z.enum(recipientTypes, { error: `expected one of ${recipientTypes.join(', ')}` });

/** Express gives a `*` parameter as its path segments; ids with slashes (notices, decisions) are joined back. */
export function noticeIdOf(param: unknown): string {
  return Array.isArray(param) ? param.join('/') : String(param ?? '');
}
