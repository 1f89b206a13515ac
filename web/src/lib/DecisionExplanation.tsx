// Why a decision was made, in plain words: the sentence the API builds from the facts the rule
// saw, the rule-set version in force, and whether an appeal has since replaced it.
import { Alert, Skeleton, Typography } from 'antd';
import { api, call } from '../api/client';
import { useI18n } from '../app/i18n';
import { ProblemAlert } from './problem';
import { useLoad } from './useLoad';

export function DecisionExplanation({ decisionId }: { decisionId: string }) {
  const { lang, t } = useI18n();
  const loaded = useLoad(() => call(api.GET('/decisions/{id}/explanation', { params: { path: { id: decisionId } } })), [decisionId]);
  if (loaded.error) return <ProblemAlert error={loaded.error} />;
  const e = loaded.data;
  if (!e) return <Skeleton active paragraph={{ rows: 1 }} />;
  return (
    <>
      <Typography.Paragraph style={{ marginBottom: 4 }}>{lang === 'en' ? e.en : e.zh}</Typography.Paragraph>
      {e.ruleSetVersion && (
        <Typography.Text type="secondary">{t(`依据规则版本:${e.ruleSetVersion.name}`, `Under rule-set version: ${e.ruleSetVersion.name}`)}</Typography.Text>
      )}
      {e.superseded && (
        <Alert
          type="info"
          style={{ marginTop: 8 }}
          title={t('此决定已被申诉复核后的新决定取代', 'An appeal has since replaced this decision')}
          description={e.superseded.reason ?? undefined}
        />
      )}
    </>
  );
}
