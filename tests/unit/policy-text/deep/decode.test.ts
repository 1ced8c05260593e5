import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText } from '@/lib/policy-text/deep/decode';
import { DEEP_FIXTURES } from './helpers';

const SAMPLE = '○○市情報セキュリティ対策基準\n第1条　この基準は、情報資産を守るために定める。\n';

describe('decodeText', () => {
  it('reads the Shift_JIS fixture as Shift_JIS', () => {
    const bytes = readFileSync(path.join(DEEP_FIXTURES, '10-shift-jis.txt'));
    const decoded = decodeText(bytes);
    expect(decoded).toMatchObject({ ok: true, encoding: 'shift_jis', bom: false });
    expect(decoded.ok && decoded.text.startsWith('○○市情報セキュリティインシデント対応実施手順\r\n')).toBe(true);
    expect(new TextDecoder('utf-8').decode(bytes).includes('情報')).toBe(false);
  });

  it.each([
    ['UTF-8', new TextEncoder().encode(SAMPLE), 'utf-8', false],
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(SAMPLE)]), 'utf-8', true],
    ['UTF-16LE with BOM', new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...SAMPLE].map((c) => c.charCodeAt(0))).buffer)]), 'utf-16le', true],
  ])('reads %s', (_name, bytes, encoding, bom) => {
    expect(decodeText(bytes)).toEqual({ ok: true, text: SAMPLE, encoding, bom });
  });

  it('reads CP932 characters Shift_JIS lacks (①, ㈱, 髙)', () => {
    // ① 0x8740, ㈱ 0x878A, 髙 0xFB FC (IBM extension)
    const decoded = decodeText(new Uint8Array([0x87, 0x40, 0x87, 0x8a, 0xfb, 0xfc]));
    expect(decoded).toMatchObject({ ok: true, encoding: 'shift_jis', text: '①㈱髙' });
  });

  it('tells EUC-JP from Shift_JIS by what the bytes spell', () => {
    // 「情報資産」 in EUC-JP
    const decoded = decodeText(new Uint8Array([0xbe, 0xf0, 0xca, 0xf3, 0xbb, 0xf1, 0xbb, 0xba]));
    expect(decoded).toMatchObject({ ok: true, encoding: 'euc-jp', text: '情報資産' });
  });

  it('refuses bytes that are no Japanese text with a Japanese message', () => {
    const decoded = decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0xff, 0xfe, 0xfd]));
    expect(decoded).toEqual({ ok: false, message: 'UTF-8 の印が付いていますが、文字として読めない部分があります。' });
    expect(decodeText(new Uint8Array([0x80, 0xff, 0xa0, 0x80])).ok).toBe(false);
  });
});
