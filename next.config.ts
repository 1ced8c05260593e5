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
  // refuses anything longer with a message, and so must an uploaded file on the import screens
  // (PORTAL_IMPORT_MAX_MB, at most 20 MB, plus the form: 21 MB). The proxy refuses bodies over
  // MAX_ACTION_BODY_BYTES (4 MB) on every other path, and over MAX_UPLOAD_BODY_BYTES on those two;
  // it buffers a body up to proxyClientMaxBodySize, which must not cut an upload short.
  // authInterrupts: forbidden() answers a role-gated screen with its forbidden.tsx and HTTP 403.
  experimental: { serverActions: { bodySizeLimit: '21mb' }, proxyClientMaxBodySize: '21mb', authInterrupts: true },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default nextConfig;
