import type { ConsolePage } from '../../app/pages';

export const departmentPages: readonly ConsolePage[] = [];
