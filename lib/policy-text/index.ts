export * from '@/lib/policy-text/tree';
export { parsePolicyText, type TParseError, type TParseOptions, type TParseResult, type TParseWarning } from '@/lib/policy-text/parse';
export { serializePolicyText, toPlainText } from '@/lib/policy-text/serialize';
export { findWarekiDate, formatWareki, formatWarekiWithIso, parseWarekiDate } from '@/lib/policy-text/wareki';
