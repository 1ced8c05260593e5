import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { MAX_ACTION_BODY_BYTES, MAX_UPLOAD_BODY_BYTES, refuseHostileRequest } from '@/lib/http/request-guard';

/** A file posted to a server action the way the upload form sends it: ["$K1"] and the form's fields. */
function upload(path: string, bytes: number): NextRequest {
  const form = new FormData();
  form.append('0', '["$K1"]');
  form.append('1_file', new File([new Uint8Array(bytes)], 'standard.docx'));
  return new NextRequest(`http://localhost${path}`, { method: 'POST', headers: { 'next-action': '7f00', origin: 'http://localhost', host: 'localhost' }, body: form });
}

describe('the proxy lets a file through to the import screens only', () => {
  const big = MAX_ACTION_BODY_BYTES + 1024 * 1024;

  it('a file larger than any other form reaches 文書を取り込む and ファイルから改正案を作る', async () => {
    expect(await refuseHostileRequest(upload('/documents/new/import', big))).toBeNull();
    expect(await refuseHostileRequest(upload('/documents/sample-standard/import', big))).toBeNull();
  });

  it('the same body anywhere else is refused (413)', async () => {
    expect((await refuseHostileRequest(upload('/documents/sample-standard/edit', big)))?.status).toBe(413);
    expect((await refuseHostileRequest(upload('/documents/new', big)))?.status).toBe(413);
    expect((await refuseHostileRequest(upload('/documents/a/b/import', big)))?.status).toBe(413);
  });

  it('a body over the upload ceiling is refused on the import screens too', async () => {
    expect((await refuseHostileRequest(upload('/documents/new/import', MAX_UPLOAD_BODY_BYTES + 1)))?.status).toBe(413);
  });
});
