import { exportMessages } from '@/lib/messages/export';
import { EXPORT_FORMATS } from '@/lib/policy-text-export/formats';
import { ZIsoDate } from '@/lib/schemas/documents';
import { z } from '@/lib/schemas/z';

/** ?format=docx|xml of a download */
export const ZExportFormat = z.enum(EXPORT_FORMATS, { error: exportMessages.errors.format });

export const ZRevisionExportQuery = z.object({ format: ZExportFormat });
export const ZDocumentExportQuery = z.object({ format: ZExportFormat, asOf: ZIsoDate.optional() });
