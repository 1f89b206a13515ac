// 我的考核: each period's score and rank of the officer's office, how the score was made, and the
// decisions it led to with the reason in plain words.
import { Card, Empty, List, Space, Statistic, Tag, Typography } from 'antd';
import { api, page } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { decisionLabel } from '../../lib/decisions';
import { DecisionExplanation } from '../../lib/DecisionExplanation';
import { formatYuan } from '../../lib/format';
import { PageControls } from '../../lib/PageControls';
import { periodLabel } from '../../lib/periods';
import { ProblemAlert } from '../../lib/problem';
import { ScoreBreakdown } from '../../lib/ScoreBreakdown';
import { useRegisterReach } from '../register/useRegisterReach';
import { useLoad } from '../../lib/useLoad';
import { usePages } from '../../lib/usePages';
import { CommunityName } from './CommunityName';

type Evaluation = Awaited<ReturnType<typeof loadEvaluations>>['items'][number];

function loadEvaluations(cursor: string | undefined) {
  return page(api.GET('/evaluations', { params: { query: { standing: 'true', limit: 10, cursor } } }));
}

function CycleDecisions({ cycleId }: { cycleId: string }) {
  const { t } = useI18n();
  const loaded = useLoad(() => page(api.GET('/decisions', { params: { query: { cycleId, standing: 'true' } } })), [cycleId]);
  if (loaded.error) return <ProblemAlert error={loaded.error} />;
  return (
    <List
      loading={loaded.loading}
      dataSource={loaded.data?.items ?? []}
      locale={{ emptyText: t('本期没有涉及您的奖惩决定', 'No decision of this period names you') }}
      renderItem={(d) => (
        <List.Item key={d.id}>
          <List.Item.Meta
            title={
              <Space wrap>
                <Tag color={d.type === 'sanction' ? 'error' : 'success'}>{decisionLabel(d, t)}</Tag>
                {d.amount !== null && <span>{formatYuan(d.amount)}</span>}
              </Space>
            }
            description={<DecisionExplanation decisionId={d.id} />}
          />
        </List.Item>
      )}
    />
  );
}

function EvaluationCard({ e, readsRegister }: { e: Evaluation; readsRegister: boolean }) {
  const { lang, t } = useI18n();
  const period = periodLabel(e.period, lang);
  return (
    <Card
      title={
        <Space wrap>
          <span>{period}</span>
          <CommunityName id={e.communityId} />
        </Space>
      }
      style={{ marginBottom: 16 }}
    >
      <Space size="large" wrap style={{ marginBottom: 16 }}>
        <Statistic title={t('总分', 'Score')} value={e.score} precision={2} />
        <Statistic title={t('排名', 'Rank')} value={e.rank} prefix={t('第', '#')} suffix={t('名', '')} />
        {e.isLast && <Tag color="error">{t(`末位(连续 ${e.lastStreak} 期)`, `Last place (${e.lastStreak} in a row)`)}</Tag>}
        {e.appealId !== null && <Tag color="processing">{t('申诉复核后的结果', 'Result after an appeal')}</Tag>}
        {e.pendingReassignment && <Tag color="warning">{t('调整岗位待确认', 'Reassignment pending')}</Tag>}
      </Space>
      <Typography.Text strong>{t('得分明细', 'How the score was made')}</Typography.Text>
      <ScoreBreakdown
        breakdown={e.breakdown}
        missing={e.missing}
        score={e.score}
        caption={t(`${period}得分明细`, `Breakdown of ${period}`)}
        derivationBasis={readsRegister ? { communityId: e.communityId, period: e.period } : undefined}
      />
      <Typography.Text strong>{t('奖惩决定及理由', 'Decisions and why')}</Typography.Text>
      <CycleDecisions cycleId={e.cycleId} />
    </Card>
  );
}

export default function EvaluationsPage() {
  const t = useI18n().t;
  const paged = usePages(loadEvaluations, []);
  const readsRegister = useRegisterReach();
  return (
    <>
      <Typography.Title level={2}>{t('我的考核', 'My evaluations')}</Typography.Title>
      <ProblemAlert error={paged.error} />
      {paged.items.map((e) => (
        <EvaluationCard key={e.id} e={e} readsRegister={readsRegister(e.communityId)} />
      ))}
      {!paged.loading && !paged.error && paged.items.length === 0 && <Empty description={t('还没有考核结果', 'No evaluation yet')} />}
      {paged.loading && paged.items.length === 0 && <Card loading />}
      <PageControls paged={paged} />
    </>
  );
}
