// 对账: for a quarter or a year, what was decided, paid, confirmed, overdue and disputed, per payee
// and in total, with the same figures as a CSV or Excel file to download.
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { api, call, page, type paths } from '../../api/client';
import { downloadFile } from '../../api/files';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { formatDate, formatYuan } from '../../lib/format';
import { ProblemAlert } from '../../lib/problem';
import { useLoad } from '../../lib/useLoad';
import { payeeLabel } from './obligationLabels';

const columns = ['decided', 'paid', 'confirmed', 'unconfirmed', 'outstanding', 'overdue', 'disputed', 'cancelled'] as const;
type Column = (typeof columns)[number];
/** The JSON answer; the same operation also answers CSV and XLSX, which downloadFile fetches. */
type Report = paths['/payments/reconciliation']['get']['responses'][200]['content']['application/json'];

const columnLabels: Record<Column, [zh: string, en: string]> = {
  decided: ['应付', 'decided'],
  paid: ['已付', 'paid'],
  confirmed: ['已确认收款', 'confirmed'],
  unconfirmed: ['待确认', 'unconfirmed'],
  outstanding: ['未付', 'outstanding'],
  overdue: ['逾期', 'overdue'],
  disputed: ['有异议', 'disputed'],
  cancelled: ['已取消', 'cancelled'],
};

const exports = {
  csv: { accept: 'text/csv', zh: '下载CSV', en: 'Download CSV' },
  xlsx: { accept: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', zh: '下载Excel', en: 'Download Excel' },
} as const;

/** The periods with decided quarters, newest first, and their years. */
function usePeriods() {
  return useLoad(async () => {
    const { items } = await page(api.GET('/cycles', { params: { query: { kind: 'quarterly', status: 'decided', limit: 100 } } }));
    const quarters = [...new Set(items.map((c) => c.period))].sort().reverse();
    return [...quarters, ...new Set(quarters.map((q) => q.slice(0, 4)))];
  }, []);
}

export default function ReconciliationPage() {
  const { lang, t } = useI18n();
  const session = useSession();
  const periods = usePeriods();
  const [chosen, setChosen] = useState<string>();
  const period = chosen ?? periods.data?.[0];
  const report = useLoad(
    async () => (period ? ((await call(api.GET('/payments/reconciliation', { params: { query: { period } } }))) as Report) : undefined),
    [period],
  );
  const [downloadError, setDownloadError] = useState<unknown>();
  const [downloading, setDownloading] = useState<string>();
  const download = async (format: keyof typeof exports) => {
    if (!period) return;
    setDownloadError(undefined);
    setDownloading(format);
    try {
      await downloadFile('/payments/reconciliation', { period, format }, exports[format].accept, `reconciliation-${period}.${format}`);
    } catch (err) {
      setDownloadError(err);
    } finally {
      setDownloading(undefined);
    }
  };
  const r = report.data;
  const money = columns.map((c) => ({ title: t(...columnLabels[c]), dataIndex: c, align: 'right' as const, render: (v: number) => formatYuan(v) }));
  return (
    <>
      <Typography.Title level={2}>{t('对账', 'Reconciliation')}</Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <label htmlFor="reconciliation-period">{t('考核期', 'Period')}</label>
        <Select
          id="reconciliation-period"
          style={{ minWidth: 140 }}
          value={period}
          onChange={setChosen}
          loading={periods.loading}
          options={(periods.data ?? []).map((p) => ({ value: p, label: p.length === 4 ? t(`${p}年全年`, `year ${p}`) : p }))}
        />
        {(Object.keys(exports) as (keyof typeof exports)[]).map((format) => (
          <Button key={format} icon={<DownloadOutlined />} disabled={!period} loading={downloading === format} onClick={() => void download(format)}>
            {t(exports[format].zh, exports[format].en)}
          </Button>
        ))}
      </Space>
      <ProblemAlert error={periods.error ?? report.error ?? downloadError} />
      {!periods.loading && !period && <Typography.Paragraph>{t('还没有评定完成的季度。', 'No quarter has been decided yet.')}</Typography.Paragraph>}
      {r && (
        <>
          <Card style={{ marginBottom: 16 }}>
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2, lg: 4 }}
              items={[
                { key: 'asOf', label: t('截至', 'As of'), children: formatDate(r.asOf, session.timeZone, lang) },
                {
                  key: 'balanced',
                  label: t('账目', 'Books'),
                  children: r.balanced ? (
                    <Typography.Text type="success">{t('平衡', 'balanced')}</Typography.Text>
                  ) : (
                    <Typography.Text type="danger">{t('不平衡', 'not balanced')}</Typography.Text>
                  ),
                },
                ...columns.map((c) => ({ key: c, label: t(...columnLabels[c]), children: formatYuan(r.total[c]) })),
              ]}
            />
          </Card>
          <Table
            aria-label={t('按收款人对账', 'Reconciliation per payee')}
            size="small"
            rowKey={(row) => `${row.payeeType}/${row.payeeId}`}
            dataSource={r.rows}
            pagination={false}
            scroll={{ x: true }}
            columns={[
              { title: t('收款人', 'Payee'), key: 'payee', render: (_, row) => payeeLabel(row, t) },
              { title: t('款项数', 'Obligations'), dataIndex: 'obligations', align: 'right' },
              ...money,
            ]}
          />
        </>
      )}
    </>
  );
}
