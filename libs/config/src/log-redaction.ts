/**
 * What the logs must never hold: the citizen's access code, Open311 api keys, passwords,
 * bearer tokens and session cookies. Request lines carry the URL with its query string,
 * so secrets sent as query parameters (`?code=`, `?api_key=`) are replaced there; headers
 * and bodies that a log call includes are masked by pino's redaction paths.
 */

/** Query parameters whose values are secrets (compared case-insensitively). */
const SECRET_QUERY_PARAMS = new Set([
  'code',
  'access_code',
  'accesscode',
  'api_key',
  'apikey',
  'key',
  'password',
  'token',
  'access_token',
  'refresh_token',
]);

export const REDACTED = '[REDACTED]';

/** The URL with the value of every secret query parameter replaced by [REDACTED]. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const query = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const rawName = eq < 0 ? pair : pair.slice(0, eq);
      let name = rawName;
      try {
        name = decodeURIComponent(rawName.replace(/\+/g, ' '));
      } catch {
        // A malformed escape is logged as sent; only the value could be a secret.
      }
      return eq >= 0 && SECRET_QUERY_PARAMS.has(name.trim().toLowerCase()) ? `${rawName}=${REDACTED}` : pair;
    })
    .join('&');
  return `${url.slice(0, q)}?${query}`;
}

/** pino `redact` paths: headers and body fields that hold credentials, wherever a log line includes them. */
export const LOG_REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-access-code"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'headers["x-access-code"]',
  'body.password',
  'body.currentPassword',
  'body.newPassword',
  'body.api_key',
  'body.accessCode',
  'body.refreshToken',
  '*.password',
  '*.api_key',
  '*.accessCode',
];

/** The parts of a request the request log shows (Fastify's default fields, URL redacted). */
interface LoggedRequest {
  method: string;
  url: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

/** Fastify logger options: level, redaction, and a request serializer that redacts the URL. */
export function httpLoggerOptions(level: string, stream?: { write(line: string): void }) {
  return {
    level,
    redact: { paths: LOG_REDACT_PATHS, censor: REDACTED },
    serializers: {
      req: (req: LoggedRequest) => ({
        method: req.method,
        url: redactUrl(req.url),
        host: req.host,
        remoteAddress: req.ip,
        remotePort: req.socket?.remotePort,
      }),
    },
    ...(stream ? { stream } : {}),
  };
}
