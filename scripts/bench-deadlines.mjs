// npm run bench:deadlines — schedules 100,000 deadlines, measures Redis per deadline and the
// firing lateness of 1,000 deadlines due in one minute, against a bare-BullMQ baseline.
// Runs the real worker code in-process through jest (the TypeScript is not compiled here),
// on a fresh hotline_test_* database and a redis-server of its own; both are removed after.
import { spawnSync } from 'node:child_process';
import os from 'node:os';

const out = process.env.BENCH_OUT ?? '/tmp/bench-deadlines.json';
const res = spawnSync(
  process.execPath,
  [
    '--experimental-vm-modules',
    'node_modules/jest/bin/jest.js',
    '--forceExit',
    '--selectProjects',
    'bench',
    '--runInBand',
  ],
  { stdio: 'inherit', env: { ...process.env, BENCH_OUT: out, LOG_LEVEL: 'silent' } },
);
console.log(
  `machine: ${os.cpus().length} x ${os.cpus()[0]?.model ?? '?'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB; results in ${out}`,
);
process.exit(res.status ?? 1);
