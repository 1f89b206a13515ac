// Where a JSON pointer (RFC 6901) points in a JSON text: the validator answers by pointer, the
// editor marks a place in the text. A small scanner records each value's span as it reads, so
// the positions are those of the text the user typed, formatting and all.

export interface Span {
  from: number;
  to: number;
}

const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** Every value's span by its pointer ('' is the whole document); what precedes a syntax error. */
export function pointerSpans(text: string): Map<string, Span> {
  const spans = new Map<string, Span>();
  let at = 0;
  const space = () => {
    while (at < text.length && /\s/.test(text[at]!)) at++;
  };
  const fail = (): never => {
    throw new SyntaxError(`unexpected input at ${at}`);
  };
  const string = (): string => {
    const start = at;
    at++;
    while (at < text.length && text[at] !== '"') at += text[at] === '\\' ? 2 : 1;
    if (at >= text.length) fail();
    at++;
    return JSON.parse(text.slice(start, at)) as string;
  };
  const value = (pointer: string): void => {
    space();
    const from = at;
    const c = text[at];
    if (c === '{') {
      at++;
      space();
      while (text[at] !== '}') {
        space();
        if (text[at] !== '"') fail();
        const key = string();
        space();
        if (text[at++] !== ':') fail();
        value(`${pointer}/${escape(key)}`);
        space();
        if (text[at] === ',') at++;
        else if (text[at] !== '}') fail();
      }
      at++;
    } else if (c === '[') {
      at++;
      space();
      for (let i = 0; text[at] !== ']'; i++) {
        value(`${pointer}/${i}`);
        space();
        if (text[at] === ',') at++;
        else if (text[at] !== ']') fail();
      }
      at++;
    } else if (c === '"') {
      string();
    } else {
      const literal = /^(-?\d+(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(at, at + 64));
      if (!literal) fail();
      at += literal![0].length;
    }
    spans.set(pointer, { from, to: at });
  };
  try {
    value('');
  } catch {
    // A text that does not parse still locates what came before the error.
  }
  return spans;
}

/**
 * The span of the value a pointer names; for a member that is missing (a required key, say),
 * the span of its nearest existing parent. Undefined when nothing of the path is in the text.
 */
export function locatePointer(text: string, pointer: string, spans = pointerSpans(text)): Span | undefined {
  for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
    const span = spans.get(p);
    if (span) return span;
    if (p === '') return undefined;
  }
}
