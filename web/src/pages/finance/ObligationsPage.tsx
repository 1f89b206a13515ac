// 应付款项: the county's obligations due and overdue, a page at a time from the server, filtered by
// status; each can have a payment recorded or be corrected with a reason.
import { Button, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, page } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { formatDate, formatYuan } from '../../lib/format';
import { PageControls } from '../../lib/PageControls';
import { ProblemAlert } from '../../lib/problem';
import { usePages } from '../../lib/usePages';
import { CorrectionModal } from './CorrectionModal';
import { isOverdue, kindLabel, obligationStatuses, payeeLabel, statusLabel, type ObligationRow } from './obligationLabels';
import { PaymentModal } from './PaymentModal';

type Editing = { kind: 'payment' | 'correction'; obligation: ObligationRow };

export default function ObligationsPage() {
  const { lang, t } = useI18n();
  const session = useSession();
  const [status, setStatus] = useState('open');
  const [editing, setEditing] = useState<Editing>();
  const paged = usePages((cursor) => page(api.GET('/obligations', { params: { query: { cursor, status: status || undefined } } })), [status]);
  const done = () => {
    setEditing(undefined);
    paged.reload();
  };
  const receipt = (o: ObligationRow) => {
    if (o.confirmedFen > 0) return t(`已确认 ${formatYuan(o.confirmedFen / 100)}`, `confirmed ${formatYuan(o.confirmedFen / 100)}`);
    if (o.status === 'paid') return t('待民警确认', 'awaiting the officer');
    return '—';
  };
  return (
    <>
      <Typography.Title level={2}>{t('应付款项', 'Obligations')}</Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <label htmlFor="obligation-status">{t('状态', 'Status')}</label>
        <Select
          id="obligation-status"
          style={{ minWidth: 200 }}
          value={status}
          onChange={setStatus}
          options={[{ value: '', label: t('全部', 'All') }, ...obligationStatuses.map((s) => ({ value: s, label: statusLabel(s, t).text }))]}
        />
      </Space>
      <ProblemAlert error={paged.error} />
      <Table
        aria-label={t('应付款项', 'Obligations')}
        size="small"
        rowKey="id"
        loading={paged.loading}
        dataSource={paged.items}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: <Typography.Text type="secondary">{t('没有这类款项', 'No obligations of this kind')}</Typography.Text> }}
        columns={[
          { title: t('款项', 'Obligation'), dataIndex: 'id' },
          { title: t('类别', 'Kind'), dataIndex: 'kind', render: (k: string) => kindLabel(k, t) },
          { title: t('收款人', 'Payee'), key: 'payee', render: (_, o) => payeeLabel(o, t) },
          { title: t('金额', 'Amount'), dataIndex: 'amount', align: 'right', render: (a: number) => formatYuan(a) },
          {
            title: t('应付日期', 'Due'),
            dataIndex: 'dueOn',
            render: (d: string, o) => (
              <Space size={4}>
                {formatDate(d, session.timeZone, lang)}
                {isOverdue(o, session.timeZone) && <Tag color="error">{t('已逾期', 'overdue')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('状态', 'Status'),
            dataIndex: 'status',
            render: (s: string) => {
              const label = statusLabel(s, t);
              return <Typography.Text type={label.tone}>{label.text}</Typography.Text>;
            },
          },
          { title: t('收款确认', 'Receipt'), key: 'receipt', render: (_, o) => receipt(o) },
          {
            title: t('操作', 'Actions'),
            key: 'actions',
            render: (_, o) => (
              <Space>
                <Button
                  size="small"
                  type="primary"
                  disabled={o.status !== 'open' && o.status !== 'disputed'}
                  onClick={() => setEditing({ kind: 'payment', obligation: o })}
                >
                  {t('登记付款', 'Record payment')}
                </Button>
                <Button
                  size="small"
                  disabled={!['open', 'paid', 'disputed'].includes(o.status)}
                  onClick={() => setEditing({ kind: 'correction', obligation: o })}
                >
                  {t('更正', 'Correct')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <PageControls paged={paged} />
      {editing?.kind === 'payment' && <PaymentModal obligation={editing.obligation} onClose={() => setEditing(undefined)} onRecorded={done} />}
      {editing?.kind === 'correction' && <CorrectionModal obligation={editing.obligation} onClose={() => setEditing(undefined)} onCorrected={done} />}
    </>
  );
}
