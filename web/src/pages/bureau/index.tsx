import type { ConsolePage } from '../../app/pages';

export const bureauPages: readonly ConsolePage[] = [];
