import type { NextRequest } from 'next/server';

/**
 * Same-origin proxy to the API: the browser calls /api/* on the web app, so the API's
 * HTTP-only session cookies are first-party. A route handler (not a next.config rewrite)
 * because rewrites are frozen at build time and API_URL is a run-time setting.
 *
 * The client's address comes from apps/web/server.mjs, which replaces any forwarding header
 * the client sent with `x-forwarded-for: <socket address>` before Next sees the request; the
 * API trusts exactly that one hop. Bodies are streamed, never buffered, and cut off at the
 * API's own BODY_LIMIT_BYTES with a 413.
 */
export const dynamic = 'force-dynamic';

/** Headers of one connection, not of the request (`expect` also makes fetch refuse the request). */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'host',
  'content-length',
  'expect',
  'te',
  'trailer',
  'proxy-connection',
  'proxy-authorization',
]);
/** Forwarding headers are set here from what server.mjs saw, never copied from the client. */
const FORWARDING = new Set([
  'forwarded',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'x-forwarded-port',
  'x-real-ip',
]);

const bodyLimit = () => Number(process.env.BODY_LIMIT_BYTES ?? 262144);

function errorResponse(statusCode: number, error: string, message: string): Response {
  return Response.json({ statusCode, error, message }, { status: statusCode });
}

/** Passes the body through chunk by chunk; errors the stream once more than `limit` bytes went by. */
function limitedBody(body: ReadableStream<Uint8Array>, limit: number, onOverflow: () => void) {
  let seen = 0;
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > limit) {
          onOverflow();
          controller.error(new Error('request body over the limit'));
          return;
        }
        controller.enqueue(chunk);
      },
    }),
  );
}

async function proxy(req: NextRequest, ctx: { params: Promise<{ path: string[] }> }): Promise<Response> {
  const { path } = await ctx.params;
  const target = new URL(
    `/api/${path.map(encodeURIComponent).join('/')}${req.nextUrl.search}`,
    process.env.API_URL ?? 'http://127.0.0.1:3000',
  );
  const limit = bodyLimit();
  if (Number(req.headers.get('content-length') ?? 0) > limit) {
    return errorResponse(413, 'Payload Too Large', 'The request body is too large');
  }
  const headers = new Headers();
  req.headers.forEach((value, key) => {
    if (!HOP_BY_HOP.has(key) && !FORWARDING.has(key)) headers.set(key, value);
  });
  // server.mjs set exactly one address here; under `next dev` it is whatever Next kept.
  const client = (req.headers.get('x-forwarded-for') ?? '').split(',').pop()?.trim();
  headers.set('x-forwarded-for', client || '127.0.0.1');
  let overflowed = false;
  // A body only when the client sent one: an empty stream would reach the API as chunked.
  const sendsBody =
    req.method !== 'GET' &&
    req.method !== 'HEAD' &&
    (Number(req.headers.get('content-length') ?? 0) > 0 || req.headers.has('transfer-encoding'));
  const body = sendsBody && req.body ? limitedBody(req.body, limit, () => (overflowed = true)) : undefined;
  try {
    const res = await fetch(target, {
      method: req.method,
      headers,
      body,
      // Stream the request body to the API as it arrives (required by fetch for a stream body).
      duplex: 'half',
      redirect: 'manual',
      cache: 'no-store',
    } as RequestInit & { duplex: 'half' });
    const out = new Headers();
    res.headers.forEach((value, key) => {
      if (!HOP_BY_HOP.has(key) && key !== 'content-encoding' && key !== 'set-cookie') out.set(key, value);
    });
    for (const cookie of res.headers.getSetCookie()) out.append('set-cookie', cookie);
    return new Response(res.body, { status: res.status, headers: out });
  } catch {
    if (overflowed) return errorResponse(413, 'Payload Too Large', 'The request body is too large');
    return errorResponse(502, 'Bad Gateway', 'The API is not reachable');
  }
}

export { proxy as GET, proxy as POST, proxy as PUT, proxy as PATCH, proxy as DELETE };
