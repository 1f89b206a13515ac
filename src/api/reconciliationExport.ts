// The reconciliation as CSV and as an Excel workbook, amounts in yuan, the total row last.
import ExcelJS from 'exceljs';
import type { Amounts, Reconciliation } from '../core/reconciliation.js';
import { csvField, inertText } from './csv.js';
import { fromFen } from '../core/money.js';

export const columns = [
  'decided',
  'paid',
  'confirmed',
  'unconfirmed',
  'outstanding',
  'overdue',
  'disputed',
  'cancelled',
] as const satisfies readonly (keyof Amounts)[];
const header = ['payeeType', 'payeeId', 'obligations', ...columns];

/** One line per payee then the total, as arrays of cells in `header` order. */
function table(r: Reconciliation): (string | number)[][] {
  const line = (type: string, id: string, a: Amounts & { obligations: number }) => [type, id, a.obligations, ...columns.map((c) => fromFen(a[c]))];
  return [...r.rows.map((row) => line(row.payeeType, row.payeeId, row)), line('total', '', r.total)];
}

export function reconciliationCsv(r: Reconciliation): string {
  return [header, ...table(r)].map((cells) => cells.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export async function reconciliationXlsx(r: Reconciliation, period: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Reconciliation');
  sheet.addRow([`period ${period}`, `as of ${r.asOf}`]);
  sheet.addRow(header).font = { bold: true };
  // Stored ids are text a spreadsheet must show, never run; amounts stay numbers.
  for (const cells of table(r)) sheet.addRow(cells.map((v) => (typeof v === 'string' ? inertText(v) : v)));
  sheet.lastRow!.font = { bold: true };
  for (let c = 4; c <= header.length; c++) sheet.getColumn(c).numFmt = '#,##0.00';
  return Buffer.from(await book.xlsx.writeBuffer());
}
