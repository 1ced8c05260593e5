import { messages as m } from '@/lib/messages/ja';

/**
 * On paper only: where the printed text is found (the revision's own address), so that a printed
 * copy can be checked against the text in force. The 施行日 is printed with the title block.
 */
export function PrintSource({ url }: { url: string }) {
  return <p className="hidden print:mt-3 print:block print:text-[9pt] print:break-all">{m.reader.printSource(url)}</p>;
}
