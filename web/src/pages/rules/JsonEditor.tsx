// The rule-set text in CodeMirror: JSON highlighting, and the validator's errors as lint
// diagnostics at their place (a red underline, a gutter marker, the message on hover). The
// first error is scrolled into view, since the editor only draws the lines it shows.
import { json } from '@codemirror/lang-json';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { theme } from 'antd';
import { EditorView, basicSetup } from 'codemirror';
import { useEffect, useRef } from 'react';

interface Props {
  initial: string;
  label: string;
  diagnostics: readonly Diagnostic[];
  onChange(text: string): void;
}

export function JsonEditor({ initial, label, diagnostics, onChange }: Props) {
  const { token } = theme.useToken();
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView>(null);
  const changed = useRef(onChange);
  useEffect(() => {
    changed.current = onChange;
  });

  useEffect(() => {
    const editor = new EditorView({
      doc: initial,
      parent: host.current!,
      extensions: [
        basicSetup,
        json(),
        lintGutter(),
        EditorView.contentAttributes.of({ 'aria-label': label }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) changed.current(u.state.doc.toString());
        }),
        EditorView.theme({ '&': { height: '520px' }, '.cm-scroller': { overflow: 'auto' } }),
      ],
    });
    view.current = editor;
    // CodeMirror keeps its scroller out of the tab order; keyboard users need to reach it (axe).
    editor.scrollDOM.tabIndex = 0;
    return () => editor.destroy();
    // The editor is made once per document it starts from; later text lives in CodeMirror.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [initial]);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    const first = diagnostics[0];
    editor.dispatch(setDiagnostics(editor.state, [...diagnostics]));
    if (first) editor.dispatch({ effects: EditorView.scrollIntoView(first.from, { y: 'center' }) });
  }, [diagnostics]);

  return <div ref={host} style={{ border: `1px solid ${token.colorBorder}` }} />;
}
