'use client';

import type { TFormAction } from '@/components/forms/use-dal-form';
import type { TReadFileAction } from '@/components/import/file-upload-form';
import { AmendSaveForm, ImportWorkspace } from '@/components/import/import-workspace';

/** ファイルから改正案を作る: the file's text, checked and fixed, becomes the document's new draft. */
export function AmendmentImport({
  slug,
  maxBytes,
  readAction,
  startAction,
}: {
  slug: string;
  maxBytes: number;
  readAction: TReadFileAction;
  startAction: TFormAction<{ slug: string; number: number }>;
}) {
  return (
    <ImportWorkspace
      slug={slug}
      maxBytes={maxBytes}
      readAction={readAction}
      saveForm={({ text, receipt }) => <AmendSaveForm slug={slug} text={text} receipt={receipt} action={startAction} />}
    />
  );
}
