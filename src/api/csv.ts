// A small RFC 4180 reader and writer: comma-separated, double-quoted fields with "" escapes and
// embedded newlines, CRLF or LF. Each record read keeps the line it starts on so errors can point at it.

export interface CsvRecord {
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

export function parseCsv(text: string): CsvRecord[] {
  const src = text.replace(/^\uFEFF/, '');
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false; // the current field was quoted
  let anyQuoted = false; // the current record had a quoted field, so it is not blank
  let line = 1;
  let recordLine = 1;

  const endField = () => {
    fields.push(quoted ? field : field.trim());
    field = '';
    quoted = false;
  };
  const endRecord = () => {
    endField();
    const blank = fields.length === 1 && fields[0] === '' && !anyQuoted;
    if (!blank) records.push({ line: recordLine, fields });
    fields = [];
    anyQuoted = false;
  };

  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (ch === '"') {
      if (quoted || field.trim() !== '') throw new CsvSyntaxError(line, 'a double quote may only open a field; write "" inside a quoted field');
      const opened = line;
      field = '';
      i++;
      for (;;) {
        if (i >= src.length) throw new CsvSyntaxError(opened, 'unterminated quoted field');
        const c = src[i];
        if (c === '"' && src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        if (c === '"') {
          i++;
          break;
        }
        if (c === '\n') line++;
        field += c;
        i++;
      }
      quoted = anyQuoted = true;
      const after = src.slice(i).match(/^[ \t]*/)![0].length;
      i += after;
      if (i < src.length && !',\r\n'.includes(src[i])) throw new CsvSyntaxError(line, 'unexpected text after a closing quote');
      continue;
    }
    if (ch === ',') {
      endField();
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1;
      recordLine = ++line;
      continue;
    }
    field += ch;
    i++;
  }
  if (field !== '' || quoted || fields.length > 0) endRecord();
  return records;
}

/**
 * Text a spreadsheet would run as a formula (it starts with = + - @, a tab or a carriage return)
 * gets a leading single quote, as OWASP advises against CSV injection: shown, never evaluated.
 * Every text cell of every CSV or XLSX export goes through here; numbers stay numbers.
 */
export function inertText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One CSV field: text made inert and quoted when it holds a comma, quote or line break; numbers to the cent. */
export function csvField(v: string | number): string {
  if (typeof v === 'number') return v.toFixed(2).replace(/\.00$/, '');
  const text = inertText(v);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
