// `npm test`: every gate and every test tier, in order, with one closing count.
//   quality gates: tsc --noEmit (apps, libs, web), ESLint, Prettier
//   unit (libs/domain and friends), API end-to-end (real PostgreSQL + Redis), browser (Chromium)
// Pass tier names to run only those: `npm test -- unit e2e`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib/system.mjs';

const JEST = ['--experimental-vm-modules', path.join(ROOT, 'node_modules/jest/bin/jest.js')];
const RESULTS = path.join(ROOT, 'test-results');
const bin = (p) => path.join(ROOT, 'node_modules/.bin', p);

const steps = [
  { name: 'typecheck', cmd: bin('tsc'), args: ['--noEmit', '-p', 'tsconfig.json'] },
  { name: 'typecheck-web', cmd: bin('tsc'), args: ['--noEmit', '-p', 'apps/web/tsconfig.json'] },
  { name: 'lint', cmd: bin('eslint'), args: ['.', '--max-warnings=0'] },
  { name: 'format', cmd: bin('prettier'), args: ['--check', '.', '--log-level=warn'] },
  { name: 'unit', jest: ['--selectProjects', 'unit'] },
  // --forceExit: a suite that leaves a socket open must not hang CI after every test passed;
  // `--detectOpenHandles` on the same command finds such leaks when debugging.
  { name: 'e2e', jest: ['--selectProjects', 'e2e', '--runInBand', '--forceExit'] },
  { name: 'browser', jest: ['--selectProjects', 'browser', '--runInBand', '--forceExit'], before: ensureChromium },
];

// Debian's Chromium, plus a CJK font so screenshots show Chinese rather than empty boxes.
function ensureChromium() {
  const fontInstalled = existsSync('/usr/share/fonts/truetype/wqy/wqy-microhei.ttc');
  if (existsSync('/usr/bin/chromium') && fontInstalled) return;
  console.log('[test] installing Debian chromium and a CJK font for the browser tests…');
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'chromium', 'fonts-wqy-microhei']]) {
    const r = spawnSync('apt-get', args, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed`);
  }
}

const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const selected = only.length ? steps.filter((s) => only.includes(s.name)) : steps;
rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });

let passed = 0;
let failed = 0;
const failedSteps = [];
for (const step of selected) {
  const started = Date.now();
  console.log(`\n[test] ── ${step.name} ──`);
  let status;
  try {
    step.before?.();
    const out = path.join(RESULTS, `${step.name}.json`);
    const [cmd, args] = step.jest
      ? [process.execPath, [...JEST, ...step.jest, '--json', `--outputFile=${out}`]]
      : [step.cmd, step.args];
    status = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: process.env }).status;
    if (step.jest && existsSync(out)) {
      const r = JSON.parse(readFileSync(out, 'utf8'));
      passed += r.numPassedTests;
      failed += r.numFailedTests;
      // A suite that crashed before running tests counts as a failure too.
      failed += r.numRuntimeErrorTestSuites;
    }
  } catch (e) {
    console.error(`[test] ${e.message}`);
    status = 1;
  }
  console.log(
    `[test] ${step.name}: ${status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  if (status !== 0) failedSteps.push(step.name);
}

console.log(`\n[test] steps failed: ${failedSteps.length ? failedSteps.join(', ') : 'none'}`);
console.log(`Tests: ${passed} passed, ${failed} failed`);
process.exit(failedSteps.length ? 1 : 0);
