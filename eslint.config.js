// Lint encodes the house (docs/tests.md, "Lint and format"): which floor may import which, promises that
// are awaited, type-only imports written as such, and no import cycles. Prettier formats.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = {
  paths: builtinModules.map((name) => ({ name, message: 'Node built-ins do not belong on this floor.' })),
  patterns: [{ regex: '^node:', message: 'Node built-ins do not belong on this floor.' }],
};
/** Relative imports that leave the folder for one of `folders` (src/<folder>/…). */
const into = (folders, message, extra = {}) => ({ regex: `^(\\.\\./)+(${folders.join('|')})(/|\\.js$)`, message, ...extra });
const prisma = { regex: '^@prisma/', message: 'Prisma is reached through db/.' };
const rulesEngine = { regex: '^json-rules-engine$', message: 'The rules engine runs in rules/ and activities.' };

export default tseslint.config(
  {
    ignores: ['src/generated/**', 'prisma/*/migrations/**', 'node_modules/**', '.temporal/**', 'data/**', '.test-data/**', 'coverage/**', 'scratch/**'],
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
      'import-x/extensions': ['.ts', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.mjs', '.json'], extensionAlias: { '.js': ['.ts', '.js'] } })],
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
    // Tests and benchmarks poke at untyped JSON responses and rule documents on purpose.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Workflow code is replayed in a sandbox: deterministic, no I/O, activities by type only.
    files: ['src/workflows/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          ...nodeBuiltins,
          patterns: [
            ...nodeBuiltins.patterns,
            into(['activities'], 'Workflows use activities through proxyActivities: import their types only.', { allowTypeImports: true }),
            into(['db', 'generated', 'notices', 'rules'], 'Workflows reach the database, notices and rules only through activities.'),
            prisma,
            rulesEngine,
          ],
        },
      ],
    },
  },
  {
    files: ['src/api/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^@temporalio/', message: 'The API reaches Temporal only through the cycle port (cycles/port.ts).' },
            into(['workflows'], 'The API reaches workflows only through the cycle port (cycles/port.ts).'),
          ],
        },
      ],
    },
  },
  {
    files: ['src/activities/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [into(['workflows'], 'Activities import no workflow module: shared ids and shapes live in the contracts.')],
        },
      ],
    },
  },
  {
    // The floor below everything: pure, synchronous, with its own config interfaces.
    files: ['src/core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          ...nodeBuiltins,
          patterns: [
            ...nodeBuiltins.patterns,
            into(['rules', 'db', 'generated', 'api', 'activities', 'workflows', 'notices', 'cycles', 'temporal'], 'Core is pure: it imports only core.'),
            prisma,
            rulesEngine,
          ],
        },
      ],
    },
  },
);
