import type { NextConfig } from 'next';

const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // A largest draft (1,000,000 characters of Japanese, 3 bytes each) must reach the DAL, which
  // refuses anything longer with a message; the proxy refuses bigger bodies (MAX_ACTION_BODY_BYTES).
  // authInterrupts: forbidden() answers a role-gated screen with its forbidden.tsx and HTTP 403.
  experimental: { serverActions: { bodySizeLimit: '4mb' }, authInterrupts: true },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default nextConfig;
