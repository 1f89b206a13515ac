import { readFileSync } from 'node:fs';
import { DocumentError } from './documentError.js';

/** Node reports a character offset; people look for a line and column. */
function withLine(message: string, text: string): string {
  const at = /at position (\d+)/.exec(message);
  if (!at) return message;
  const before = text.slice(0, Number(at[1])).split('\n');
  return `${message}, line ${before.length} column ${before.at(-1)!.length + 1}`;
}

/** Reads and parses a JSON file; unreadable files and syntax errors become DocumentErrors at `$`. */
export function readJsonFile(path: string, makeError = (s: string, p: string, e: string) => new DocumentError(s, p, e)): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw makeError(path, '$', `expected a readable JSON file (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw makeError(path, '$', `expected valid JSON (${withLine((err as Error).message, text)})`);
  }
}
