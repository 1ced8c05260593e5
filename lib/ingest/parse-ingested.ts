import { ingestMessages } from '@/lib/messages/ingest';
import { parseDeepText } from '@/lib/policy-text/deep/parse';
import type { TDeepTree } from '@/lib/policy-text/deep/tree';
import type { TIngestKind, TIngestResult, TIngestWarning, TSourceMap } from '@/lib/ingest/types';

/**
 * The last step of every import: the produced text goes through the deep parser, so Word, PDF
 * and text files get the same inference; parser warnings are pointed back at the source file.
 */
export function parseIngested(options: {
  kind: TIngestKind;
  lines: readonly string[];
  where?: TSourceMap;
  warnings?: TIngestWarning[];
  adjust?: (tree: TDeepTree) => void;
}): TIngestResult {
  const text = `${options.lines.join('\n')}\n`;
  const where = (line: number): { where?: string } => {
    const place = options.where?.[line - 1];
    return place ? { where: place } : {};
  };
  const parsed = parseDeepText(text);
  if (!parsed.ok) {
    return {
      ok: false,
      code: 'NO_STRUCTURE',
      message: ingestMessages.errors.noStructure,
      details: parsed.errors.map((e) => ({ line: e.line, message: e.message, ...where(e.line) })),
    };
  }
  options.adjust?.(parsed.tree);
  const warnings = [...(options.warnings ?? []), ...parsed.warnings.map((w) => ({ line: w.line, message: w.message, ...where(w.line) }))];
  warnings.sort((a, b) => a.line - b.line);
  return { ok: true, kind: options.kind, text, tree: parsed.tree, warnings, ...(options.where ? { sources: options.where } : {}) };
}
