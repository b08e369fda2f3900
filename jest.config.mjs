// Jest runs in native ESM mode (node --experimental-vm-modules) because Nest 12 ships
// ESM-only packages that jest's CommonJS loader cannot require().
const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
      keepClassNames: true,
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

// Some CommonJS packages (e.g. @fastify/static, used by Swagger UI) require() ESM-only
// dependencies; jest on Node 20 cannot, so those few files are compiled to CommonJS.
const ESM_ONLY_DEPS = ['content-disposition'];
const swcToCommonJs = ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }];

const moduleNameMapper = {
  '^@hotline/domain$': '<rootDir>/libs/domain/src/index.ts',
  '^@hotline/contracts$': '<rootDir>/libs/contracts/src/index.ts',
  '^@hotline/database$': '<rootDir>/libs/database/src/index.ts',
  '^@hotline/queue$': '<rootDir>/libs/queue/src/index.ts',
  '^@hotline/config$': '<rootDir>/libs/config/src/index.ts',
};

const common = {
  rootDir: '.',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: {
    [`node_modules/(${ESM_ONLY_DEPS.join('|')})/.+\\.js$`]: swcToCommonJs,
    '^.+\\.(t|j)sx?$': swc,
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY_DEPS.join('|')})/)`],
  moduleNameMapper,
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/apps/web/.next/'],
};

export default {
  // Per-project testTimeout is ignored by jest 30; browser and fault tests need the headroom.
  testTimeout: 60000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{libs,apps,prisma-free-migrations}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.mjs',
      globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
    },
    {
      // Benchmarks that need the real worker under jest; only `npm run bench:*` selects them.
      ...common,
      displayName: 'bench',
      testMatch: ['<rootDir>/test/bench/**/*.bench-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.mjs',
      globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
    },
    {
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
      globalSetup: '<rootDir>/test/support/browser-global-setup.mjs',
      globalTeardown: '<rootDir>/test/support/browser-global-teardown.mjs',
    },
  ],
};
