/** The download formats of a document's text, client-safe (the page's download links name them). */
export const EXPORT_FORMATS = ['docx', 'xml'] as const;
export type TExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_CONTENT_TYPES: Record<TExportFormat, string> = {
  xml: 'application/xml; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};
