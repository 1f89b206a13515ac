// Every page of the console: where it lives, its menu label, and who sees it. The menu and the
// router are both made from this list, so a role never sees a page it may not open. Each area
// (bureau, rules, leader, officer, department, finance, inbox) lists its pages in its own file.
import type { ReactNode } from 'react';
import type { Role } from './session';

export interface ConsolePage {
  /** The address under /, e.g. 'ranking' or 'officer/money'. */
  path: string;
  zh: string;
  en: string;
  icon: ReactNode;
  /** The roles whose menu shows the page. */
  roles: readonly Role[];
  /** Only with one of these operations (from GET /api/session permissions); all when absent. */
  needs?: readonly string[];
  /** Pages with the same group share a submenu. */
  group?: { key: string; zh: string; en: string };
  /** Addresses like 'ranking/:office' that the page also answers, outside the menu. */
  children?: readonly string[];
  element: ReactNode;
}

export const bureauRoles: readonly Role[] = ['bureau-staff', 'bureau-head', 'province-reader'];
