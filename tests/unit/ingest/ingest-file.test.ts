import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { detectFileType } from '@/lib/ingest/detect-file-type';
import { ingestFile } from '@/lib/ingest/ingest-file';
import { importText } from '@/lib/ingest/import-text';
import { nodeById } from '../policy-text/deep/helpers';
import { deepFixture } from '../policy-text/deep/helpers';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ingestFixture, okOrThrow } from './helpers';

const encode = (text: string) => new TextEncoder().encode(text);
const SAMPLE = '第1条　この基準は、情報セキュリティ対策の基準を定める。\n(1)　一\nア　二\n';

describe('detectFileType: by content, not by name', () => {
  it.each([
    ['standard.docx', 'docx'],
    ['procedure.pdf', 'pdf'],
    ['encrypted.pdf', 'pdf'],
    ['broken.pdf', 'pdf'],
  ])('%s is %s', (name, kind) => {
    expect(detectFileType(ingestFixture(name)).kind).toBe(kind);
  });

  it('reads UTF-8, UTF-8 with BOM and Shift_JIS as text', () => {
    expect(detectFileType(encode(SAMPLE))).toMatchObject({ kind: 'text', encoding: 'utf-8' });
    expect(detectFileType(new Uint8Array([0xef, 0xbb, 0xbf, ...encode(SAMPLE)]))).toMatchObject({ kind: 'text', encoding: 'utf-8' });
    const sjis = readFileSync(path.resolve(import.meta.dirname, '../../fixtures/deep/10-shift-jis.txt'));
    expect(detectFileType(new Uint8Array(sjis))).toMatchObject({ kind: 'text', encoding: 'shift_jis' });
  });

  it.each([
    ['a broken zip', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x41, 0x41]), 'BROKEN_DOCX'],
    ['a zip without word/document.xml (an .xlsx)', zipSync({ 'xl/workbook.xml': encode('<workbook/>') }), 'UNSUPPORTED'],
    ['an old .doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]), 'LEGACY_DOC'],
    ['a PNG image', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), 'UNSUPPORTED'],
    ['an empty file', new Uint8Array(0), 'EMPTY'],
  ])('refuses %s (%s)', (_, bytes, code) => {
    expect(detectFileType(bytes)).toEqual({ kind: 'refused', code });
  });
});

describe('ingestFile', () => {
  it('imports a Word file renamed to .txt as Word (the name is never looked at)', async () => {
    const result = okOrThrow(await ingestFile(ingestFixture('standard.docx')));
    expect(result.kind).toBe('docx');
    expect(nodeById(result.tree, 'a2-i1-s2-s2-s2').label).toBe('b');
  });

  it('imports a PDF and a Shift_JIS text file', async () => {
    expect(okOrThrow(await ingestFile(ingestFixture('procedure.pdf'))).kind).toBe('pdf');
    const sjis = new Uint8Array(readFileSync(path.resolve(import.meta.dirname, '../../fixtures/deep/10-shift-jis.txt')));
    const text = okOrThrow(await ingestFile(sjis));
    expect(text.kind).toBe('text');
    expect(text.text).toBe(`${deepFixture('10-shift-jis.txt').replace(/\r\n/g, '\n').replace(/\n$/, '')}\n`);
  });

  it.each([
    ['encrypted.pdf', 'ENCRYPTED_PDF'],
    ['scanned.pdf', 'NO_TEXT_LAYER'],
    ['broken.pdf', 'BROKEN_PDF'],
    ['broken.docx', 'BROKEN_DOCX'],
  ])('refuses %s with %s and a Japanese message', async (name, code) => {
    const result = await ingestFile(ingestFixture(name));
    expect(result).toMatchObject({ ok: false, code, message: expect.stringMatching(/[ぁ-ん]/) });
  });

  it('refuses a file over the size limit before reading it', async () => {
    const result = await ingestFile(ingestFixture('standard.docx'), { maxBytes: 1024 });
    expect(result).toEqual({ ok: false, code: 'TOO_LARGE', message: 'ファイルが大きすぎます。1KB以下のファイルを指定してください。' });
  });

  it('refuses a text without any article or numbered item, with the parser’s line', async () => {
    const result = await ingestFile(encode('お知らせ\n明日は休みです。\n'));
    expect(result).toMatchObject({ ok: false, code: 'NO_STRUCTURE', details: [expect.objectContaining({ line: 1 })] });
  });

  it('keeps line numbers of a CRLF text file in warnings', () => {
    const result = okOrThrow(importText(encode('第1条　一\r\n第1条　二\r\n')));
    expect(result.warnings).toEqual([{ line: 2, message: expect.stringContaining('2行目') }]);
  });
});
