'use client';

import { DocumentForm, type TDepartmentChoice, type TParentChoice } from '@/components/documents-admin/document-form';
import type { TFormAction } from '@/components/forms/use-dal-form';
import type { TReadFileAction } from '@/components/import/file-upload-form';
import { ImportWorkspace } from '@/components/import/import-workspace';
import { ingestMessages } from '@/lib/messages/ingest';

const m = ingestMessages.screen;

/** 文書を取り込む: the file's text, checked and fixed, becomes a new document's first draft. */
export function NewDocumentImport({
  maxBytes,
  parents,
  departments,
  readAction,
  createAction,
}: {
  maxBytes: number;
  parents: TParentChoice[];
  departments: TDepartmentChoice[];
  readAction: TReadFileAction;
  createAction: TFormAction<{ slug: string }>;
}) {
  return (
    <ImportWorkspace
      maxBytes={maxBytes}
      readAction={readAction}
      saveForm={({ text, receipt, title }) => (
        <>
          <p className="max-w-[42rem] text-std-16N-170 text-solid-gray-800">{m.saveLeadNew}</p>
          <DocumentForm
            mode="create"
            initial={{ title, parentSlug: '', departmentCode: '', visibility: 'STAFF', requiredApprovals: 1, reviewIntervalMonths: 12 }}
            parents={parents}
            departments={departments}
            action={createAction}
            hiddenFields={{ text, receipt }}
            createLabels={{ idle: m.createNew, pending: m.saving }}
            createdNotice="imported"
          />
        </>
      )}
    />
  );
}
