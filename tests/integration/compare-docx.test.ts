/*
 * The 新旧対照表 as a Word file (issue 16, section 3): the file councils receive has both texts
 * side by side (改正後 | 改正前) with the changed passages underlined, and it answers exactly as the
 * compare page does — a revision the reader may not see is a 404 like a missing one.
 */
import { XMLParser } from 'fast-xml-parser';
import { unzipSync, strFromU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as compareRoute } from '@/app/api/v1/documents/[slug]/compare/route';
import { db } from '@/lib/server/db';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { seedDatabase } from '@/lib/server/seed/seed-database';
import { signInAs } from '../support/as-user';

beforeAll(async () => {
  await migrateDatabase({ databaseUrl: process.env.DATABASE_URL! });
  await seedDatabase({ demoAccounts: true });
});

function get(slug: string, query: string): Promise<Response> {
  return compareRoute(new Request(`http://localhost/api/v1/documents/${slug}/compare?${query}`), { params: Promise.resolve({ slug }) });
}

type TRun = { text: string; underlined: boolean };

/** Every text run of word/document.xml, in order, with whether it is underlined (傍線). */
function runsOf(docx: Uint8Array): TRun[] {
  const xml = strFromU8(unzipSync(docx)['word/document.xml']!);
  const tree: unknown = new XMLParser({ ignoreAttributes: false, preserveOrder: true, trimValues: false }).parse(xml);
  const out: TRun[] = [];
  const textOf = (nodes: unknown[]): string =>
    nodes
      .flatMap((n) => ((n as Record<string, unknown>)['w:t'] as unknown[] | undefined) ?? [])
      .map((t) => String((t as Record<string, unknown>)['#text'] ?? ''))
      .join('');
  const walk = (nodes: unknown): void => {
    if (!Array.isArray(nodes)) return;
    for (const node of nodes as Record<string, unknown>[]) {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'w:r' && Array.isArray(value)) {
          const props = (value.find((v: Record<string, unknown>) => 'w:rPr' in v) as Record<string, unknown[]> | undefined)?.['w:rPr'] ?? [];
          out.push({ text: textOf(value), underlined: props.some((p) => 'w:u' in (p as object)) });
        } else if (key !== ':@') walk(value);
      }
    }
  };
  walk(tree);
  return out;
}

describe('新旧対照表 .docx', () => {
  it('holds both texts side by side with the changed characters and renumbered labels underlined', async () => {
    await signInAs('demo-auditor');
    const response = await get('sample-standard', 'from=1&to=2&format=docx');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(response.headers.get('content-disposition')).toContain("filename*=UTF-8''");
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const runs = runsOf(new Uint8Array(await response.arrayBuffer()));
    const text = runs.map((r) => r.text).join('');
    const underlined = runs.filter((r) => r.underlined).map((r) => r.text);

    expect(text).toContain('新旧対照表');
    expect(text).toContain('改正前：第1版');
    expect(text).toContain('改正後：第2版');
    expect(text).toContain('（傍線部分は改正部分）');
    expect(text.indexOf('改正後', text.indexOf('傍線部分'))).toBeLessThan(text.indexOf('改正前', text.indexOf('傍線部分')));
    // the inserted 第19条（生成AI等の利用） is underlined whole, in the 改正後 column only
    expect(underlined.some((t) => t.includes('生成AI'))).toBe(true);
    // the old 第19条 is the new 第20条: both numbers underlined, and the one changed character
    expect(underlined).toEqual(expect.arrayContaining(['第20条', '第19条', '５', '３']));
    // unchanged articles fold as in print
    expect(text).toMatch(/第1条～第\d+条　（略）/);
    expect(await db().auditEvent.count({ where: { action: 'document.compare-export', actorLoginId: 'demo-auditor' } })).toBe(1);
  });

  it('answers a restricted document the reader may not see exactly like a missing one (404)', async () => {
    await signInAs('demo-staff-other');
    const hidden = await get('sample-procedure-media', 'from=1&to=2&format=docx');
    const missing = await get('no-such-document', 'from=1&to=2&format=docx');
    expect(hidden.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(await hidden.text()).toBe(await missing.text());
    expect((await get('sample-procedure-media', 'from=1&to=2')).status).toBe(404);

    await signInAs('demo-auditor');
    expect((await get('sample-procedure-media', 'from=1&to=2&format=docx')).status).toBe(200);
    // a revision that does not exist: 404 as well, for a reader who sees the document
    expect((await get('sample-procedure-media', 'from=1&to=9&format=docx')).status).toBe(404);
  });

  it('refuses an unknown format with a clear message', async () => {
    await signInAs('demo-auditor');
    const response = await get('sample-standard', 'from=1&to=2&format=pdf');
    expect(response.status).toBe(400);
  });
});
