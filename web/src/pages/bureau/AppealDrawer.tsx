// One appeal beside the list: what the officer contests and why, its explanation in plain
// words, and — while open, for bureau staff — the decision: uphold, or overturn with the reason
// and, when a figure was wrong, the corrected one. Errors from the API show under their field.
import { Button, Descriptions, Drawer, Form, Input, InputNumber, Radio, Select, Typography, message } from 'antd';
import { useState } from 'react';
import { api, call } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { formatDate, formatDateTime } from '../../lib/format';
import { metricKeys, metricLabel, type MetricKey } from '../../lib/metrics';
import { ProblemAlert, showOnFields } from '../../lib/problem';
import { useLoad } from '../../lib/useLoad';
import { appealStatusLabels } from './appealWords';

interface Decision {
  outcome: 'upheld' | 'overturned';
  reason: string;
  metric?: MetricKey;
  value?: number | null;
}

export function AppealDrawer({ id, onClose, onDecided }: { id: number; onClose(): void; onDecided(): void }) {
  const { lang, t } = useI18n();
  const session = useSession();
  const appeal = useLoad(() => call(api.GET('/appeals/{id}', { params: { path: { id } } })), [id]);
  const [form] = Form.useForm<Decision>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const a = appeal.data;
  const explanation = a?.explanation as { zh?: string; en?: string } | undefined;

  const decide = async ({ outcome, reason, metric, value }: Decision) => {
    setBusy(true);
    setError(undefined);
    try {
      const body = { outcome, reason, ...(metric ? { metric } : {}), ...(value !== undefined && value !== null ? { value } : {}) };
      await call(api.POST('/appeals/{id}/decision', { params: { path: { id } }, body }));
      message.success(t('裁决已保存', 'The decision is saved'));
      appeal.reload();
      onDecided();
    } catch (err) {
      if (!showOnFields(form, err)) setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      open
      onClose={onClose}
      size="min(560px, 100vw)"
      title={t(`申诉 ${id}`, `Appeal ${id}`)}
      loading={appeal.loading && !a}
      closable={{ 'aria-label': t('关闭', 'Close') }}
    >
      <ProblemAlert error={appeal.error} />
      {a && (
        <>
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              { key: 'status', label: t('状态', 'Status'), children: appealStatusLabels[a.status][lang] },
              { key: 'officer', label: t('民警', 'Officer'), children: `${a.officerId}(${a.communityId})` },
              { key: 'cycle', label: t('考核周期', 'Cycle'), children: a.cycleId },
              {
                key: 'contests',
                label: t('申诉对象', 'Contests'),
                children: a.contests === 'evaluation' ? t('考核结果', 'The evaluation') : (a.decisionId ?? ''),
              },
              ...(a.metric ? [{ key: 'claim', label: t('主张数据', 'Claimed figure'), children: `${metricLabel(a.metric, t)} = ${a.value ?? '—'}` }] : []),
              { key: 'reason', label: t('申诉理由', 'Reason'), children: a.reason },
              { key: 'filed', label: t('提出时间', 'Filed'), children: formatDateTime(a.createdAt, session.timeZone, lang) },
              { key: 'deadline', label: t('裁决期限', 'Decide by'), children: formatDate(a.deadlineOn, session.timeZone, lang) },
              { key: 'held', label: t('暂停的付款', 'Payments held'), children: String(a.paymentsHeld) },
              ...(a.decidedAt
                ? [
                    {
                      key: 'decided',
                      label: t('裁决', 'Decision'),
                      children: `${a.decisionReason ?? ''}(${a.decidedBy ?? ''},${formatDateTime(a.decidedAt, session.timeZone, lang)})`,
                    },
                  ]
                : []),
            ]}
          />
          {explanation && (
            <Typography.Paragraph style={{ marginTop: 16, whiteSpace: 'pre-wrap' }}>
              {lang === 'en' && explanation.en ? explanation.en : explanation.zh}
            </Typography.Paragraph>
          )}
          {a.status === 'open' && session.can('decideAppeal') && (
            <>
              <Typography.Title level={3} style={{ fontSize: 16 }}>
                {t('作出裁决', 'Decide')}
              </Typography.Title>
              <ProblemAlert error={error} onClose={() => setError(undefined)} />
              <Form form={form} layout="vertical" initialValues={{ outcome: 'upheld' }} onFinish={(v) => void decide(v)}>
                <Form.Item name="outcome" label={t('裁决结果', 'Outcome')}>
                  <Radio.Group
                    options={[
                      { value: 'upheld', label: t('维持原决定', 'Uphold') },
                      { value: 'overturned', label: t('改判', 'Overturn') },
                    ]}
                  />
                </Form.Item>
                <Form.Item
                  name="reason"
                  label={t('裁决理由', 'Reason')}
                  rules={[{ required: true, whitespace: true, message: t('请填写裁决理由', 'Give the reason') }]}
                >
                  <Input.TextArea rows={3} maxLength={2000} />
                </Form.Item>
                <Form.Item name="metric" label={t('更正的指标(可选)', 'Corrected metric (optional)')}>
                  <Select allowClear options={metricKeys.map((m) => ({ value: m, label: metricLabel(m, t) }))} />
                </Form.Item>
                <Form.Item name="value" label={t('更正后的数值(可选)', 'Corrected value (optional)')}>
                  <InputNumber style={{ width: '100%' }} />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={busy}>
                  {t('提交裁决', 'Submit decision')}
                </Button>
              </Form>
            </>
          )}
        </>
      )}
    </Drawer>
  );
}
