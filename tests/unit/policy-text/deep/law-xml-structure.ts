import { type TElement, parseXml } from '@/lib/policy-text/deep/xml-element';

/*
 * The content models of 法令標準XML (schema v3, as published by e-Gov) for the elements our
 * writer uses: which children each element may have, in which order, and the required
 * attributes. Children are matched as a comma-terminated list of names. Where the schema allows
 * more than our writer needs (LawBody starting with TOC or EnactStatement) the model is the
 * narrower one; otherwise it is the schema's sequence and choice, element for element.
 */

const SENTENCES = '((Sentence,)+|(Column,)+|Table,)';
const STRUCTS = '(TableStruct|FigStruct|StyleStruct|List)';
const TEXT = '';

function subitem(n: number): string {
  const next = n < 10 ? `(Subitem${n + 1},)*` : '';
  return `(Subitem${n}Title,)?Subitem${n}Sentence,${next}(${STRUCTS},)*`;
}

const MODELS: Record<string, string | null> = {
  Law: 'LawNum,LawBody,',
  LawBody: 'LawTitle,(EnactStatement,)*(TOC,)?(Preamble,)?MainProvision,((SupplProvision|AppdxTable|AppdxNote|AppdxStyle|Appdx|AppdxFig|AppdxFormat),)*',
  TOC: '(TOCLabel,)?(TOCPreambleLabel,)?((TOCPart,)+|(TOCChapter,)+|(TOCSection,)+|(TOCArticle,)+)(TOCSupplProvision,)?(TOCAppdxTableLabel,)*',
  TOCChapter: 'ChapterTitle,(ArticleRange,)?(TOCSection,)*',
  TOCSection: 'SectionTitle,(ArticleRange,)?((TOCSubsection|TOCDivision),)*',
  TOCArticle: 'ArticleTitle,ArticleCaption,',
  TOCSupplProvision: 'SupplProvisionLabel,(ArticleRange,)?((TOCArticle|TOCChapter),)*',
  Preamble: '(Paragraph,)+',
  MainProvision: '((Part,)+|(Chapter,)+|(Section,)+|(Article,)+|(Paragraph,)+)',
  Part: 'PartTitle,((Article,)+(Chapter,)*|(Chapter,)+)',
  Chapter: 'ChapterTitle,((Article,)+(Section,)*|(Section,)+)',
  Section: 'SectionTitle,((Article,)+(Subsection,)*|(Subsection,)+|(Division,)+)',
  Subsection: 'SubsectionTitle,((Article,)+(Division,)*|(Division,)+)',
  Division: 'DivisionTitle,(Article,)+',
  Article: '(ArticleCaption,ArticleTitle,|ArticleTitle,(ArticleCaption,)?)(Paragraph,)+(SupplNote,)?',
  Paragraph: `(ParagraphCaption,)?ParagraphNum,ParagraphSentence,((AmendProvision,)*|(Class,)*|((TableStruct|FigStruct|StyleStruct),)+(Item,)*|(Item,)+(${STRUCTS},)*)`,
  ParagraphSentence: '(Sentence,)+',
  Item: `(ItemTitle,)?ItemSentence,(Subitem1,)*(${STRUCTS},)*`,
  ItemSentence: SENTENCES,
  ...Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`Subitem${i + 1}`, subitem(i + 1)])),
  ...Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`Subitem${i + 1}Sentence`, SENTENCES])),
  TableStruct: '(TableStructTitle,)?(Remarks,)*Table,(Remarks,)*',
  Table: '(TableHeaderRow,)*(TableRow,)+',
  TableHeaderRow: '(TableHeaderColumn,)+',
  TableRow: '(TableColumn,)+',
  TableColumn: `((Part,)+|(Chapter,)+|(Section,)+|(Subsection,)+|(Division,)+|(Article,)+|(Paragraph,)+|(Item,)+|${Array.from({ length: 10 }, (_, i) => `(Subitem${i + 1},)+`).join('|')}|(FigStruct,)+|Remarks,|(Sentence,)+|(Column,)+)`,
  Remarks: 'RemarksLabel,((Item,)+|(Sentence,)+)',
  SupplProvision: 'SupplProvisionLabel,((Chapter|Article|Paragraph),)+((SupplProvisionAppdxTable|SupplProvisionAppdxStyle|SupplProvisionAppdx),)*',
  AppdxTable: '(AppdxTableTitle,)?(RelatedArticleNum,)?((TableStruct|Item),)*(Remarks,)?',
  AppdxNote: '(AppdxNoteTitle,)?(RelatedArticleNum,)?((NoteStruct|FigStruct|TableStruct),)*(Remarks,)?',
  AppdxStyle: '(AppdxStyleTitle,)?(RelatedArticleNum,)?(StyleStruct,)*(Remarks,)?',
  Appdx: '(ArithFormulaNum,)?(RelatedArticleNum,)?(ArithFormula,)+(Remarks,)?',
  NoteStruct: '(NoteStructTitle,)?(Remarks,)*Note,(Remarks,)*',
  StyleStruct: '(StyleStructTitle,)?(Remarks,)*Style,(Remarks,)*',
  // type "any": free content
  Note: null,
  Style: null,
  ArithFormula: null,
};

