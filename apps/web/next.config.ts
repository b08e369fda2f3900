import type { NextConfig } from 'next';

// The browser talks to the API through this app's own origin (/api/* is proxied), so the
// HTTP-only session cookies are first-party and no CORS preflight sits on every click.
const apiUrl = process.env.API_URL ?? 'http://127.0.0.1:3000';

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  async rewrites() {
    return [{ source: '/api/:path*', destination: `${apiUrl}/api/:path*` }];
  },
};

export default config;
