export * from '@/lib/ingest/types';
export { detectFileType, type TDetectedType } from '@/lib/ingest/detect-file-type';
export { importDocx } from '@/lib/ingest/import-docx';
export { importPdf } from '@/lib/ingest/import-pdf';
export { importText } from '@/lib/ingest/import-text';
export { ingestFile, DEFAULT_MAX_BYTES } from '@/lib/ingest/ingest-file';
export { formatIngestWarning } from '@/lib/ingest/format-warning';
