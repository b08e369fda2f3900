import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium, signIn, webUrl } from '../support/browser';

// The web app's own server (apps/web/server.mjs + the /api proxy route) as users reach it:
// the system the browser project started, plus one more web server in front of an echo
// "API" that shows exactly which headers and bytes the proxy forwards.

const BODY_LIMIT = Number(process.env['BODY_LIMIT_BYTES'] ?? 262144);

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/** A plain HTTP request, optionally from a given local address, with a body written as given. */
function send(
  url: string,
  opts: {
    method?: string;
    headers?: Record<string, string | number>;
    localAddress?: string;
    write?: (req: http.ClientRequest) => void;
  } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method: opts.method ?? 'GET',
      headers: opts.headers,
      localAddress: opts.localAddress,
    });
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      res.on('error', reject);
    });
    // The server closes the connection after refusing a body that is still being written: the
    // client may then see EPIPE / ECONNRESET before (or instead of) the 413 it was sent. That
    // counts as "cut off" (status 0) unless the answer arrives within a second.
    req.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE' || e.code === 'ECONNRESET') {
        setTimeout(() => resolve({ status: 0, headers: {}, text: '' }), 1000);
      } else if (!req.destroyed) reject(e);
    });
    if (opts.write) opts.write(req);
    else req.end();
  });
}

