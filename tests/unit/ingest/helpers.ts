import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TIngestResult, TIngestSuccess } from '@/lib/ingest/types';

export const INGEST_FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/ingest');

export function ingestFixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(INGEST_FIXTURES, name)));
}

export function okOrThrow(result: TIngestResult): TIngestSuccess {
  if (!result.ok) throw new Error(`${result.code}: ${result.message} ${JSON.stringify(result.details ?? [])}`);
  return result;
}
