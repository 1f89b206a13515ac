// The API's located errors as editor diagnostics: each JSON pointer mapped to its place in the
// text the user sent (under `prefix` when the document is a field of the body, as on save).
import type { Diagnostic } from '@codemirror/lint';
import { ApiError } from '../../api/client';
import { locatePointer, pointerSpans } from '../../lib/jsonPointer';

export function diagnosticsOf(err: unknown, text: string, prefix = ''): Diagnostic[] {
  if (!(err instanceof ApiError)) return [];
  const spans = pointerSpans(text);
  return (err.problem.errors ?? []).flatMap((e) => {
    if (e.pointer === undefined || !e.pointer.startsWith(prefix)) return [];
    const span = locatePointer(text, e.pointer.slice(prefix.length), spans);
    return span ? [{ from: span.from, to: span.to, severity: 'error' as const, message: e.message, source: e.pointer.slice(prefix.length) || '/' }] : [];
  });
}

/** A text that is not JSON, located where the parser stopped. */
export function syntaxDiagnostic(text: string): Diagnostic | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (err) {
    const at = Number(/position (\d+)/.exec(String(err))?.[1] ?? 0);
    return { from: Math.min(at, text.length), to: Math.min(at + 1, text.length), severity: 'error', message: String((err as Error).message) };
  }
}
