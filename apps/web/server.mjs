// The web app's HTTP server (`npm start`, the browser tests, docker/Dockerfile.web): Next's
// own request handler behind a small node:http server, because a route handler cannot see
// the socket. Before Next sees a request this server
//  - answers methods the app does not serve (TRACE, CONNECT-like verbs …) with 405;
//  - drops every forwarding header the client sent and sets `x-forwarded-for` to the socket's
//    address, so the /api proxy (app/api/[...path]/route.ts) tells the API the real client;
//  - answers 413 to an /api request that declares a body larger than BODY_LIMIT_BYTES,
//    without reading it (the proxy cuts off undeclared, chunked bodies at the same limit).
// Usage: node apps/web/server.mjs   (WEB_PORT, WEB_HOST, API_URL, BODY_LIMIT_BYTES)
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import next from 'next';

const dir = path.dirname(fileURLToPath(import.meta.url));
const port = Number(process.env.WEB_PORT ?? 3001);
const host = process.env.WEB_HOST ?? '0.0.0.0';
const bodyLimit = Number(process.env.BODY_LIMIT_BYTES ?? 262144);

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
/** Headers only a proxy in front of us may set; we have none, so a client's are lies. */
const FORWARDING = [
  'forwarded',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'x-forwarded-port',
  'x-real-ip',
];

/** The peer's address; IPv4 peers on a dual-stack socket appear as ::ffff:a.b.c.d. */
function socketAddress(socket) {
  const address = socket.remoteAddress ?? '';
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}

function sendJson(res, statusCode, error, message, headers = {}) {
  const body = JSON.stringify({ statusCode, error, message });
  res.writeHead(statusCode, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(body);
}

const app = next({ dir, dev: false, hostname: host, port });
const handle = app.getRequestHandler();
await app.prepare();

/** Answers what Next must not see; returns true when the request was answered here. */
function refuse(req, res) {
  if (!METHODS.includes(req.method ?? '')) {
    sendJson(res, 405, 'Method Not Allowed', `${req.method} is not supported`, { allow: METHODS.join(', ') });
    return true;
  }
  const declared = Number(req.headers['content-length'] ?? 0);
  if (req.url?.startsWith('/api/') && declared > bodyLimit) {
    // Close the connection rather than read (and throw away) a body we will never use.
    sendJson(res, 413, 'Payload Too Large', 'The request body is too large', { connection: 'close' });
    res.on('finish', () => req.destroy());
    return true;
  }
  return false;
}

function serve(req, res) {
  for (const name of FORWARDING) delete req.headers[name];
  req.headers['x-forwarded-for'] = socketAddress(req.socket);
  // An answer sent before the body was read (the proxy's 413) ends the connection: the rest
  // of that body must not be taken for the next request on it.
  const writeHead = res.writeHead;
  res.writeHead = function (...args) {
    if (!req.complete && !res.headersSent) res.setHeader('connection', 'close');
    return writeHead.apply(this, args);
  };
  void handle(req, res);
}

// HSTS from this server, not next.config: `next build` freezes headers() with the build's
// NODE_ENV, while this server is what production runs (`next dev` never uses it). Browsers
// ignore the header over plain http, so a developer's http://localhost is never pinned.
const HSTS = 'max-age=31536000; includeSubDomains';

const server = http.createServer((req, res) => {
  res.setHeader('strict-transport-security', HSTS);
  if (!refuse(req, res)) serve(req, res);
});
// `Expect: 100-continue`: say no before the client sends a body we would refuse.
server.on('checkContinue', (req, res) => {
  res.setHeader('strict-transport-security', HSTS);
  if (refuse(req, res)) return;
  res.writeContinue();
  serve(req, res);
});
server.listen(port, host, () => {
  console.log(`web listening on http://${host}:${port}`);
});

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 3000).unref();
  });
}
