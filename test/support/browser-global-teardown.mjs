import { stopAll } from '../../scripts/lib/system.mjs';
import globalTeardown from './global-teardown.mjs';

export default async function browserGlobalTeardown() {
  const procs = globalThis.__HOTLINE_PROCS__;
  if (procs) await stopAll(Object.values(procs));
  await globalTeardown();
}
