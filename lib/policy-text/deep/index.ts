export * from '@/lib/policy-text/deep/tree';
export { parseDeepText, type TDeepParseOptions, type TDeepParseResult, type TDeepParseWarning } from '@/lib/policy-text/deep/parse';
export { serializeDeepTree } from '@/lib/policy-text/deep/serialize';
export { deepTreeToLawXml, lawXmlToDeepTree, type TLawXmlResult } from '@/lib/policy-text/deep/xml';
export { deepTreeFromLegacy, legacyAnchors } from '@/lib/policy-text/deep/from-legacy';
export { citeAnchor } from '@/lib/policy-text/deep/citation';
export { decodeText, type TDecodeResult, type TTextEncoding } from '@/lib/policy-text/deep/decode';
export { parseLabels, type TLabel, type TLabelStyle } from '@/lib/policy-text/deep/labels';
