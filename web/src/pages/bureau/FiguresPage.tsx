// 数据报送情况: for a period, what each supplying department has sent of the metrics the rule set
// says it supplies, for the communities evaluated, and which figures are still missing.
import { Alert, Badge, Button, Form, Input, Progress, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, ApiError, call } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { metricLabel } from '../../lib/metrics';
import { lastEndedQuarter, periodLabel } from '../../lib/periods';
import { ProblemAlert, showOnFields } from '../../lib/problem';
import { useDepartmentNames } from '../../lib/useDepartmentNames';
import { useLoad } from '../../lib/useLoad';

export default function FiguresPage() {
  const { lang, t } = useI18n();
  const nameOf = useDepartmentNames();
  const [form] = Form.useForm<{ period: string }>();
  const [period, setPeriod] = useState(lastEndedQuarter);
  const report = useLoad(() => call(api.GET('/metrics/completeness', { params: { query: { period } } })), [period]);
  // A period the API refuses is said under the field; anything else above the table.
  const fieldErrors = report.error instanceof ApiError ? (report.error.problem.errors ?? []) : [];
  const fieldError = fieldErrors.length > 0 && fieldErrors.every((e) => e.parameter === 'period');
  useEffect(() => {
    if (report.error) showOnFields(form, report.error);
  }, [form, report.error]);
  const departments = report.data?.departments ?? [];
  const missing = departments.reduce((n, d) => n + d.missing.length, 0);
  return (
    <>
      <Typography.Title level={2}>{t('数据报送情况', 'Figure completeness')}</Typography.Title>
      <Form form={form} layout="inline" initialValues={{ period }} onFinish={(v) => setPeriod(v.period.trim())} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="period" label={t('考核期', 'Period')} rules={[{ required: true, message: t('请填写考核期', 'Enter the period') }]}>
          <Input style={{ width: 140 }} placeholder={t('如 2026-Q1', 'e.g. 2026-Q1')} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {t('查询', 'Show')}
          </Button>
        </Form.Item>
      </Form>
      {!fieldError && <ProblemAlert error={report.error} />}
      {report.data && !report.error && (
        <Alert
          style={{ marginBottom: 16 }}
          showIcon
          type={missing ? 'warning' : 'success'}
          title={
            missing
              ? t(`${periodLabel(report.data.period, lang)}尚缺 ${missing} 项数据`, `${periodLabel(report.data.period, lang)}: ${missing} figures missing`)
              : t(`${periodLabel(report.data.period, lang)}数据已全部报齐`, `${periodLabel(report.data.period, lang)}: all figures are in`)
          }
          description={t(
            `参评社区 ${report.data.communities.length} 个,规则版本 ${report.data.ruleSetVersionId}`,
            `${report.data.communities.length} communities evaluated, rule set version ${report.data.ruleSetVersionId}`,
          )}
        />
      )}
      <Table
        aria-label={t('各部门报送情况', 'Figures by department')}
        rowKey="department"
        loading={report.loading}
        dataSource={report.error ? [] : departments}
        pagination={false}
        scroll={{ x: true }}
        expandable={{
          rowExpandable: (d) => d.missing.length > 0,
          expandedRowRender: (d) => t('缺:', 'Missing: ') + d.missing.map((m) => `${m.community} ${metricLabel(m.metric, t)}`).join(t('、', ', ')),
        }}
        columns={[
          { title: t('部门', 'Department'), dataIndex: 'department', render: (id: string) => nameOf(id) },
          { title: t('报送指标', 'Metrics'), dataIndex: 'metrics', render: (ms: string[]) => ms.map((m) => metricLabel(m, t)).join(t('、', ', ')) },
          { title: t('应报', 'Expected'), dataIndex: 'expected' },
          { title: t('已报', 'Received'), dataIndex: 'received' },
          {
            title: t('进度', 'Progress'),
            key: 'progress',
            render: (_: unknown, d) => (
              <Progress
                aria-label={t(`${nameOf(d.department)}报送进度`, `${nameOf(d.department)} progress`)}
                percent={d.expected ? Math.round((d.received / d.expected) * 100) : 100}
                size="small"
                style={{ minWidth: 120 }}
              />
            ),
          },
          {
            title: t('状态', 'Status'),
            key: 'status',
            render: (_: unknown, d) =>
              d.missing.length ? (
                <Badge status="warning" text={t(`缺 ${d.missing.length} 项`, `${d.missing.length} missing`)} />
              ) : (
                <Badge status="success" text={t('齐全', 'Complete')} />
              ),
          },
        ]}
      />
    </>
  );
}
