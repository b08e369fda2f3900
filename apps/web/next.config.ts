import type { NextConfig } from 'next';

/**
 * Security headers on every response of the web app. The Content-Security-Policy carries a
 * per-request nonce and is set in proxy.ts; HSTS is set by server.mjs (what production runs).
 */
const securityHeaders = [
  // Legacy twin of CSP frame-ancestors 'none': the admin pages must not be framed.
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
];

// The browser talks to the API through this app's own origin: app/api/[...path]/route.ts
// proxies /api/* to API_URL at run time.
const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  headers: async () => [{ source: '/:path*', headers: securityHeaders }],
};

export default config;
