import type { TErrorBody, TErrorCode } from '@hotline/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** GeoReport v2 takes form-encoded POSTs by its spec and authenticates with api_key, never a cookie. */
const OPEN311_PATH = /^\/open311\//;

function hasBody(req: FastifyRequest): boolean {
  const length = Number(req.headers['content-length'] ?? 0);
  return length > 0 || req.headers['transfer-encoding'] !== undefined;
}

function isJson(contentType: string): boolean {
  const media = contentType.split(';')[0]!.trim().toLowerCase();
  return media === 'application/json';
}

/** A request whose credentials a browser attaches by itself: no bearer token, a session cookie or none. */
function isBearer(req: FastifyRequest): boolean {
  return req.headers.authorization?.startsWith('Bearer ') === true;
}

function refuse(reply: FastifyReply, req: FastifyRequest, statusCode: 403 | 415, code: TErrorCode, message: string) {
  const error = statusCode === 403 ? 'Forbidden' : 'Unsupported Media Type';
  return reply
    .code(statusCode)
    .send({ statusCode, error, code, message, requestId: String(req.id) } satisfies TErrorBody);
}

/**
 * CSRF and content-type rules for every state change, before the body is parsed (so the
 * bull-board routes are covered too):
 *
 * - A body on a JSON route must be `application/json` (415 otherwise). HTML forms can only
 *   send form-encoded, multipart or text/plain bodies without a CORS preflight, so this alone
 *   stops a cross-site form from reaching a handler.
 * - A request without a bearer token (so: one a browser may send with the session cookie, or
 *   a sign-in) must come from WEB_ORIGIN: a different `Origin`, or, when a browser sent no
 *   Origin, `Sec-Fetch-Site: cross-site|same-site`, is refused with 403. Another port of the
 *   same host is a different origin but the same site, which SameSite=Lax cookies do not stop.
 *   Bearer tokens are never attached by a browser on its own, so they are not CSRF-able.
 */
export function registerRequestOriginChecks(fastify: FastifyInstance, webOrigin: string): void {
  const allowed = new URL(webOrigin).origin;
  fastify.addHook('onRequest', async (req, reply) => {
    if (!UNSAFE_METHODS.has(req.method) || OPEN311_PATH.test(req.url)) return;
    if (!isBearer(req)) {
      const origin = req.headers.origin;
      const site = req.headers['sec-fetch-site'];
      const crossSite = origin !== undefined ? origin !== allowed : site === 'cross-site' || site === 'same-site';
      if (crossSite) {
        return refuse(
          reply,
          req,
          403,
          'request.cross_site',
          `Cross-site request refused: state changes with a session cookie must come from ${allowed}`,
        );
      }
    }
    const contentType = req.headers['content-type'];
    if (hasBody(req) && contentType !== undefined && !isJson(contentType)) {
      return refuse(
        reply,
        req,
        415,
        'request.unsupported_media_type',
        'Unsupported content type; send application/json',
      );
    }
  });
}
