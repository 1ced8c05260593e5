import 'server-only';
import { cache } from 'react';

/*
 * Who is asking. Resolved once per request (React `cache`) and never passed in by callers:
 * every DAL function asks for it itself. Until accounts exist (issue 3) every reader is
 * anonymous, and anonymous readers see PUBLIC documents only.
 */
export type TActor = { kind: 'anonymous' };

export const getActor = cache(async (): Promise<TActor> => ({ kind: 'anonymous' }));
