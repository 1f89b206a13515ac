import type { ConsolePage } from '../../app/pages';

export const financePages: readonly ConsolePage[] = [];
