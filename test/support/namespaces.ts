/** Dev-server namespaces, one per test file that uses the shared dev server, so workflow ids never collide. */
export const devNamespaces = {
  e2eSqlite: 'e2e-sqlite',
  e2ePostgres: 'e2e-postgres',
  e2eAppeal: 'e2e-appeal',
  schedules: 'schedules',
  yearEndSchedule: 'year-end-schedule',
  presenceSchedule: 'presence-schedule',
  readme: 'readme',
  cycleSummaries: 'cycle-summaries',
  consoleSignIn: 'console-sign-in',
  consoleBureau: 'console-bureau',
  consoleRules: 'console-rules',
  consoleLeader: 'console-leader',
  consoleOfficer: 'console-officer',
  consoleDepartment: 'console-department',
  consoleFinance: 'console-finance',
  consoleBench: 'console-bench',
} as const;
