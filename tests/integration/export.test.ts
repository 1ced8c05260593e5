/*
 * Downloads (法令標準XML and Word) answer exactly as the page that shows the same text (issue 16,
 * section 3): every role × kind of document × format gets what the page would show — the whole
 * text, the public edition or nothing — and what is hidden answers byte for byte like what is missing.
 */
import { unzipSync, strFromU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as getDocumentExport } from '@/app/api/v1/documents/[slug]/export/route';
import { GET as getRevisionExport } from '@/app/api/v1/documents/[slug]/revisions/[n]/export/route';
import { type TDeepTree, walkNodes } from '@/lib/policy-text/deep/tree';
import { childElements, firstChild, parseXml, textOf } from '@/lib/policy-text/deep/xml-element';
import { lawXmlToDeepTree } from '@/lib/policy-text/deep/xml';
import { db } from '@/lib/server/db';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { getDocumentView } from '@/lib/server/documents/get-document-view';
import { getRevisionPage } from '@/lib/server/history/get-revision-page';
import { seedDatabase } from '@/lib/server/seed/seed-database';
import { startDraft } from '@/lib/server/workflow/start-draft';
import { signInAs } from '../support/as-user';

type TFormat = 'xml' | 'docx';
type TRole = 'anonymous' | 'demo-staff' | 'demo-staff-other' | 'demo-editor' | 'demo-approver' | 'demo-auditor' | 'demo-admin';
type TShown = 'full' | 'excerpt' | 404;

const ROLES: TRole[] = ['anonymous', 'demo-staff', 'demo-staff-other', 'demo-editor', 'demo-approver', 'demo-auditor', 'demo-admin'];
const FORMATS: TFormat[] = ['xml', 'docx'];

// basic-policy PUBLIC; sample-procedure-password STAFF; sample-safety-management-standard RESTRICTED,
// granted to 総務課 (demo-staff, demo-editor); sample-standard STAFF with public excerpts 第1条・第23条.
const DOCUMENTS = {
  public: 'basic-policy',
  staff: 'sample-procedure-password',
  restricted: 'sample-safety-management-standard',
  excerpts: 'sample-standard',
} as const;
type TKind = keyof typeof DOCUMENTS;

/** What the document page shows each role (the text in force). */
const IN_FORCE: Record<TRole, Record<TKind, TShown>> = {
  anonymous: { public: 'full', staff: 404, restricted: 404, excerpts: 'excerpt' },
  'demo-staff': { public: 'full', staff: 'full', restricted: 'full', excerpts: 'full' },
  'demo-staff-other': { public: 'full', staff: 'full', restricted: 404, excerpts: 'full' },
  'demo-editor': { public: 'full', staff: 'full', restricted: 'full', excerpts: 'full' },
  'demo-approver': { public: 'full', staff: 'full', restricted: 'full', excerpts: 'full' },
  'demo-auditor': { public: 'full', staff: 'full', restricted: 'full', excerpts: 'full' },
  'demo-admin': { public: 'full', staff: 'full', restricted: 404, excerpts: 'full' },
};
/** Who may see drafts (revision:read-all), as on the revision page. */
const SEES_DRAFTS = new Set<TRole>(['demo-editor', 'demo-approver', 'demo-auditor']);

let draftNumber = 0;

beforeAll(async () => {
  await migrateDatabase({ databaseUrl: process.env.DATABASE_URL! });
  await seedDatabase({ demoAccounts: true });
  await signInAs('demo-editor');
  draftNumber = (await startDraft({ slug: DOCUMENTS.staff })).number;
});

const as = (role: TRole) => signInAs(role === 'anonymous' ? null : role);

function documentExport(slug: string, query: string) {
  return getDocumentExport(new Request(`http://localhost/api/v1/documents/${slug}/export?${query}`), { params: Promise.resolve({ slug }) });
}
function revisionExport(slug: string, n: string | number, query: string) {
  return getRevisionExport(new Request(`http://localhost/api/v1/documents/${slug}/revisions/${n}/export?${query}`), { params: Promise.resolve({ slug, n: String(n) }) });
}

/** The tree a downloaded file holds: the XML read back, or the text of the Word file's paragraphs. */
async function readFile(response: Response, format: TFormat): Promise<{ tree?: TDeepTree; text: string }> {
  const body = new Uint8Array(await response.arrayBuffer());
  if (format === 'xml') {
    const xml = new TextDecoder('utf-8', { fatal: true }).decode(body);
    const read = lawXmlToDeepTree(xml);
    if (!read.ok) throw new Error(read.message);
    return { tree: read.tree, text: xml };
  }
  return { text: strFromU8(unzipSync(body)['word/document.xml']!) };
}

