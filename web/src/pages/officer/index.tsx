import type { ConsolePage } from '../../app/pages';

export const officerPages: readonly ConsolePage[] = [];
