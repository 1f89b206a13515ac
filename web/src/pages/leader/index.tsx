import type { ConsolePage } from '../../app/pages';

export const leaderPages: readonly ConsolePage[] = [];
