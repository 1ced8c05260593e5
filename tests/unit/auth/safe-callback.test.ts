import { describe, expect, it } from 'vitest';
import { safeCallbackPath, safeCallbackUrl } from '@/lib/http/safe-callback';

const BASE = 'http://localhost:3000';

describe('callbackUrl never leaves the site', () => {
  it.each([
    ['//evil.example', '/'],
    ['https://evil.example', '/'],
    ['https://evil.example/documents', '/'],
    ['/\\evil.example', '/'],
    ['\\\\evil.example', '/'],
    ['javascript:alert(1)', '/'],
    ['http://localhost:3000.evil.example/', '/'],
    ['http://user:pw@localhost:3000/', '/'],
    ['', '/'],
    // dot segments that the parser removes, leaving `//host` (issue 15 §3)
    ['/.//evil.example/x', '/'],
    ['/a/..//evil.example/x', '/'],
    ['/a/b/../..//evil.example', '/'],
    ['/%2e//evil.example', '/'],
    ['/%2E%2E//evil.example', '/'],
    ['/a/%2e%2e//evil.example', '/'],
    ['/./%2e/..//evil.example', '/'],
    ['http://localhost:3000/.//evil.example', '/'],
    // encoded slashes and backslashes, which a server or proxy may decode on the way
    ['/%2F%2Fevil.example', '/'],
    ['/%2fevil.example', '/'],
    ['/x/%2e%2e/%2fevil.example', '/'],
    ['/%5Cevil.example', '/'],
    ['/%5C%5Cevil.example', '/'],
    ['/%E0%A4%A', '/'],
    // tabs, newlines and other controls the parser would drop silently
    ['/\t/evil.example', '/'],
    ['/\n/evil.example', '/'],
    ['/\r\n/evil.example', '/'],
    ['\t//evil.example', '/'],
    ['/\u0000/evil.example', '/'],
    ['/'.padEnd(2001, 'a'), '/'],
    // paths of this site are kept as they are
    ['/documents/basic-policy#a7', '/documents/basic-policy#a7'],
    ['/documents?asOf=2022-05-26', '/documents?asOf=2022-05-26'],
    ['/search?q=%E6%83%85%E5%A0%B1', '/search?q=%E6%83%85%E5%A0%B1'],
    ['/a?next=//evil.example', '/a?next=//evil.example'],
    ['/documents/./basic-policy', '/documents/basic-policy'],
    ['http://localhost:3000/admin', '/admin'],
  ])('%j → %s', (input, expected) => {
    expect(safeCallbackPath(input, BASE)).toBe(expected);
  });

  it('builds the absolute URL on the given origin by concatenation, never by resolving', () => {
    expect(safeCallbackUrl('/.//evil.example/x', BASE)).toBe('http://localhost:3000/');
    expect(safeCallbackUrl('/approvals', 'http://127.0.0.1:3000')).toBe('http://127.0.0.1:3000/approvals');
    expect(safeCallbackUrl('http://localhost:3000/approvals', 'http://127.0.0.1:3000')).toBe('http://127.0.0.1:3000/');
    for (const input of ['/.//evil.example/x', '/a/..//x', '/%2e%2e//evil.example']) {
      expect(new URL(safeCallbackUrl(input, BASE)).origin).toBe(BASE);
    }
  });
});