/** Writes `bytes` zero bytes in 16 KB chunks (chunked encoding, no Content-Length). */
function writeChunked(bytes: number) {
  return (req: http.ClientRequest) => {
    const chunk = Buffer.alloc(16 * 1024, 0x20);
    let left = bytes;
    const pump = () => {
      while (left > 0) {
        const n = Math.min(left, chunk.length);
        left -= n;
        if (!req.write(chunk.subarray(0, n))) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  };
}

async function waitUp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await send(url).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} not up after ${timeoutMs} ms`);
}

/** A body over the limit that is being streamed ends in a 413, or (TCP timing) in a cut connection. */
const CUT_OFF = [413, 0];

describe('web proxy and security headers (real web server)', () => {
  let browser: Browser;
  let echo: http.Server;
  let echoSeen: { headers: http.IncomingHttpHeaders; bytes: number }[] = [];
  let web: ChildProcess;
  let echoWebUrl: string;

  beforeAll(async () => {
    echo = http.createServer((req, res) => {
      let bytes = 0;
      req.on('data', (c: Buffer) => (bytes += c.length));
      req.on('end', () => {
        echoSeen.push({ headers: req.headers, bytes });
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ bytes }));
      });
    });
    await new Promise<void>((r) => echo.listen(0, '127.0.0.1', r));
    const probe = http.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const webPort = (probe.address() as AddressInfo).port;
    await new Promise((r) => probe.close(r));
    web = spawn(process.execPath, [path.resolve('apps/web/server.mjs')], {
      env: {
        ...process.env,
        WEB_PORT: String(webPort),
        WEB_HOST: '0.0.0.0',
        API_URL: `http://127.0.0.1:${(echo.address() as AddressInfo).port}`,
      },
      stdio: 'ignore',
    });
    echoWebUrl = `http://127.0.0.1:${webPort}`;
    await waitUp(`${echoWebUrl}/login`, 30_000);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    web?.kill('SIGTERM');
    await new Promise((r) => echo.close(r));
  });

  it("sets X-Forwarded-For from the socket and drops the client's own forwarding headers", async () => {
    echoSeen = [];
    const spoof = { 'X-Forwarded-For': '6.6.6.6', Forwarded: 'for=6.6.6.6', 'X-Real-IP': '6.6.6.6' };
    await send(`${echoWebUrl}/api/who`, { headers: spoof });
    await send(`${echoWebUrl}/api/who`, { headers: spoof, localAddress: '127.0.0.2' });
    await send(`${echoWebUrl}/api/who`);
    expect(echoSeen.map((s) => s.headers['x-forwarded-for'])).toEqual(['127.0.0.1', '127.0.0.2', '127.0.0.1']);
    for (const s of echoSeen) {
      expect(s.headers['forwarded']).toBeUndefined();
      expect(s.headers['x-real-ip']).toBeUndefined();
    }
  });

  it("records the browser's own address on sign-in through the real web app, never a spoofed one", async () => {
    // The web server overwrites X-Forwarded-For with the socket address and the API trusts
    // exactly one hop (TRUST_PROXY=1), so the audit row shows who really connected.
    const api = process.env['API_URL']!;
    const since = new Date().toISOString();
    const signInFrom = (localAddress: string, extra: Record<string, string> = {}) =>
      send(webUrl('/api/auth/login'), {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: new URL(webUrl('/')).origin, ...extra },
        localAddress,
        write: (req) => req.end(JSON.stringify({ username: 'h.rsj', password: 'Hotline#2026' })),
      });
    const spoofed = await signInFrom('127.0.0.1', { 'X-Forwarded-For': '203.0.113.7' });
    expect(spoofed.status).toBe(200);
    const other = await signInFrom('127.0.0.2');
    expect(other.status).toBe(200);
    const userId = (JSON.parse(spoofed.text) as { user: { id: string } }).user.id;

    const admin = await fetch(`${api}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'Hotline#2026' }),
    });
    const { accessToken } = (await admin.json()) as { accessToken: string };
    const audit = await fetch(
      `${api}/api/admin/audit?action=auth.login&targetId=${userId}&from=${encodeURIComponent(since)}`,
      { headers: { authorization: `Bearer ${accessToken}` } },
    );
    expect(audit.status).toBe(200);
    const rows = ((await audit.json()) as { items: { ip: string | null }[] }).items;
    // Rows come newest first.
    expect(rows.map((r) => r.ip)).toEqual(['127.0.0.2', '127.0.0.1']);
  });

  it('keeps two clients apart when they send requests at the same time', async () => {
    echoSeen = [];
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        send(`${echoWebUrl}/api/who?i=${i}`, {
          headers: { 'X-Forwarded-For': i % 2 ? '127.0.0.1' : '127.0.0.2' },
          localAddress: i % 2 ? '127.0.0.2' : '127.0.0.1',
        }),
      ),
    );
    const byAddress = echoSeen.map((s) => s.headers['x-forwarded-for']).sort();
    expect(byAddress).toEqual([...Array(5).fill('127.0.0.1'), ...Array(5).fill('127.0.0.2')]);
  });

  it('streams bodies to the API and answers 413 past BODY_LIMIT_BYTES, declared or not', async () => {
    echoSeen = [];
    const within = await send(`${echoWebUrl}/api/upload`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      write: writeChunked(BODY_LIMIT - 1000),
    });
    expect(within.status).toBe(200);
    expect(JSON.parse(within.text)).toEqual({ bytes: BODY_LIMIT - 1000 });

    // Against the real system: a declared size over the limit is refused before any byte is read …
    const declared = await send(webUrl('/api/auth/login'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': 256 * 1024 * 1024, expect: '100-continue' },
      write: (req) => req.flushHeaders(),
    });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.text)).toMatchObject({ statusCode: 413 });
    // … and a chunked body is cut off once it passes the limit.
    const chunked = await send(webUrl('/api/auth/login'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      write: writeChunked(BODY_LIMIT + 64 * 1024),
    });
    expect(CUT_OFF).toContain(chunked.status);
    const before = echoSeen.length;
    const cut = await send(`${echoWebUrl}/api/upload`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      write: writeChunked(4 * 1024 * 1024),
    });
    expect(CUT_OFF).toContain(cut.status);
    expect(echoSeen.slice(before).every((s) => s.bytes <= BODY_LIMIT)).toBe(true);
  });

  it('answers TRACE and other unsupported methods with 405, never 500', async () => {
    for (const [method, p] of [
      ['TRACE', '/api/auth/me'],
      ['TRACE', '/login'],
      ['PROPFIND', '/api/cases'],
    ] as const) {
      const res = await send(webUrl(p), { method });
      expect([method, p, res.status]).toEqual([method, p, 405]);
      expect(res.headers['allow']).toContain('GET');
    }
  });

  it('sends CSP with a fresh nonce on every script, frame-ancestors, nosniff, Referrer-Policy and HSTS', async () => {
    const [a, b] = [await send(webUrl('/login')), await send(webUrl('/public'))];
    for (const res of [a, b]) {
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
      const scripts = res.text.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    }
    const nonceOf = (r: Answer) => /'nonce-([^']+)'/.exec(String(r.headers['content-security-policy']))![1];
    expect(nonceOf(a)).not.toBe(nonceOf(b));
  });

  it('pages work in Chromium under the CSP: no violation while signing in and using the admin pages', async () => {
    const violations: string[] = [];
    const page = await signIn(browser, 'admin', /\/admin$/);
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(webUrl('/admin/bureaus'));
    await page.getByRole('table').first().waitFor();
    await page.goto(webUrl('/public'));
    await page.locator('form').first().waitFor();
    expect(violations).toEqual([]);
    await page.context().close();
  });

  it("a same-site page on another port cannot disable a user with the admin's cookie", async () => {
    const api = process.env['API_URL']!;
    const login = await fetch(`${api}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'Hotline#2026' }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const bearer = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };
    const victim = (await (
      await fetch(`${api}/api/admin/users`, {
        method: 'POST',
        headers: bearer,
        body: JSON.stringify({
          username: `csrf.${Date.now().toString(36)}`,
          displayName: '跨站请求目标',
          role: 'agent',
          password: 'Welcome2026abc',
        }),
      })
    ).json()) as { id: string };

    // The attacker's page: 127.0.0.1 on another port (same site, so Lax cookies ride along).
    const attacker = http.createServer((_req, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(`<!doctype html><form id="f" method="POST" enctype="text/plain"
        action="${webUrl(`/api/admin/users/${victim.id}/disable`)}"><input name='{"x":"' value='"}'></form>
        <script>document.getElementById('f').submit()</script>`);
    });
    await new Promise<void>((r) => attacker.listen(0, '127.0.0.1', r));
    const page = await signIn(browser, 'admin', /\/admin$/);
    const answer = page.waitForResponse((r) => r.url().includes(`/api/admin/users/${victim.id}/disable`));
    await page.goto(`http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`);
    expect((await answer).status()).toBe(403);
    await page.context().close();
    await new Promise((r) => attacker.close(r));

    const user = (await (await fetch(`${api}/api/admin/users/${victim.id}`, { headers: bearer })).json()) as {
      disabled: boolean;
    };
    expect(user.disabled).toBe(false);
  });
});
