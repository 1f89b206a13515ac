// Lint encodes the house (docs/tests.md, "Lint and format"): which floor may import which, promises that
// are awaited, type-only imports written as such, and no import cycles. Prettier formats.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const nodeBuiltins = {
  paths: builtinModules.map((name) => ({ name, message: 'Node built-ins do not belong on this floor.' })),
  patterns: [{ regex: '^node:', message: 'Node built-ins do not belong on this floor.' }],
};
/** Relative imports that leave the folder for one of `folders` (src/<folder>/…). */
const into = (folders, message, extra = {}) => ({ regex: `^(\\.\\./)+(${folders.join('|')})(/|\\.js$)`, message, ...extra });
const prisma = { regex: '^@prisma/', message: 'Prisma is reached through db/.' };
const rulesEngine = { regex: '^json-rules-engine$', message: 'The rules engine runs in rules/ and activities.' };

const everyFloor = [
  'contracts',
  'core',
  'rules',
  'deciding',
  'db',
  'generated',
  'notices',
  'activities',
  'workflows',
  'cycles',
  'temporal',
  'api',
  'accounts',
  'counties',
  'simulate',
  'config',
];
const except = (...allowed) => everyFloor.filter((f) => !allowed.includes(f)).map((f) => [f]);

/**
 * Which floor may import which (README "Where to change what"): arrows only point down, from the
 * entries through api/temporal, cycles, workflows, activities, notices, db, deciding, rules to core,
 * and contracts import nothing. The operator's commands (counties/, like simulate/) sit at the
 * top; accounts/ sits under api/ and on db/. `pure` floors also take no Node built-in, Prisma or rules engine.
 */
const floors = {
  contracts: { mayNotImport: except('contracts'), why: 'Contracts cross process boundaries and import nothing.', pure: true },
  core: { mayNotImport: except('core', 'contracts'), why: 'Core is pure: it imports only core (and contract types).', pure: true },
  rules: { mayNotImport: except('rules', 'core', 'contracts'), why: 'Rules sit on the core and know nothing above it.' },
  deciding: { mayNotImport: except('deciding', 'rules', 'core', 'contracts'), why: 'Deciding runs rules over core standings, without I/O.', pure: true },
  db: {
    mayNotImport: [['api'], ['accounts'], ['activities'], ['workflows'], ['notices'], ['cycles'], ['temporal'], ['counties'], ['simulate']],
    why: 'db/ is the repository floor: nothing above it.',
  },
  notices: {
    mayNotImport: [['api'], ['accounts'], ['activities'], ['workflows'], ['cycles'], ['temporal'], ['counties'], ['simulate']],
    why: 'Notices are written by activities and the API, never the reverse.',
  },
  activities: {
    mayNotImport: [['workflows'], ['api'], ['accounts'], ['cycles'], ['temporal'], ['counties'], ['simulate']],
    why: 'Activities import no workflow module: shared ids and shapes live in the contracts.',
  },
  workflows: {
    mayNotImport: [
      ['db'],
      ['generated'],
      ['notices'],
      ['rules'],
      ['deciding'],
      ['api'],
      ['accounts'],
      ['cycles'],
      ['temporal'],
      ['counties'],
      ['simulate'],
      ['config'],
    ],
    why: 'Workflows reach the database, notices and rules only through activities.',
    pure: true,
    extra: [into(['activities'], 'Workflows use activities through proxyActivities: import their types only.', { allowTypeImports: true })],
  },
  api: {
    mayNotImport: [['workflows'], ['activities'], ['temporal']],
    why: 'The API reaches Temporal and workflows only through the cycle port (cycles/port.ts).',
    extra: [
      { regex: '^@temporalio/', message: 'The API reaches Temporal only through the cycle port (cycles/port.ts).' },
      into(['counties', 'simulate'], 'The API imports no operator command (counties/, simulate/).'),
    ],
  },
  accounts: {
    mayNotImport: [['api'], ['activities'], ['workflows'], ['notices'], ['cycles'], ['temporal'], ['counties'], ['simulate']],
    why: 'Accounts (passwords, invitations, sessions) sit on db/ under the API: nothing above them.',
  },
  counties: {
    mayNotImport: [['api'], ['accounts'], ['activities'], ['workflows'], ['notices'], ['cycles'], ['temporal'], ['simulate']],
    why: 'The counties command works on the database through db/: Schedules follow at the next start.',
  },
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'web/src/api/schema.d.ts',
      'src/generated/**',
      'prisma/*/migrations/**',
      'node_modules/**',
      '.temporal/**',
      'data/**',
      '.test-data/**',
      'coverage/**',
      'scratch/**',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'], extensionAlias: { '.js': ['.ts', '.js'] } })],
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    // Config files and scripts outside tsconfig.json: no type information for them.
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // The console runs in the browser: its globals, React's rules of hooks, and nothing of Node
    // but its build configuration.
    files: ['web/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': ['error', { ...nodeBuiltins, patterns: [...nodeBuiltins.patterns, prisma, rulesEngine] }],
    },
  },
  {
    files: ['web/vite.config.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
  {
    // Tests and benchmarks poke at untyped JSON responses and rule documents on purpose.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  ...Object.entries(floors).map(([folder, { mayNotImport, why, pure = false, extra = [] }]) => ({
    files: [`src/${folder}/**/*.ts`],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          ...(pure ? nodeBuiltins : {}),
          patterns: [...(pure ? [...nodeBuiltins.patterns, prisma, rulesEngine] : []), ...extra, ...mayNotImport.map((f) => into(f, why))],
        },
      ],
    },
  })),
);
