// Why the office got what it got: each standing decision of its cycle with the explanation the
// API writes for it in plain Chinese (English when the console is in English).
import { List, Tag, Typography } from 'antd';
import { api, call } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { formatYuan } from '../../lib/format';
import { ProblemAlert } from '../../lib/problem';
import { labelOf, sanctionLabels } from '../../../../src/core/vocabulary';
import { decisionTypeLabels } from '../../lib/decisions';
import { useLoad } from '../../lib/useLoad';
import type { EvaluationRow } from './rows';

export function Explanations({ decisions }: { decisions: EvaluationRow['decisions'] }) {
  const { lang, t } = useI18n();
  const ids = decisions.map((d) => d.id);
  const loaded = useLoad(() => Promise.all(ids.map((id) => call(api.GET('/decisions/{id}/explanation', { params: { path: { id } } })))), [ids]);
  if (decisions.length === 0)
    return <Typography.Paragraph>{t('本季度没有针对该警务室的奖惩决定。', 'No decision about this office this quarter.')}</Typography.Paragraph>;
  return (
    <>
      <ProblemAlert error={loaded.error} />
      <List
        loading={loaded.loading}
        dataSource={loaded.data ?? []}
        renderItem={(e) => (
          <List.Item key={e.decision}>
            <List.Item.Meta
              title={
                <>
                  <Tag color={e.type === 'sanction' ? 'error' : 'processing'}>{labelOf(decisionTypeLabels, e.type)[lang]}</Tag>
                  {e.type === 'sanction' ? labelOf(sanctionLabels, e.kind)[lang] : formatYuan(e.amount)}
                  {e.type === 'subsidy' && ` · ${t('民警', 'officer')} ${e.subjectId}`}
                </>
              }
              description={<Typography.Text>{lang === 'en' ? e.en : e.zh}</Typography.Text>}
            />
          </List.Item>
        )}
      />
    </>
  );
}
