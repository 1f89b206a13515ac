// One cadence on the dashboard: its latest cycle, where it stands, what it waits for and from
// whom, until when; read again every few seconds while it runs.
import { Alert, Badge, Card, Descriptions, Empty, Space, Typography } from 'antd';
import { api, call } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { formatDateTime } from '../../lib/format';
import { kindLabel, periodLabel, type CycleKind } from '../../lib/periods';
import { ProblemAlert } from '../../lib/problem';
import { useLoad } from '../../lib/useLoad';
import { usePolling } from '../../lib/usePolling';
import { CycleSteps } from './CycleSteps';
import { WaitingFor } from './WaitingFor';

/** The cycle just started here (its row may not be written yet), else the kind's latest. */
async function cycleOf(kind: CycleKind, started: string | undefined) {
  const id = started ?? (await call(api.GET('/cycles', { params: { query: { kind, limit: 1 } } })))[0]?.id;
  return id ? call(api.GET('/cycles/{id}', { params: { path: { id } } })) : null;
}

export function CycleCard({ kind, started }: { kind: CycleKind; started?: string }) {
  const { lang, t } = useI18n();
  const { timeZone } = useSession();
  const cycle = useLoad(() => cycleOf(kind, started), [kind, started]);
  const view = cycle.data;
  usePolling(cycle.reload, view?.status === 'running');
  // Decided once its row says so, though its run may still be sending notices for a moment.
  const decided = !!view && (view.status === 'decided' || view.decidedAt !== null);
  const statusTag = view && (
    <Badge
      status={decided ? 'success' : view.status === 'running' ? 'processing' : 'error'}
      text={decided ? t('已裁决', 'Decided') : view.status === 'running' ? t('进行中', 'Running') : t('失败', 'Failed')}
    />
  );
  const gaps = Array.isArray(view?.gaps) ? view.gaps.length : 0;
  const title = kindLabel(kind, lang);
  return (
    <section aria-label={title}>
      <Card title={<h3 style={{ margin: 0, fontSize: 16 }}>{title}</h3>} extra={statusTag} loading={cycle.loading && !view && !cycle.error}>
        <ProblemAlert error={cycle.error} />
        {view === null && <Empty description={t('尚未启动过此类考核周期', 'No cycle of this kind has been started')} />}
        {view && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text strong>{periodLabel(view.period, lang)}</Typography.Text>
            <CycleSteps cycle={view} decided={decided} />
            <Descriptions
              size="small"
              column={1}
              items={[
                ...(view.deadline && !decided
                  ? [{ key: 'deadline', label: t('报送截止', 'Deadline'), children: formatDateTime(view.deadline, timeZone, lang) }]
                  : []),
                { key: 'started', label: t('启动时间', 'Started'), children: formatDateTime(view.startedAt, timeZone, lang) },
                ...(view.decidedAt ? [{ key: 'decided', label: t('裁决时间', 'Decided'), children: formatDateTime(view.decidedAt, timeZone, lang) }] : []),
              ]}
            />
            {view.status === 'running' && !decided && <WaitingFor missing={view.waitingFor} quarters={view.waitingForQuarters} />}
            {decided && gaps > 0 && (
              <Alert type="warning" showIcon title={t(`裁决时仍缺 ${gaps} 项数据,按已有数据评定`, `Decided with ${gaps} figures missing`)} />
            )}
            {view.failure && (
              <Alert type="error" showIcon title={view.failure.reason} description={t(`处理办法:${view.failure.fix}`, `What to do: ${view.failure.fix}`)} />
            )}
          </Space>
        )}
      </Card>
    </section>
  );
}
