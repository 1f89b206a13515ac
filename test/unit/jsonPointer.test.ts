// The editor marks the validator's errors at their place in the typed text: a JSON pointer maps
// to the span of its value, however the text is formatted.
import { describe, expect, it } from 'vitest';
import { locatePointer, pointerSpans } from '../../web/src/lib/jsonPointer.js';

const text = `{
  "name": "x",
  "scoring": { "metrics": { "a/b": { "weight": "heavy" } } },
  "rules": {
    "quarterly": [
      { "fact": "isLast" },
      { "fact": "nope", "value": [1, 2.5e1, null] }
    ]
  }
}`;
const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
const at = (pointer: string) => {
  const span = locatePointer(text, pointer)!;
  return text.slice(span.from, span.to);
};

describe('locatePointer', () => {
  it('finds a value by its pointer, with ~1 and ~0 escapes, in objects and arrays', () => {
    expect(at('/scoring/metrics/a~1b/weight')).toBe('"heavy"');
    expect(lineOf(locatePointer(text, '/scoring/metrics/a~1b/weight')!.from)).toBe(3);
    expect(at('/rules/quarterly/1/fact')).toBe('"nope"');
    expect(lineOf(locatePointer(text, '/rules/quarterly/1/fact')!.from)).toBe(7);
    expect(at('/rules/quarterly/1/value/1')).toBe('2.5e1');
    expect(at('/rules/quarterly/1/value/2')).toBe('null');
    expect(at('')).toBe(text);
  });

  it('falls back to the nearest existing parent for a missing member', () => {
    expect(at('/rules/quarterly/0/event')).toBe('{ "fact": "isLast" }');
    expect(at('/nothing/here')).toBe(text);
  });

  it('locates what precedes a syntax error, and nothing in an empty text', () => {
    const broken = '{ "a": 1, "b": [true, }';
    expect(pointerSpans(broken).get('/a')).toEqual({ from: 7, to: 8 });
    expect(pointerSpans(broken).has('/b/0')).toBe(true);
    expect(locatePointer('', '/a')).toBeUndefined();
  });

  it('reads escaped quotes inside strings', () => {
    const s = '{"k\\"ey": "v\\"al", "n": 1}';
    expect(pointerSpans(s).get('/k"ey')).toEqual({ from: 10, to: 17 });
    expect(pointerSpans(s).get('/n')).toEqual({ from: 24, to: 25 });
  });
});
