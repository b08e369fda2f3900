// Strict from the first commit: promises are awaited, switches are exhaustive, equality is strict.
import tseslint from 'typescript-eslint';

// Layering: apps sit above libs and nothing points back up. Each rule below is one
// `no-restricted-imports` restriction; a file group gets the union of those that apply (in flat
// config a later block would replace, not extend, an earlier block's options for the same rule).
const RESTRICTIONS = {
  apps: {
    regex: '(^|/)apps/',
    message: 'libs sit below the apps: move what you need into a lib instead.',
  },
  migrations: {
    regex: '(^|/)prisma-free-migrations(/|$)',
    message: 'libs never import the migrations: the caller passes MIGRATIONS to dataSourceOptions/createDataSource.',
  },
  api: {
    regex: '(^|/)(apps/)?api/src(/|$)',
    message: 'The worker imports only libs/*: move what it shares with the API into a lib.',
  },
  libs: {
    regex: '^@hotline/|(^|/)(libs|apps)/',
    message:
      'A migration is history: it must not read live code or data. Give it a frozen copy (prisma-free-migrations/frozen/).',
  },
  bullmq: {
    regex: '^(bullmq|@nestjs/bullmq)(/|$)',
    message: 'libs/queue is the only place that talks to BullMQ: use its queue and worker factories.',
  },
};
const restrict = (...names) => [
  'error',
  { patterns: names.map((n) => ({ regex: RESTRICTIONS[n].regex, message: RESTRICTIONS[n].message })) },
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'apps/web/.next/**',
      'apps/web/next-env.d.ts',
      'test-results/**',
      'coverage/**',
      '.data/**',
      '**/*.mjs',
      '**/*.js',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      eqeqeq: ['error', 'always'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
    },
  },
  // Later blocks win for the files they match, so the exceptions (libs/queue, tests) come last.
  {
    files: ['libs/**/*.ts'],
    rules: { 'no-restricted-imports': restrict('apps', 'migrations', 'bullmq') },
  },
  {
    files: ['apps/worker/**/*.ts'],
    rules: { 'no-restricted-imports': restrict('api', 'bullmq') },
  },
  {
    files: ['apps/api/**/*.ts', 'apps/web/**/*.ts', 'apps/web/**/*.tsx'],
    rules: { 'no-restricted-imports': restrict('bullmq') },
  },
  {
    files: ['prisma-free-migrations/**/*.ts'],
    rules: { 'no-restricted-imports': restrict('libs', 'bullmq') },
  },
  {
    // BullMQ itself, and tests (which may drive a queue directly), keep the layering rules only.
    files: ['libs/queue/**/*.ts', 'libs/**/*.spec.ts'],
    rules: { 'no-restricted-imports': restrict('apps', 'migrations') },
  },
  {
    files: ['apps/worker/**/*.spec.ts'],
    rules: { 'no-restricted-imports': restrict('api') },
  },
  {
    files: ['apps/api/**/*.spec.ts', 'apps/web/**/*.spec.ts', 'apps/web/**/*.spec.tsx'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The frozen-data tests compare a frozen copy with the live defaults it came from.
    files: ['prisma-free-migrations/**/*.spec.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
