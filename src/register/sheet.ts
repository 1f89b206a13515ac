// The register's spreadsheet, as a station keeps it: one row per person, the columns below under
// their Chinese header (the English one is accepted too). The import reads it from CSV or XLSX, the
// export writes it. A CSV's lines starting with # are comments (the export's watermark).
import ExcelJS from 'exceljs';
import { parseCsv, CsvSyntaxError } from '../api/csv.js';

export const sheetColumns = [
  { key: 'building', zh: '楼栋号' },
  { key: 'door', zh: '门牌号' },
  { key: 'card', zh: '户号' },
  { key: 'name', zh: '姓名' },
  { key: 'idNumber', zh: '身份证号' },
  { key: 'phone', zh: '联系电话' },
  { key: 'class', zh: '人员类别' },
  { key: 'fromDate', zh: '起始日期' },
  { key: 'registeredOn', zh: '暂住登记日期' },
  { key: 'permitNumber', zh: '居住证号' },
  { key: 'permitExpiresOn', zh: '居住证有效期至' },
  { key: 'keyPersonCategory', zh: '重点人口类别' },
  { key: 'listedOn', zh: '列管日期' },
  // The key person's help group (帮教小组) besides the community officer, who is the community's own.
  { key: 'securityCadre', zh: '治保干部' },
  { key: 'securityCadrePhone', zh: '治保干部电话' },
  { key: 'parent', zh: '家长' },
  { key: 'parentPhone', zh: '家长电话' },
  // The rented home (出租房屋) at the row's door: every row of the door that states it states the same.
  { key: 'landlord', zh: '出租房屋房东' },
  { key: 'rentedFrom', zh: '出租起始日期' },
  { key: 'lastInspectedOn', zh: '出租房屋最近检查日期' },
] as const;

export type SheetKey = (typeof sheetColumns)[number]['key'];
export const requiredColumns: readonly SheetKey[] = ['building', 'door', 'card', 'name', 'idNumber', 'class', 'fromDate'];

/** One data row: its line in the file (1-based, the header's is before it) and its cells by column, trimmed. */
export interface SheetRow {
  line: number;
  cells: Partial<Record<SheetKey, string>>;
}

export interface SheetError {
  line: number;
  column: string;
  message: string;
}

/** The rows of a file, or why the file as a whole cannot be read; `header` names each column as the file does. */
export type Sheet = { rows: SheetRow[]; header: Partial<Record<SheetKey, string>> } | { refused: SheetError[] };

const byHeader = new Map<string, SheetKey>(sheetColumns.flatMap((c) => [[c.zh, c.key] as const, [c.key.toLowerCase(), c.key] as const]));

function readHeader(line: number, cells: string[]): { keys: (SheetKey | undefined)[]; header: Partial<Record<SheetKey, string>> } | { refused: SheetError[] } {
  const header: Partial<Record<SheetKey, string>> = {};
  const keys = cells.map((cell) => {
    const key = byHeader.get(cell.trim()) ?? byHeader.get(cell.trim().toLowerCase());
    if (key && header[key] === undefined) header[key] = cell.trim();
    return key;
  });
  const missing = requiredColumns.filter((k) => header[k] === undefined);
  if (missing.length === 0) return { keys, header };
  return {
    refused: missing.map((k) => ({
      line,
      column: sheetColumns.find((c) => c.key === k)!.zh,
      message: `the header row has no column ${sheetColumns.find((c) => c.key === k)!.zh} (${k})`,
    })),
  };
}

function toSheet(records: { line: number; cells: string[] }[]): Sheet {
  const [first, ...data] = records;
  if (!first) return { refused: [{ line: 1, column: '', message: 'the file has no header row' }] };
  const head = readHeader(first.line, first.cells);
  if ('refused' in head) return head;
  const rows = data
    .map(({ line, cells }) => {
      const row: SheetRow = { line, cells: {} };
      head.keys.forEach((key, i) => {
        // An export makes text that looks like a formula inert with a leading quote; it reads back as typed.
        const value = cells[i]?.trim().replace(/^'(?=[=+\-@])/, '');
        if (key && value) row.cells[key] = value;
      });
      return row;
    })
    .filter((r) => Object.keys(r.cells).length > 0);
  return { rows, header: head.header };
}

/** A CSV file (UTF-8, with or without BOM); comment lines (#) are blanked so line numbers hold. */
export function readCsvSheet(bytes: Buffer): Sheet {
  const text = bytes
    .toString('utf8')
    .split('\n')
    .map((l) => (/^\uFEFF?#/.test(l) ? '' : l))
    .join('\n');
  try {
    return toSheet(parseCsv(text).map((r) => ({ line: r.line, cells: r.fields })));
  } catch (e) {
    if (e instanceof CsvSyntaxError) return { refused: [{ line: e.line, column: '', message: e.message }] };
    throw e;
  }
}

/** A cell's value as the text a person typed: dates as YYYY-MM-DD, numbers as written, formulas by their result. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) >= 1e15 ? value.toFixed(0) : String(value);
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('text' in value) return String(value.text);
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  if ('error' in value) return String(value.error);
  return '';
}

/**
 * The first worksheet of an XLSX file. Not with exceljs's streaming reader: 4.4.0 decodes each
 * chunk of the zip entry on its own, so a Chinese character split across two chunks comes out as
 * replacement characters (4 names garbled in 10,000 when tried). Loaded whole, each entry is decoded
 * in one piece; a county's 100,000 rows fit in memory.
 */
export async function readXlsxSheet(bytes: Buffer): Promise<Sheet> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    return { refused: [{ line: 1, column: '', message: `not a readable XLSX workbook: ${(e as Error).message}` }] };
  }
  const sheet = book.worksheets[0];
  if (!sheet) return { refused: [{ line: 1, column: '', message: 'the workbook has no worksheet' }] };
  const records: { line: number; cells: string[] }[] = [];
  sheet.eachRow((row) => records.push({ line: row.number, cells: (row.values as ExcelJS.CellValue[]).slice(1).map((v) => cellText(v)) }));
  return toSheet(records);
}
