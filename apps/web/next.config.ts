import type { NextConfig } from 'next';

// The browser talks to the API through this app's own origin: app/api/[...path]/route.ts
// proxies /api/* to API_URL at run time.
const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
};

export default config;
