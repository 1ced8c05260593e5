import { Breadcrumb } from '@/components/reader/breadcrumb';

/** ホーム › 規程一覧 › {文書} › … › the current page. */
export function HistoryBreadcrumb({ trail, current }: { trail: { href: string; label: string }[]; current: string }) {
  return <Breadcrumb trail={trail} current={current} />;
}
