// One sum of money owed to the officer: what was decided, what finance has paid (each payment),
// what the officer has confirmed, whether it is overdue, and the receipt and dispute forms.
import { Card, Descriptions, List, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, call } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { decisionLabel, obligationStatusLabels } from '../../lib/decisions';
import { formatDate, formatDateTime, formatYuan } from '../../lib/format';
import { periodLabel } from '../../lib/periods';
import { ProblemAlert } from '../../lib/problem';
import { todayIn } from '../../lib/today';
import { useLoad } from '../../lib/useLoad';
import { DisputeForm } from './DisputeForm';
import { ReceiptForm } from './ReceiptForm';

const final = new Set(['closed', 'cancelled']);

export function ObligationCard({ id }: { id: string }) {
  const { lang, t } = useI18n();
  const session = useSession();
  const [action, setAction] = useState<'receipt' | 'dispute'>('receipt');
  const loaded = useLoad(() => call(api.GET('/obligations/{id}', { params: { path: { id } } })), [id]);
  const o = loaded.data;
  if (!o) return <Card loading={!loaded.error}>{loaded.error ? <ProblemAlert error={loaded.error} /> : null}</Card>;
  const status = obligationStatusLabels[o.status] ?? { zh: o.status, en: o.status, color: 'default' };
  const overdue = !final.has(o.status) && o.paid < o.amount && o.dueOn < todayIn(session.timeZone);
  const openDisputes = o.disputes.filter((d) => !d.resolvedAt);
  const toConfirm = !final.has(o.status) && o.paid > 0 && (o.confirmed < o.paid || openDisputes.length > 0);
  const title = `${periodLabel(o.id.split('/')[0] ?? '', lang)} ${decisionLabel({ type: o.kind, kind: o.kind }, t)}`;
  return (
    <Card
      style={{ marginBottom: 16 }}
      title={
        <Space wrap>
          <span>{title}</span>
          <Tag color={status.color}>{t(status.zh, status.en)}</Tag>
          {overdue && <Tag color="error">{t('已逾期', 'Overdue')}</Tag>}
        </Space>
      }
    >
      <ProblemAlert error={loaded.error} />
      <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }}>
        <Descriptions.Item label={t('应发金额', 'Decided')}>{formatYuan(o.amount)}</Descriptions.Item>
        <Descriptions.Item label={t('已付金额', 'Paid')}>{formatYuan(o.paid)}</Descriptions.Item>
        <Descriptions.Item label={t('已确认收款', 'Confirmed by you')}>{formatYuan(o.confirmed)}</Descriptions.Item>
        <Descriptions.Item label={t('应付日期', 'Due')}>{formatDate(o.dueOn, session.timeZone, lang)}</Descriptions.Item>
      </Descriptions>
      {o.payments.length > 0 && (
        <List
          size="small"
          header={<Typography.Text strong>{t('付款记录', 'Payments')}</Typography.Text>}
          dataSource={o.payments}
          renderItem={(p) => (
            <List.Item key={p.id}>
              {t(
                `${formatDate(p.paidOn, session.timeZone, lang)} 付款 ${formatYuan(p.amount)}(凭证号 ${p.reference})`,
                `${formatDate(p.paidOn, session.timeZone, lang)} paid ${formatYuan(p.amount)} (reference ${p.reference})`,
              )}
            </List.Item>
          )}
        />
      )}
      {openDisputes.map((d) => (
        <Typography.Paragraph key={d.id} type="warning">
          {t(
            `您于 ${formatDateTime(d.createdAt, session.timeZone, lang)} 提出异议:${d.note}`,
            `You disputed on ${formatDateTime(d.createdAt, session.timeZone, lang)}: ${d.note}`,
          )}
        </Typography.Paragraph>
      ))}
      {!final.has(o.status) && (
        <div style={{ marginTop: 12 }}>
          <Segmented<'receipt' | 'dispute'>
            style={{ marginBottom: 12 }}
            value={toConfirm ? action : 'dispute'}
            onChange={(v) => setAction(v)}
            options={[
              { value: 'receipt', label: t('确认收款', 'Confirm receipt'), disabled: !toConfirm },
              { value: 'dispute', label: t('提出异议', 'Dispute') },
            ]}
          />
          {toConfirm && action === 'receipt' ? (
            <ReceiptForm obligationId={o.id} onDone={loaded.reload} />
          ) : (
            <DisputeForm obligationId={o.id} onDone={loaded.reload} />
          )}
        </div>
      )}
    </Card>
  );
}
