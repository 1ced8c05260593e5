import { describe, expect, it } from 'vitest';
import { allowedOriginFor, isLocalHostname } from '@/lib/server/http/request-origin';

const own = new Set(['192.168.10.23', '[fe80::1]', 'kikaku-pc']);
const demo = { configured: new URL('http://localhost:3000'), localMode: true, own };
const configured = { configured: new URL('https://policy.example.lg.jp'), localMode: false, own };

describe('the origin a person is sent back to after sign-in', () => {
  it.each([
    ['localhost:3000', 'http://localhost:3000'],
    ['127.0.0.1:3000', 'http://127.0.0.1:3000'],
    ['127.1.2.3:3000', 'http://127.1.2.3:3000'],
    ['[::1]:3000', 'http://[::1]:3000'],
    ['192.168.10.23:3000', 'http://192.168.10.23:3000'],
    ['kikaku-pc:3000', 'http://kikaku-pc:3000'],
    // not this machine, another port, or not a bare host[:port]: the configured origin
    ['evil.example:3000', 'http://localhost:3000'],
    ['192.168.10.99:3000', 'http://localhost:3000'],
    ['127.0.0.1:4000', 'http://localhost:3000'],
    ['127.0.0.1', 'http://localhost:3000'],
    ['127.0.0.1:3000/evil', 'http://localhost:3000'],
    ['user@127.0.0.1:3000', 'http://localhost:3000'],
    [null, 'http://localhost:3000'],
  ])('demo, Host %s → %s', (host, expected) => {
    expect(allowedOriginFor(host, demo)).toBe(expected);
  });

  it.each([
    ['policy.example.lg.jp', 'https://policy.example.lg.jp'],
    ['127.0.0.1:3000', 'https://policy.example.lg.jp'],
    ['192.168.10.23', 'https://policy.example.lg.jp'],
    ['evil.example', 'https://policy.example.lg.jp'],
  ])('configured origin, Host %s → %s', (host, expected) => {
    expect(allowedOriginFor(host, configured)).toBe(expected);
  });

  it('knows loopback names and addresses', () => {
    expect(isLocalHostname('localhost', own)).toBe(true);
    expect(isLocalHostname('app.localhost', own)).toBe(true);
    expect(isLocalHostname('127.0.0.1', own)).toBe(true);
    expect(isLocalHostname('[::1]', own)).toBe(true);
    expect(isLocalHostname('localhost.evil.example', own)).toBe(false);
    expect(isLocalHostname('127.0.0.1.evil.example', own)).toBe(false);
  });
});
