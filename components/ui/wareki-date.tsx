import { formatWareki, formatWarekiWithIso } from '@/lib/policy-text/wareki';

/** An ISO date shown in 和暦, optionally followed by the ISO form: 令和4年5月26日 (2022-05-26). */
export function WarekiDate({ iso, withIso = false }: { iso: string; withIso?: boolean }) {
  return <time dateTime={iso}>{withIso ? formatWarekiWithIso(iso) : formatWareki(iso)}</time>;
}
