import type { ConsolePage } from '../../app/pages';

export const rulesPages: readonly ConsolePage[] = [];
