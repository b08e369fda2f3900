// Browser tests run against the real thing: the built API, worker and web app, on a database
// and Redis prefix of this run's own, on free ports. Chromium is Debian's (/usr/bin/chromium).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import globalSetup from './global-setup.mjs';
import {
  buildAll,
  compiledLibs,
  freePort,
  prepareDatabase,
  ROOT,
  startSystem,
  waitForHttp,
} from '../../scripts/lib/system.mjs';

export const STATE_FILE = path.join(ROOT, 'test-results/browser-system.json');

export default async function browserGlobalSetup() {
  await globalSetup();
  if (process.env.SKIP_BUILD !== '1') buildAll((m) => console.log(`[browser-setup] ${m}`));
  const libs = compiledLibs();
  await prepareDatabase(process.env.DATABASE_URL, libs, () => undefined);
  const apiPort = await freePort();
  const webPort = await freePort();
  const webOrigin = `http://127.0.0.1:${webPort}`;
  const env = { ...process.env, WEB_ORIGIN: webOrigin, WEB_HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
  const procs = startSystem({ env, apiPort, webPort, quiet: true });
  globalThis.__HOTLINE_PROCS__ = procs;
  try {
    await waitForHttp(`http://127.0.0.1:${apiPort}/api/ready`, 60_000);
    await waitForHttp(`${webOrigin}/login`, 60_000);
  } catch (e) {
    for (const [name, p] of Object.entries(procs)) console.error(`[${name}]\n${(p.lastLines ?? []).join('\n')}`);
    throw e;
  }
  process.env.WEB_URL = webOrigin;
  process.env.API_URL = `http://127.0.0.1:${apiPort}`;
  writeFileSync(STATE_FILE, JSON.stringify({ webOrigin, apiPort, pids: Object.values(procs).map((p) => p.pid) }));
}
