/*
 * People at work: anonymous readers, signed-in staff and editors saving drafts, each in a loop
 * with no pause until told to stop. Every request and every save is recorded.
 */
import { HttpClient, type TTimedResponse } from './http-client';
import { draftText, marker, type DraftSession, type TSaveRecord } from './harness';

export interface TRequestRecord {
  kind: 'reader' | 'staff' | 'editor' | 'search';
  path: string;
  started: number;
  response: TTimedResponse;
}

export const READER_PATHS = ['/', '/documents', '/documents/basic-policy', '/api/v1/documents', '/api/v1/documents/basic-policy', '/documents/basic-policy/revisions'];
export const STAFF_PATHS = ['/', '/documents/sample-standard', '/documents/sample-procedure-password', '/api/v1/documents/sample-standard', '/documents/sample-standard/revisions'];
export const SEARCH_PATHS = ['/search?q=%E6%83%85%E5%A0%B1', '/api/v1/search?q=%E3%83%91%E3%82%B9%E3%83%AF%E3%83%BC%E3%83%89', '/api/v1/search?q=%E7%AE%A1%E7%90%86'];

// A person whose request failed does not retry within microseconds; neither do these.
const pause = () => new Promise((resolve) => setTimeout(resolve, 50));

export interface TWorkload {
  readers: HttpClient[];
  staff: HttpClient[];
  searchers: HttpClient[];
  editors: { session: DraftSession; baseText: string; who: string }[];
  runId: string;
}

export async function runWorkload(workload: TWorkload, options: { stop: () => boolean; requests: TRequestRecord[]; saves: TSaveRecord[]; searchPaths?: string[] }): Promise<void> {
  const browse = async (kind: TRequestRecord['kind'], client: HttpClient, paths: string[], offset: number) => {
    for (let i = offset; !options.stop(); i += 1) {
      const path = paths[i % paths.length]!;
      const started = performance.now();
      const response = await client.get(path);
      options.requests.push({ kind, path, started, response });
      if (response.status >= 400 || response.status === 0) await pause();
    }
  };
  const edit = async ({ session, baseText, who }: TWorkload['editors'][number]) => {
    for (let i = 0; !options.stop(); i += 1) {
      const started = performance.now();
      const save = await session.save(draftText(baseText, marker(workload.runId, who)));
      options.saves.push(save);
      options.requests.push({ kind: 'editor', path: `save ${session.slug}`, started, response: save.response });
      if (save.outcome === 'failed') await pause();
    }
  };
  const searchPaths = options.searchPaths ?? SEARCH_PATHS;
  await Promise.all([
    ...workload.readers.map((c, i) => browse('reader', c, READER_PATHS, i)),
    ...workload.staff.map((c, i) => browse('staff', c, STAFF_PATHS, i)),
    ...(searchPaths.length ? workload.searchers.map((c, i) => browse('search', c, searchPaths, i)) : []),
    ...workload.editors.map(edit),
  ]);
}
