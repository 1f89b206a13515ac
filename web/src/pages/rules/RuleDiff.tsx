// The edited text against the version in force, in one read-only view: removed lines struck in
// red above the green lines that replace them.
import { json } from '@codemirror/lang-json';
import { Chunk, unifiedMergeView } from '@codemirror/merge';
import { EditorState, Text } from '@codemirror/state';
import { Typography, theme } from 'antd';
import { EditorView, basicSetup } from 'codemirror';
import { useEffect, useMemo, useRef } from 'react';
import { useT } from '../../app/i18n';

export function RuleDiff({ original, edited }: { original: string; edited: string }) {
  const t = useT();
  const { token } = theme.useToken();
  const host = useRef<HTMLDivElement>(null);
  const changes = useMemo(() => Chunk.build(Text.of(original.split('\n')), Text.of(edited.split('\n'))).length, [original, edited]);
  useEffect(() => {
    const view = new EditorView({
      doc: edited,
      parent: host.current!,
      extensions: [
        basicSetup,
        json(),
        EditorState.readOnly.of(true),
        unifiedMergeView({ original, mergeControls: false, collapseUnchanged: { margin: 3, minSize: 6 } }),
        EditorView.contentAttributes.of({ 'aria-label': t('与现行版本的差异', 'Changes from the version in force') }),
      ],
    });
    // CodeMirror keeps its scroller out of the tab order; keyboard users need to reach it (axe).
    view.scrollDOM.tabIndex = 0;
    return () => view.destroy();
  }, [original, edited, t]);
  return (
    <>
      <Typography.Paragraph>
        {changes === 0 ? t('与现行版本相同。', 'Same as the version in force.') : t(`共 ${changes} 处改动。`, `${changes} change(s).`)}
      </Typography.Paragraph>
      <div ref={host} style={{ border: `1px solid ${token.colorBorder}` }} />
    </>
  );
}
