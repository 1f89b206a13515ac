// Downloads the reconciliation as XLSX through the real app and opens its one sheet, as finance would.
import ExcelJS from 'exceljs';
import type { harness } from '../api/harness.js';

export async function reconciliationSheet(api: Awaited<ReturnType<typeof harness>>['api'], period: string): Promise<ExcelJS.Worksheet> {
  const res = await api
    .get(`/api/payments/reconciliation?period=${period}&format=xlsx`)
    .buffer(true)
    .parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => done(null, Buffer.concat(chunks)));
    })
    .expect(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.body as ArrayBuffer);
  return book.getWorksheet('Reconciliation')!;
}
