'use client';

import { useEffect, useState } from 'react';
import { parseDeepText, type TDeepParseResult } from '@/lib/policy-text/deep/parse';
import type { TDeepTree } from '@/lib/policy-text/deep/tree';

const PARSE_DEBOUNCE_MS = 300;

export type TDeepParseState = { parsed: TDeepParseResult; lastGood: TDeepTree | null };

function parseNow(text: string, previous: TDeepTree | null = null): TDeepParseState {
  const parsed = parseDeepText(text);
  return { parsed, lastGood: parsed.ok ? parsed.tree : previous };
}

/**
 * The text parsed with the deep parser in the browser, as the person types, once they pause. While
 * the text does not parse, the last tree that did is kept for the preview.
 */
export function useDeepParse(text: string): TDeepParseState {
  const [state, setState] = useState(() => parseNow(text));
  useEffect(() => {
    const timer = window.setTimeout(() => setState((previous) => parseNow(text, previous.lastGood)), PARSE_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text]);
  return state;
}

/** The lines to mark beside the text: errors while it does not parse, else its warnings. */
export function issueLines(parsed: TDeepParseResult): { errorLines: Set<number>; warningLines: Set<number> } {
  return parsed.ok
    ? { errorLines: new Set(), warningLines: new Set(parsed.warnings.map((w) => w.line)) }
    : { errorLines: new Set(parsed.errors.map((e) => e.line)), warningLines: new Set() };
}
