/*
 * Text files as municipalities hand them over: UTF-8 (with or without BOM), Shift_JIS / CP932
 * from older Windows tools, now and then EUC-JP or UTF-16 with a BOM. The encoding is detected
 * by strict decoding, not guessed from the file name: UTF-8 is accepted only when every byte
 * sequence is valid, and among the Japanese legacy encodings the one that decodes strictly and
 * yields the most Japanese characters wins.
 */

export type TTextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'shift_jis' | 'euc-jp';

export type TDecodeResult = { ok: true; text: string; encoding: TTextEncoding; bom: boolean } | { ok: false; message: string };

function strict(encoding: TTextEncoding, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Hiragana, katakana, CJK ideographs and full-width forms: what a Japanese text is made of. */
function japaneseScore(text: string): number {
  let score = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if ((code >= 0x3040 && code <= 0x30ff) || (code >= 0x4e00 && code <= 0x9fff) || (code >= 0xff01 && code <= 0xff5e) || code === 0x3000 || code === 0x3001 || code === 0x3002) score++;
    else if (code >= 0xff61 && code <= 0xff9f) score -= 1; // half-width katakana: rare in regulations, common in a wrong guess
  }
  return score;
}

export function decodeText(bytes: Uint8Array): TDecodeResult {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = strict('utf-8', bytes.subarray(3));
    return text === null ? { ok: false, message: 'UTF-8 の印が付いていますが、文字として読めない部分があります。' } : { ok: true, text, encoding: 'utf-8', bom: true };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodedOrError('utf-16le', bytes.subarray(2), true);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodedOrError('utf-16be', bytes.subarray(2), true);
  const utf8 = strict('utf-8', bytes);
  if (utf8 !== null) return { ok: true, text: utf8, encoding: 'utf-8', bom: false };
  const candidates = (['shift_jis', 'euc-jp'] as const)
    .map((encoding) => ({ encoding, text: strict(encoding, bytes) }))
    .filter((c): c is { encoding: 'shift_jis' | 'euc-jp'; text: string } => c.text !== null)
    .sort((a, b) => japaneseScore(b.text) - japaneseScore(a.text));
  const best = candidates[0];
  if (!best) return { ok: false, message: '文字コードを判別できません。UTF-8 又は Shift_JIS で保存したテキストファイルを指定してください。' };
  return { ok: true, text: best.text, encoding: best.encoding, bom: false };
}

function decodedOrError(encoding: TTextEncoding, bytes: Uint8Array, bom: boolean): TDecodeResult {
  const text = strict(encoding, bytes);
  return text === null ? { ok: false, message: 'UTF-16 の印が付いていますが、文字として読めない部分があります。' } : { ok: true, text, encoding, bom };
}
