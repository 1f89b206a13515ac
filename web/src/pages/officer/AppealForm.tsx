// 提出申诉: the officer contests their office's evaluation of a period or a decision naming them,
// with a reason and, if a figure was wrong, the metric and its correct value. The API's errors
// (window ended, figure out of range, …) appear under the fields they name.
import { Button, Form, Input, InputNumber, Radio, Select, message } from 'antd';
import { api, call, page } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { decisionLabel } from '../../lib/decisions';
import { metricKeys } from '../../../../src/core/types';
import { metricLabel } from '../../lib/metrics';
import { periodLabel, periodOfCycle } from '../../lib/periods';
import { ProblemAlert } from '../../lib/problem';
import { useSubmit } from '../../lib/useSubmit';
import { useLoad } from '../../lib/useLoad';

interface Filing {
  contests: 'evaluation' | 'decision';
  cycleId?: string;
  decisionId?: string;
  reason: string;
  metric?: (typeof metricKeys)[number];
  value?: number;
}

/** The periods and decisions the officer may contest: those standing (not replaced by an appeal). */
function useContestable() {
  return useLoad(
    () =>
      Promise.all([
        page(api.GET('/evaluations', { params: { query: { standing: 'true' } } })),
        page(api.GET('/decisions', { params: { query: { standing: 'true' } } })),
      ]),
    [],
  );
}

export function AppealForm({ onFiled }: { onFiled(): void }) {
  const { lang, t } = useI18n();
  const [form] = Form.useForm<Filing>();
  const contests = Form.useWatch('contests', form);
  const { busy, error, submit: send } = useSubmit(form);
  const contestable = useContestable();
  const [evaluations, decisions] = contestable.data ?? [{ items: [] }, { items: [] }];
  const submit = ({ contests, cycleId, decisionId, ...rest }: Filing) =>
    send(async () => {
      const body = contests === 'evaluation' ? { contests, cycleId: cycleId!, ...rest } : { contests, decisionId: decisionId!, ...rest };
      const filed = await call(api.POST('/appeals', { body }));
      message.success(t(`申诉已提交(编号 ${filed.id}),请等待局里裁决`, `Appeal ${filed.id} filed; the bureau will decide it`));
      form.resetFields();
      onFiled();
    });
  return (
    <>
      <ProblemAlert error={error ?? contestable.error} />
      <Form form={form} layout="vertical" initialValues={{ contests: 'evaluation' }} onFinish={(v) => void submit(v)} style={{ maxWidth: 640 }}>
        <Form.Item name="contests" label={t('申诉对象', 'What you contest')}>
          <Radio.Group
            options={[
              { value: 'evaluation', label: t('某期考核结果', "A period's evaluation") },
              { value: 'decision', label: t('某项奖惩决定', 'A decision') },
            ]}
          />
        </Form.Item>
        {contests === 'decision' ? (
          <Form.Item name="decisionId" label={t('奖惩决定', 'Decision')} rules={[{ required: true, message: t('请选择奖惩决定', 'Choose a decision') }]}>
            <Select
              loading={contestable.loading}
              options={decisions.items.map((d) => ({
                value: d.id,
                label: `${periodLabel(periodOfCycle(d.cycleId), lang)} ${decisionLabel(d, t)}`,
              }))}
            />
          </Form.Item>
        ) : (
          <Form.Item name="cycleId" label={t('考核周期', 'Period')} rules={[{ required: true, message: t('请选择考核周期', 'Choose a period') }]}>
            <Select
              loading={contestable.loading}
              options={evaluations.items.map((e) => ({
                value: e.cycleId,
                label: `${periodLabel(e.period, lang)}(${t('总分', 'score')} ${e.score.toFixed(2)})`,
              }))}
            />
          </Form.Item>
        )}
        <Form.Item name="reason" label={t('申诉理由', 'Reason')} rules={[{ required: true, message: t('请写明申诉理由', 'Give your reason') }]}>
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
        <Form.Item name="metric" label={t('数据有误的指标(可选)', 'Metric with a wrong figure (optional)')}>
          <Select allowClear options={metricKeys.map((m) => ({ value: m, label: metricLabel(m, t) }))} />
        </Form.Item>
        <Form.Item
          name="value"
          label={t('正确的数据(可选)', 'Correct figure (optional)')}
          extra={t(
            '比率填 0 到 1 之间的小数,如 0.93;发案数、线索数填本期件数。',
            'Rates as a fraction from 0 to 1, e.g. 0.93; incidents and clues as the count of the period.',
          )}
        >
          <InputNumber style={{ width: '100%' }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('提交申诉', 'File the appeal')}
        </Button>
      </Form>
    </>
  );
}