for (const name of [
  'LawNum', 'LawTitle', 'EnactStatement', 'TOCLabel', 'ArticleRange', 'PartTitle', 'ChapterTitle', 'SectionTitle', 'SubsectionTitle', 'DivisionTitle',
  'ArticleTitle', 'ArticleCaption', 'ParagraphCaption', 'ParagraphNum', 'ItemTitle', 'Sentence', 'TableHeaderColumn', 'RemarksLabel',
  'SupplProvisionLabel', 'AppdxTableTitle', 'AppdxNoteTitle', 'AppdxStyleTitle', 'ArithFormulaNum', 'RelatedArticleNum',
  ...Array.from({ length: 10 }, (_, i) => `Subitem${i + 1}Title`),
]) {
  MODELS[name] = TEXT;
}

const NUM_REQUIRED = new Set(['Part', 'Chapter', 'Section', 'Subsection', 'Division', 'Article', 'Paragraph', 'Item', 'TOCChapter', 'TOCSection', 'TOCArticle', ...Array.from({ length: 10 }, (_, i) => `Subitem${i + 1}`)]);
const ENUMS: Record<string, Record<string, RegExp>> = {
  Law: { Era: /^(Meiji|Taisho|Showa|Heisei|Reiwa)$/, Year: /^[1-9][0-9]*$/, Num: /^[1-9][0-9]*$/, LawType: /^(Constitution|Act|CabinetOrder|ImperialOrder|MinisterialOrdinance|Rule|Misc)$/, Lang: /^(ja|en)$/ },
  Sentence: { Function: /^(main|proviso)$/, Indent: /^(Paragraph|Item|Subitem([1-9]|10))$/, Num: /^[1-9][0-9]*$/ },
  Paragraph: { Num: /^[1-9][0-9]*$/ },
  SupplProvision: { Extract: /^(true|false)$/, Type: /^(New|Amend)$/ },
  AppdxTable: { Num: /^[1-9][0-9]*$/ },
  AppdxNote: { Num: /^[1-9][0-9]*$/ },
  AppdxStyle: { Num: /^[1-9][0-9]*$/ },
  ArithFormula: { Num: /^[1-9][0-9]*$/ },
};

/** Every violation of the content models in an XML document; [] when it is valid. */
export function validateLawXml(xml: string): string[] {
  const errors: string[] = [];
  const visit = (node: TElement, path: string): void => {
    const here = `${path}/${node.name}`;
    const model = MODELS[node.name];
    if (model === undefined) {
      errors.push(`${here}: unknown element`);
      return;
    }
    if (NUM_REQUIRED.has(node.name) && !node.attrs.Num) errors.push(`${here}: Num is required`);
    for (const [attr, pattern] of Object.entries(ENUMS[node.name] ?? {})) {
      const value = node.attrs[attr];
      if (node.name === 'Law' && value === undefined) errors.push(`${here}: ${attr} is required`);
      if (value !== undefined && !pattern.test(value)) errors.push(`${here}: ${attr}="${value}" is not allowed`);
    }
    if (model === null) return;
    const elements = node.children.filter((c): c is TElement => typeof c !== 'string');
    const sequence = elements.map((c) => `${c.name},`).join('');
    if (!new RegExp(`^${model}$`).test(sequence)) errors.push(`${here}: children ${sequence || '(none)'} do not match ${model}`);
    if (model !== TEXT && node.children.some((c) => typeof c === 'string' && c.trim() !== '')) errors.push(`${here}: text where only elements may be`);
    elements.forEach((child) => visit(child, here));
  };
  const root = parseXml(xml);
  if (root.name !== 'Law') errors.push(`/${root.name}: the document element must be Law`);
  visit(root, '');
  return errors;
}
