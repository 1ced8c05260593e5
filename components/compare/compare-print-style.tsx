/*
 * The 新旧対照表 prints on A4 landscape, as municipalities file it. A plain <style> in the page
 * (not a CSS module): it leaves the document with the page, so other pages keep their portrait
 * @page. The site header carries no information on paper here, so it is left out too.
 */
const PRINT_CSS = `
@media print {
  @page { size: A4 landscape; margin: 15mm; }
  body > header { display: none !important; }
}
`;

export function ComparePrintStyle() {
  return <style>{PRINT_CSS}</style>;
}
