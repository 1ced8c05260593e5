import { Breadcrumb } from '@/components/reader/breadcrumb';

/** ホーム › … › the current screen, for the workflow screens below a document or the approvals. */
export function WorkflowBreadcrumb({ trail, current }: { trail: { href: string; label: string }[]; current: string }) {
  return <Breadcrumb inLibrary={false} trail={trail} current={current} />;
}
