import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, APIResponse } from '@playwright/test';

/*
 * Server actions called over HTTP the way React's client calls them: a POST to a page with the
 * action's id in `Next-Action` and the arguments encoded as multipart form data (`_1_<field>`
 * entries, and the argument list `[state, "$K1"]` or `["$K1"]` in field 0). The ids change with
 * every build, so they are read from the manifest of the build under test (E2E_NEXT_DIR, default
 * .next, which is where `npm start` builds).
 */

/** Every server action of the portal: the page it is posted to, and whether it takes a form state first. */
export const ACTIONS = {
  createDepartmentAction: { page: () => '/admin/departments', state: true },
  renameDepartmentAction: { page: () => '/admin/departments', state: true },
  createAccountAction: { page: () => '/admin/accounts', state: true },
  setDirectoryLinkAction: { page: () => '/admin/accounts', state: true },
  updateAccountAction: { page: () => '/admin/accounts', state: true },
  resetPasswordAction: { page: () => '/admin/accounts', state: true },
  setAccountStatusAction: { page: () => '/admin/accounts', state: true },
  addGrantAction: { page: () => '/admin/grants', state: true },
  revokeGrantAction: { page: () => '/admin/grants', state: true },
  createDocumentAction: { page: () => '/documents/new', state: true },
  readPolicyFileAction: { page: () => '/documents/new/import', state: false },
  createDocumentFromFileAction: { page: () => '/documents/new/import', state: true },
  readAmendmentFileAction: { page: (slug: string) => `/documents/${slug}/import`, state: false },
  startDraftFromFileAction: { page: (slug: string) => `/documents/${slug}/import`, state: true },
  updateDocumentMetadataAction: { page: (slug: string) => `/documents/${slug}/settings`, state: true },
  saveExcerptsAction: { page: (slug: string) => `/documents/${slug}/excerpts`, state: true },
  startExcerptDraftAction: { page: (slug: string) => `/documents/${slug}/excerpts`, state: true },
  startDraftAction: { page: (slug: string) => `/documents/${slug}/edit`, state: true },
  withdrawRevisionAction: { page: (slug: string) => `/documents/${slug}/edit`, state: true },
  saveDraftAction: { page: (slug: string) => `/documents/${slug}/edit`, state: false },
  submitRevisionAction: { page: (slug: string) => `/documents/${slug}/edit`, state: false },
  checkEffectiveDateAction: { page: (slug: string) => `/documents/${slug}/edit`, state: false },
  approveRevisionAction: { page: (slug: string, n = '1') => `/approvals/${slug}/${n}`, state: false },
  rejectRevisionAction: { page: (slug: string, n = '1') => `/approvals/${slug}/${n}`, state: false },
  confirmRevisionAction: { page: (slug: string, n = '1') => `/approvals/${slug}/${n}`, state: false },
  verifyChainAction: { page: () => '/audit', state: null },
  acknowledgeRevisionAction: { page: (slug: string) => `/acknowledgments/${slug}`, state: false },
} as const;
export type TActionName = keyof typeof ACTIONS;

let manifest: Map<string, string> | null = null;

export function actionId(name: TActionName): string {
  if (!manifest) {
    const file = path.join(process.env.E2E_NEXT_DIR ?? '.next', 'server', 'server-reference-manifest.json');
    const entries = Object.entries((JSON.parse(readFileSync(file, 'utf8')) as { node: Record<string, { exportedName?: string; filename?: string }> }).node);
    manifest = new Map(entries.filter(([, v]) => v.filename?.startsWith('app/')).map(([id, v]) => [v.exportedName ?? '', id]));
  }
  const id = manifest.get(name);
  if (!id) throw new Error(`server action ${name} is not in the build's manifest`);
  return id;
}

/** The multipart body a form sends to an action: its fields (repeated for lists) and the argument list. */
export function actionForm(fields: Record<string, string | string[]>, state: boolean | null, root?: string): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) form.append(`_1_${name}`, v);
  form.append('0', root ?? (state === null ? '[]' : state ? '[null,"$K1"]' : '["$K1"]'));
  return form;
}

export async function postAction(
  context: APIRequestContext,
  name: TActionName,
  fields: Record<string, string | string[]>,
  options: { slug?: string; number?: string; headers?: Record<string, string>; root?: string; timeout?: number } = {},
): Promise<APIResponse> {
  const { page, state } = ACTIONS[name];
  return context.post(page(options.slug ?? '', options.number), {
    headers: { 'next-action': actionId(name), accept: 'text/x-component', ...options.headers },
    multipart: actionForm(fields, state, options.root),
    maxRedirects: 0,
    timeout: options.timeout ?? 15_000,
  });
}

/** The action's return value, read from the RSC rows of the response (row 0 names the row that holds it). */
export async function actionResult<T = { ok: boolean; data?: unknown; error?: { code: string; message: string } }>(response: APIResponse): Promise<T | null> {
  const rows = new Map(
    (await response.text())
      .split('\n')
      .filter((line) => /^[0-9a-f]+:/.test(line))
      .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1)]),
  );
  try {
    const head = JSON.parse(rows.get('0') ?? 'null') as { a?: string } | null;
    const ref = head?.a?.replace(/^\$@/, '');
    return ref && rows.has(ref) ? (JSON.parse(rows.get(ref)!) as T) : null;
  } catch {
    return null;
  }
}
