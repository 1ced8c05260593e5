export * from '@/lib/policy-text/tree';
export { parsePolicyText, type TParseError, type TParseOptions, type TParseResult, type TParseWarning } from '@/lib/policy-text/parse';
export { serializePolicyText, toPlainText } from '@/lib/policy-text/serialize';
export { findWarekiDate, formatWareki, formatWarekiWithIso, parseWarekiDate } from '@/lib/policy-text/wareki';
export {
  compareTrees,
  type TCell,
  type TCellKind,
  type TCompareLimits,
  type TCompareOptions,
  type TComparison,
  type TComparisonLevel,
  type TComparisonStats,
  type TLine,
  type TLineTier,
  type TRow,
  type TRowKind,
  type TSpan,
} from '@/lib/policy-text/compare';
export { diffText, gapWidth, spansText, splitCharacters, type TDiffBudget, type TDiffOp } from '@/lib/policy-text/char-diff';
