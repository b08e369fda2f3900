import type { NextRequest } from 'next/server';

/**
 * Same-origin proxy to the API: the browser calls /api/* on the web app, so the API's
 * HTTP-only session cookies are first-party. A route handler (not a next.config rewrite)
 * because rewrites are frozen at build time and API_URL is a run-time setting.
 */
export const dynamic = 'force-dynamic';

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'host', 'content-length']);

async function proxy(req: NextRequest, ctx: { params: Promise<{ path: string[] }> }): Promise<Response> {
  const { path } = await ctx.params;
  const target = new URL(
    `/api/${path.map(encodeURIComponent).join('/')}${req.nextUrl.search}`,
    process.env.API_URL ?? 'http://127.0.0.1:3000',
  );
  const headers = new Headers();
  req.headers.forEach((value, key) => {
    if (!HOP_BY_HOP.has(key)) headers.set(key, value);
  });
  headers.set('x-forwarded-for', req.headers.get('x-forwarded-for') ?? '127.0.0.1');
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  try {
    const res = await fetch(target, {
      method: req.method,
      headers,
      body: hasBody ? await req.arrayBuffer() : undefined,
      redirect: 'manual',
      cache: 'no-store',
    });
    const out = new Headers();
    res.headers.forEach((value, key) => {
      if (!HOP_BY_HOP.has(key) && key !== 'content-encoding' && key !== 'set-cookie') out.set(key, value);
    });
    for (const cookie of res.headers.getSetCookie()) out.append('set-cookie', cookie);
    return new Response(res.body, { status: res.status, headers: out });
  } catch {
    return Response.json(
      { statusCode: 502, error: 'Bad Gateway', message: 'The API is not reachable' },
      { status: 502 },
    );
  }
}

export { proxy as GET, proxy as POST, proxy as PUT, proxy as PATCH, proxy as DELETE };
