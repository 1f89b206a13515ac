// A CSV upload of figures, one per row under the header period,communityId,metric,value and, if
// the file names its department, submittedBy (columns in any order). Syntax errors are 400; rows that parse but say something impossible are
// 422 with their line and column, and a pointer /<row index>/<column> into the rows as objects.
import { CsvSyntaxError, parseCsv } from './csv.js';
import { csvColumns, csvRowSchema, fail, optionalCsvColumns, type Figure, type Locate } from './figures.js';
import { Problem, type FieldError } from './problem.js';

export function figuresFromCsv(text: string): { figures: Figure[]; locate: Locate } {
  let records;
  try {
    records = parseCsv(text);
  } catch (err) {
    if (err instanceof CsvSyntaxError) throw Problem.field(400, { line: err.line, pointer: '', message: err.message });
    throw err;
  }
  const [header, ...rows] = records;
  const expected = `${csvColumns.join(',')}[,${optionalCsvColumns.join(',')}]`;
  const columns = header?.fields ?? [];
  const known: readonly string[] = [...csvColumns, ...optionalCsvColumns];
  const missing = csvColumns.filter((c) => !columns.includes(c));
  if (!header || missing.length || columns.some((c) => !known.includes(c)) || new Set(columns).size !== columns.length) {
    throw Problem.field(422, { line: header?.line ?? 1, pointer: '', message: `expected the header ${expected}, got ${columns.join(',') || 'nothing'}` });
  }
  if (rows.length === 0) throw Problem.field(422, { line: 2, pointer: '', message: 'expected at least one row of figures' });

  const lines = rows.map((r) => r.line);
  const locate: Locate = (i, field) => ({ line: lines[i], column: field, pointer: `/${i}/${field}` });
  const errors: FieldError[] = [];
  const figures: Figure[] = [];
  rows.forEach((row, i) => {
    if (row.fields.length !== columns.length) {
      errors.push({ line: row.line, pointer: `/${i}`, message: `expected ${columns.length} fields, found ${row.fields.length}` });
      return;
    }
    const parsed = csvRowSchema.safeParse(Object.fromEntries(columns.map((c, k) => [c, row.fields[k]])));
    if (parsed.success) figures.push(parsed.data);
    else for (const issue of parsed.error.issues) errors.push({ ...locate(i, issue.path[0] as keyof Figure), message: issue.message });
  });
  if (errors.length) fail(errors);
  return { figures, locate };
}
