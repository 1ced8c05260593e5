/** The reader's address for a document, keeping the date being looked at when there is one. */
export function documentHref(slug: string, asOf?: string): string {
  return asOf ? `/documents/${slug}?asOf=${asOf}` : `/documents/${slug}`;
}
