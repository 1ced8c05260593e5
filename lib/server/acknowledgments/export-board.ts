import 'server-only';
import ExcelJS from 'exceljs';
import type { TAckObligation } from '@/lib/domain/acknowledgments';
import { acknowledgmentMessages as m } from '@/lib/messages/acknowledgments';
import { recordStandaloneEvent } from '@/lib/server/audit/record-event';
import { getActor, requirePermission } from '@/lib/server/auth/actor';
import { getRequestContext } from '@/lib/server/request-context';
import { listObligations } from '@/lib/server/acknowledgments/obligations';
import { resolveBoardQuery } from '@/lib/server/acknowledgments/get-board';

export type TExportFormat = 'xlsx' | 'csv';

export interface TBoardExport {
  body: Uint8Array;
  contentType: string;
  filename: string;
}

const cells = (row: TAckObligation): string[] => [
  row.title,
  m.edition(row.edition, row.number),
  row.effectiveDate,
  row.departmentName ?? '',
  row.displayName,
  row.loginId,
  m.states[row.state]!,
  row.dueOn,
  row.acknowledgedAt && row.state === 'done' ? new Date(row.acknowledgedAt).toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo' }) : '',
  row.lastNumber !== null ? m.edition(row.lastEdition, row.lastNumber) : '',
];

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\, unique in the workbook. */
function sheetName(title: string, taken: Set<string>): string {
  const base = title.replace(/[[\]:*?/\\]/g, '・').slice(0, 28) || m.export.sheetAll;
  let name = base;
  for (let i = 2; taken.has(name); i += 1) name = `${base.slice(0, 27)}(${i})`;
  taken.add(name);
  return name;
}

const csvField = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/**
 * The managers' view as a file, in the same scope as the screen (decided here, from the permission
 * table): .xlsx with one sheet per document, or CSV in UTF-8 with a BOM (Excel opens it as UTF-8).
 * Every export is in the audit trail with its filter and size.
 */
export async function exportAcknowledgmentBoard(input: { format: TExportFormat } & Record<string, unknown>): Promise<TBoardExport> {
  const actor = await getActor();
  requirePermission(actor, 'acknowledgment:export', { action: 'acknowledgment.export' });
  const { query, filter } = await resolveBoardQuery({ unit: input.unit, state: input.state, document: input.document }, 'acknowledgment.export');
  const rows = await listObligations(query);
  const stamp = query.today.replaceAll('-', '');
  let result: TBoardExport;
  if (input.format === 'csv') {
    const lines = [m.export.headers.join(','), ...rows.map((row) => cells(row).map(csvField).join(','))];
    result = { body: new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`), contentType: 'text/csv; charset=utf-8', filename: `acknowledgments-${stamp}.csv` };
  } else {
    const workbook = new ExcelJS.Workbook();
    const taken = new Set<string>();
    const byDocument = new Map<string, TAckObligation[]>();
    for (const row of rows) byDocument.set(row.slug, [...(byDocument.get(row.slug) ?? []), row]);
    if (byDocument.size === 0) workbook.addWorksheet(m.export.sheetAll).addRow([...m.export.headers]);
    for (const documentRows of byDocument.values()) {
      const sheet = workbook.addWorksheet(sheetName(documentRows[0]!.title, taken));
      sheet.addRow([...m.export.headers]).font = { bold: true };
      for (const row of documentRows) sheet.addRow(cells(row));
      sheet.columns.forEach((column, i) => (column.width = [28, 10, 12, 18, 18, 18, 10, 12, 20, 14][i] ?? 14));
      sheet.views = [{ state: 'frozen', ySplit: 1 }];
    }
    const buffer = await workbook.xlsx.writeBuffer();
    result = { body: new Uint8Array(buffer as ArrayBuffer), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', filename: `acknowledgments-${stamp}.xlsx` };
  }
  await recordStandaloneEvent({
    action: 'acknowledgment.export',
    outcome: 'SUCCESS',
    actor,
    context: await getRequestContext(),
    targetType: 'acknowledgments',
    details: { format: input.format, unit: filter.unit ?? null, state: filter.state ?? null, document: filter.document ?? null, rows: rows.length },
  });
  return result;
}
