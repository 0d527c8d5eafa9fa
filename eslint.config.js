// Lint: typescript-eslint's recommended rules, and the layering of the source tree as import
// rules — arrows only point down core → db → pipelines/metrics → server, and web → core (see
// the README of each folder). One file, db/database.ts, may import DuckDB.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const duckdb = { name: '@duckdb/node-api', message: 'Only db/database.ts talks to DuckDB: use its Database and Session.' };
// Relative specifiers are matched as written: `**/web/src/**`, since server/routes/web is a folder of the server.
const top = { web: 'web/src' };
const layer = (...folders) => folders.map((folder) => ({ group: [`**/${top[folder] ?? folder}/**`], message: `This folder may not import from ${folder}/ (imports only point down the layers).` }));
const nodeBuiltins = { group: ['node:*'], message: 'core/ and web/ run in the browser: no Node built-ins.' };

const restrict = (patterns, paths = [duckdb]) => ({ 'no-restricted-imports': ['error', { paths, patterns }] });

export default tseslint.config(
  { ignores: ['node_modules/**', '.cache/**', 'web/dist/**', 'data/**', 'sample-out/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { console: 'readonly', process: 'readonly', URL: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', window: 'readonly', document: 'readonly', fetch: 'readonly', navigator: 'readonly', location: 'readonly', TextDecoder: 'readonly', TextEncoder: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-undef': 'off', // TypeScript checks names.
      ...restrict([]),
    },
  },
  // Reference constants are written with every digit their source gives, beyond what a double holds.
  { files: ['metrics/statistics/**', 'tests/metrics/statistics/**'], rules: { 'no-loss-of-precision': 'off' } },
  // A control-character class is how a path is refused when it holds one.
  { files: ['core/same-site-path.ts'], rules: { 'no-control-regex': 'off' } },
  { files: ['web/src/**/*.{ts,tsx}'], plugins: { 'react-hooks': reactHooks }, rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' } },
  { files: ['core/**'], rules: restrict([...layer('db', 'pipelines', 'metrics', 'server', 'web'), nodeBuiltins]) },
  { files: ['db/**'], rules: restrict(layer('pipelines', 'metrics', 'server', 'web')) },
  { files: ['db/database.ts'], rules: restrict(layer('pipelines', 'metrics', 'server', 'web'), []) },
  { files: ['pipelines/**'], rules: restrict(layer('metrics', 'server', 'web')) },
  { files: ['metrics/**'], rules: restrict(layer('pipelines', 'server', 'web')) },
  { files: ['server/**'], rules: restrict(layer('web')) },
  { files: ['web/src/**'], rules: restrict([...layer('db', 'pipelines', 'metrics', 'server'), nodeBuiltins]) },
);
