import 'server-only';
import { deepRevisionContent } from '@/lib/server/db/data-migrations/deep-revision-content';
import type { TDataMigration } from '@/lib/server/db/data-migrations/types';

/** Every data migration (docs/decisions/014), in name order. A landed one is never edited: add a new one. */
export const DATA_MIGRATIONS: readonly TDataMigration[] = [deepRevisionContent];
