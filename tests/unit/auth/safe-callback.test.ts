import { describe, expect, it } from 'vitest';
import { safeCallbackPath } from '@/lib/server/auth/auth-options';

const BASE = 'http://localhost:3000';

describe('callbackUrl never leaves the site', () => {
  it.each([
    ['//evil.example', '/'],
    ['https://evil.example', '/'],
    ['https://evil.example/documents', '/'],
    ['/\\evil.example', '/'],
    ['\\\\evil.example', '/'],
    ['/%5Cevil.example', '/%5Cevil.example'],
    ['javascript:alert(1)', '/'],
    ['http://localhost:3000.evil.example/', '/'],
    ['', '/'],
    ['/documents/basic-policy#a7', '/documents/basic-policy#a7'],
    ['/documents?asOf=2022-05-26', '/documents?asOf=2022-05-26'],
    ['http://localhost:3000/admin', '/admin'],
  ])('%s → %s', (input, expected) => {
    expect(safeCallbackPath(input, BASE)).toBe(expected);
  });
});