const articleIds = (tree: TDeepTree) => {
  const ids: string[] = [];
  walkNodes(tree, (n) => n.kind === 'article' && ids.push(n.id));
  return ids;
};

async function inForceTree(slug: string): Promise<TDeepTree> {
  await signInAs('demo-auditor');
  const response = await documentExport(slug, 'format=xml');
  return (await readFile(response, 'xml')).tree!;
}

describe.each(Object.entries(DOCUMENTS) as [TKind, string][])('%s document (%s): the text in force', (kind, slug) => {
  it.each(ROLES.flatMap((role) => FORMATS.map((format) => [role, format] as const)))('%s, %s', async (role, format) => {
    const shown = IN_FORCE[role][kind];
    await as(role);
    const page = await getDocumentView(slug);
    expect(page === null, 'the page and the table agree').toBe(shown === 404);
    const response = await documentExport(slug, `format=${format}`);
    if (shown === 404) {
      expect(response.status).toBe(404);
      return;
    }
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(format === 'xml' ? 'application/xml; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const disposition = response.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    const name = decodeURIComponent(disposition.split("filename*=UTF-8''")[1]!);
    expect(name).toBe(`${page!.document.title}_第${page!.document.inForce!.edition}版${shown === 'excerpt' ? '_公開抜粋' : ''}.${format}`);

    const file = await readFile(response, format);
    const full = await inForceTree(slug);
    if (shown === 'excerpt') {
      // the public edition: 第1条 and 第23条 only, nothing of the rest
      const hidden = full.body.flatMap((n) => (n.kind === 'chapter' ? n.children : [n])).find((n) => n.id === 'a2')!;
      expect(file.text).not.toContain(hidden.children[0]!.sentences[0]!.slice(0, 20));
      if (file.tree) expect(articleIds(file.tree)).toEqual(['a1', 'a23']);
      expect(file.text).not.toContain(full.header[0] ?? '\u0000');
    } else if (file.tree) {
      expect(articleIds(file.tree)).toEqual(articleIds(full));
      expect(file.tree.tail.length).toBe(full.tail.length);
    } else {
      for (const id of ['a1', 'a2']) expect(file.text).toContain(full.body.flatMap((n) => (n.kind === 'chapter' ? n.children : [n])).find((n) => n.id === id)?.label ?? '');
    }
  });
});

describe('a named revision, as its revision page', () => {
  const cases = ROLES.flatMap((role) =>
    (
      [
        ['superseded 第1版 of the document with excerpts', DOCUMENTS.excerpts, 1],
        ['restricted 第1版', DOCUMENTS.restricted, 1],
        ['public 第1版', DOCUMENTS.public, 1],
        ['draft of the staff document', DOCUMENTS.staff, 0],
      ] as const
    ).flatMap(([what, slug, n]) => FORMATS.map((format) => [role, what, slug, n, format] as const)),
  );

  it.each(cases)('%s: %s (%s), %s', async (role, what, slug, n, format) => {
    const number = n === 0 ? draftNumber : n;
    await as(role);
    const page = await getRevisionPage(slug, number);
    const response = await revisionExport(slug, number, `format=${format}`);
    // a reader of the public edition has no revision pages, so no revision downloads either
    const expected = what.startsWith('draft') ? SEES_DRAFTS.has(role) : what.startsWith('restricted') ? IN_FORCE[role].restricted === 'full' : what.startsWith('public') ? true : IN_FORCE[role].excerpts === 'full';
    expect(page !== null, 'the page and the table agree').toBe(expected);
    expect(response.status).toBe(expected ? 200 : 404);
    if (!expected) return;
    const name = decodeURIComponent(response.headers.get('content-disposition')!.split("filename*=UTF-8''")[1]!);
    expect(name).toBe(`${page!.document.title}_${n === 0 ? `改正案（整理番号${number}）` : '第1版'}.${format}`);
    const file = await readFile(response, format);
    if (file.tree) expect(file.tree.title).not.toBe('');
  });
});

describe('what is hidden answers exactly like what is missing', () => {
  async function answer(response: Response) {
    return { status: response.status, type: response.headers.get('content-type'), body: await response.text() };
  }

  it('the text in force: a restricted document, a non-public one without excerpts, a missing one and a malformed slug', async () => {
    await signInAs(null);
    const answers = await Promise.all([
      documentExport(DOCUMENTS.staff, 'format=docx').then(answer),
      documentExport(DOCUMENTS.restricted, 'format=docx').then(answer),
      documentExport('no-such-document', 'format=docx').then(answer),
      documentExport('..%2Fetc', 'format=docx').then(answer),
    ]);
    expect(answers[0]!.status).toBe(404);
    for (const a of answers) expect(a).toEqual(answers[0]);
    expect(answers[0]!.body).not.toContain('サンプル');
  });

  it('a revision: a draft to a reader, a restricted revision to an outsider, a revision that does not exist, a document that does not exist', async () => {
    await signInAs('demo-staff-other');
    const answers = await Promise.all([
      revisionExport(DOCUMENTS.staff, draftNumber, 'format=xml').then(answer),
      revisionExport(DOCUMENTS.restricted, 1, 'format=xml').then(answer),
      revisionExport(DOCUMENTS.staff, 99999, 'format=xml').then(answer),
      revisionExport('no-such-document', 1, 'format=xml').then(answer),
    ]);
    expect(answers[0]!.status).toBe(404);
    for (const a of answers) expect(a).toEqual(answers[0]);
  });

  it('an excerpt reader naming a revision of the document with excerpts gets 404, as on the revision page', async () => {
    await signInAs(null);
    const [named, missing] = await Promise.all([revisionExport(DOCUMENTS.excerpts, 2, 'format=docx').then(answer), revisionExport('no-such-document', 2, 'format=docx').then(answer)]);
    expect(named).toEqual(missing);
  });
});

describe('the query', () => {
  it('answers a missing or unknown format with a typed Japanese error', async () => {
    await signInAs(null);
    for (const query of ['', 'format=pdf', 'format=XML']) {
      const response = await documentExport(DOCUMENTS.public, query);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: { code: 'INVALID_INPUT', message: 'format には docx 又は xml を指定してください。' } });
    }
  });

  it('asOf picks the text in force on that date, as on the document page', async () => {
    await signInAs('demo-staff');
    const response = await documentExport(DOCUMENTS.excerpts, 'format=xml&asOf=2023-01-01');
    expect(response.status).toBe(200);
    expect(decodeURIComponent(response.headers.get('content-disposition')!.split("filename*=UTF-8''")[1]!)).toContain('_第1版.xml');
    const before = await documentExport(DOCUMENTS.excerpts, 'format=xml&asOf=2020-01-01');
    expect(before.status).toBe(404);
  });
});

