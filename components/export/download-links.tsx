import { useId } from 'react';
import { exportMessages as m } from '@/lib/messages/export';
import { EXPORT_FORMATS, type TExportFormat } from '@/lib/policy-text-export/formats';

/*
 * 「ダウンロード」: the text the page shows, as Word or 法令標準XML. Plain links to the download
 * routes, which answer with an attachment (never a page), so Enter on a link saves the file. The
 * page renders the block only where the reader can download what it shows; the routes check again.
 */

const LABELS: Record<TExportFormat, { name: string; detail: string }> = {
  docx: { name: m.block.docx, detail: m.block.docxDetail },
  xml: { name: m.block.xml, detail: m.block.xmlDetail },
};

export function DownloadLinks({ href, what, note }: { href: Record<TExportFormat, string>; what: string; note?: string }) {
  const id = useId();
  return (
    <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1 text-std-16N-170 print:hidden">
      <p className="text-std-16B-170 text-solid-gray-800">
        {m.block.heading}
      </p>
      <ul aria-label={m.block.listLabel(what)} className="flex flex-wrap gap-x-6 gap-y-1">
        {EXPORT_FORMATS.map((format) => (
          <li key={format}>
            <a href={href[format]} download className="dads-link" {...(note ? { 'aria-describedby': `${id}-note` } : {})}>
              {LABELS[format].name}
              <span className="text-solid-gray-700">（{LABELS[format].detail}）</span>
            </a>
          </li>
        ))}
      </ul>
      {note && (
        <p id={`${id}-note`} className="basis-full text-dns-14N-130 text-solid-gray-700">
          {note}
        </p>
      )}
    </div>
  );
}

/** The routes of the downloads: the text in force (on asOf) or one revision. */
export function exportHrefs(slug: string, options: { revision?: number; asOf?: string } = {}): Record<TExportFormat, string> {
  const base = options.revision === undefined ? `/api/v1/documents/${slug}/export` : `/api/v1/documents/${slug}/revisions/${options.revision}/export`;
  const query = (format: TExportFormat) => new URLSearchParams({ format, ...(options.asOf && options.revision === undefined ? { asOf: options.asOf } : {}) }).toString();
  return { docx: `${base}?${query('docx')}`, xml: `${base}?${query('xml')}` };
}
