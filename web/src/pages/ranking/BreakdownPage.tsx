// One office's quarter: its score and rank, the breakdown by the README's formula, why it got its
// sanctions and subsidy, and its score over the quarters it was ranked in.
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Card, Descriptions, Space, Spin, Tag, Typography } from 'antd';
import { Link, useLocation, useParams } from 'react-router';
import { api, call } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { ScoreBreakdown } from '../../lib/ScoreBreakdown';
import { formatYuan } from '../../lib/format';
import { ProblemAlert } from '../../lib/problem';
import { periodLabel } from '../../lib/periods';
import { TrendChart } from '../../lib/TrendChart';
import { useLoad } from '../../lib/useLoad';
import { Explanations } from './Explanations';

const quarterly = /^\d{4}-Q[1-4]$/;

export default function BreakdownPage() {
  const { lang, t } = useI18n();
  const { cycleId = '', communityId = '' } = useParams();
  const { search } = useLocation();
  const row = useLoad(async () => {
    const rows = await call(api.GET('/evaluations', { params: { query: { cycleId, communityId, standing: 'true' } } }));
    return rows[0] ?? null;
  }, [cycleId, communityId]);
  // The office's standing quarterly scores; an office is ranked four times a year, so one page is decades.
  const trend = useLoad(async () => {
    const rows = await call(api.GET('/evaluations', { params: { query: { communityId, standing: 'true', limit: 100 } } }));
    return rows.filter((r) => quarterly.test(r.period)).map(({ period, score, rank }) => ({ period, score, rank }));
  }, [communityId]);
  const e = row.data;
  return (
    <>
      <Link to={`/ranking${search}`}>
        <ArrowLeftOutlined /> {t('返回排名', 'Back to the ranking')}
      </Link>
      <Typography.Title level={2}>
        {t('考核明细', 'Breakdown')}
        {e ? ` · ${e.communityName}（${periodLabel(e.period, lang)}）` : ''}
      </Typography.Title>
      <ProblemAlert error={row.error ?? trend.error} />
      {row.loading && !e && <Spin tip={t('正在读取考核结果…', 'Reading the evaluation…')} />}
      {row.data === null && <Typography.Paragraph>{t('这个周期没有该警务室的考核结果。', 'This cycle has no result for this office.')}</Typography.Paragraph>}
      {e && (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions bordered size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
            <Descriptions.Item label={t('得分', 'Score')}>{e.score.toFixed(2)}</Descriptions.Item>
            <Descriptions.Item label={t('排名', 'Rank')}>
              {e.rank}
              {e.sharedRank && (
                <Tag color="processing" style={{ marginLeft: 8 }}>
                  {t('并列', 'tied')}
                </Tag>
              )}
              {e.isLast && (
                <Tag color="error" style={{ marginLeft: 8 }}>
                  {t('末位', 'last')}
                </Tag>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('补贴', 'Subsidy')}>{formatYuan(e.subsidy)}</Descriptions.Item>
            <Descriptions.Item label={t('连续末位', 'Quarters last in a row')}>{e.lastStreak}</Descriptions.Item>
          </Descriptions>
          <Card title={<h3 style={{ margin: 0 }}>{t('得分构成', 'How the score was made')}</h3>}>
            <ScoreBreakdown breakdown={e.breakdown} missing={e.missing} score={e.score} />
          </Card>
          <Card title={<h3 style={{ margin: 0 }}>{t('决定依据', 'Why')}</h3>}>
            <Explanations decisions={e.decisions} />
          </Card>
          <Card title={<h3 style={{ margin: 0 }}>{t('历季得分走势', 'Score over quarters')}</h3>}>
            {trend.data ? <TrendChart points={trend.data} /> : <Spin tip={t('正在读取历季得分…', 'Reading past quarters…')} />}
          </Card>
        </Space>
      )}
    </>
  );
}