describe('the audit trail', () => {
  const exportsOf = (slug: string, login: string) => db().auditEvent.findMany({ where: { action: 'document.export', targetId: slug, actorLoginId: login }, orderBy: { seq: 'asc' } });

  it('records a download of a non-public document with its revision, format and edition', async () => {
    await signInAs('demo-staff');
    const before = (await exportsOf(DOCUMENTS.restricted, 'demo-staff')).length;
    expect((await documentExport(DOCUMENTS.restricted, 'format=docx')).status).toBe(200);
    const events = await exportsOf(DOCUMENTS.restricted, 'demo-staff');
    expect(events).toHaveLength(before + 1);
    expect(events.at(-1)).toMatchObject({ outcome: 'SUCCESS', details: { revision: 1, format: 'docx', edition: 'full', visibility: 'RESTRICTED' } });
  });

  it('records a refused download as a refusal, and none for a public document', async () => {
    await signInAs('demo-staff-other');
    expect((await revisionExport(DOCUMENTS.restricted, 1, 'format=xml')).status).toBe(404);
    expect((await exportsOf(DOCUMENTS.restricted, 'demo-staff-other')).at(-1)).toMatchObject({ outcome: 'DENIED' });
    expect((await documentExport(DOCUMENTS.public, 'format=xml')).status).toBe(200);
    expect(await exportsOf(DOCUMENTS.public, 'demo-staff-other')).toEqual([]);
  });
});

it('the XML of the basic policy names it as the page does', async () => {
  await signInAs(null);
  const law = parseXml(await (await documentExport(DOCUMENTS.public, 'format=xml')).text());
  expect(law.name).toBe('Law');
  expect(textOf(firstChild(firstChild(law, 'LawBody')!, 'LawTitle'))).toContain('府中市情報セキュリティ基本方針');
  expect(childElements(firstChild(firstChild(law, 'LawBody')!, 'MainProvision')!).length).toBeGreaterThan(0);
});
