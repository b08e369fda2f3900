// The signing key for `npm start` when JWT_SECRET is not set: random, made once per checkout,
// kept in the git-ignored .local/jwt-secret (mode 600) and reused, so sessions survive a
// restart and no two machines share a key. Never a value written in the source.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function ensureJwtSecret(root, env = process.env, log = console.log) {
  if (env.JWT_SECRET) return env.JWT_SECRET;
  const file = path.join(root, '.local/jwt-secret');
  let secret = existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
  if (secret.length < 32) {
    secret = randomBytes(48).toString('base64url');
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, `${secret}\n`, { mode: 0o600 });
    chmodSync(file, 0o600);
    log(`generated a random JWT_SECRET for this machine in ${path.relative(root, file)}`);
  }
  env.JWT_SECRET = secret;
  return secret;
}
