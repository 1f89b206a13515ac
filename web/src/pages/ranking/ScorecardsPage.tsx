// 领导与部门考核卡: the bureau picks a liaison leader or department and a year and reads its
// binding scorecard (the card itself is web/src/lib/Scorecard.tsx, shared with the leader's and
// department's own pages).
import { Form, Segmented, Select, Space, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { api, call } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { ProblemAlert } from '../../lib/problem';
import { Scorecard } from '../../lib/Scorecard';
import { useLoad } from '../../lib/useLoad';

type Kind = 'leader' | 'department';

export default function ScorecardsPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const kind: Kind = params.get('type') === 'department' ? 'department' : 'leader';
  const thisYear = new Date().getFullYear();
  const year = Number(params.get('year')) || thisYear;
  // A county has about as many leaders and departments as offices: one page of 500 holds them.
  const subjects = useLoad(
    () =>
      kind === 'leader'
        ? call(api.GET('/leaders', { params: { query: { limit: 500 } } }))
        : call(api.GET('/departments', { params: { query: { limit: 500 } } })),
    [kind],
  );
  const id = params.get('id') ?? subjects.data?.[0]?.id;
  const choose = (changes: Record<string, string>) => setParams((p) => new URLSearchParams({ ...Object.fromEntries(p), ...changes }), { replace: true });
  return (
    <>
      <Typography.Title level={2}>{t('领导与部门考核卡', 'Leader and department scorecards')}</Typography.Title>
      <ProblemAlert error={subjects.error} />
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item>
          <Segmented<Kind>
            aria-label={t('考核对象类别', 'Kind')}
            value={kind}
            options={[
              { value: 'leader', label: t('联系社区局领导', 'Liaison leaders') },
              { value: 'department', label: t('联系部门', 'Liaison departments') },
            ]}
            onChange={(type) => setParams({ type, year: String(year) }, { replace: true })}
          />
        </Form.Item>
        <Form.Item label={kind === 'leader' ? t('局领导', 'Leader') : t('部门', 'Department')} htmlFor="scorecard-subject">
          <Select
            id="scorecard-subject"
            style={{ minWidth: 200 }}
            showSearch={{ optionFilterProp: 'label' }}
            loading={subjects.loading}
            value={id}
            options={(subjects.data ?? []).map((s) => ({ value: s.id, label: `${s.name}（${s.id}）` }))}
            onChange={(next: string) => choose({ id: next })}
          />
        </Form.Item>
        <Form.Item label={t('年度', 'Year')} htmlFor="scorecard-year">
          <Select
            id="scorecard-year"
            style={{ width: 120 }}
            value={year}
            options={[0, 1, 2, 3, 4].map((back) => ({ value: thisYear - back, label: t(`${thisYear - back}年`, String(thisYear - back)) }))}
            onChange={(next: number) => choose({ year: String(next) })}
          />
        </Form.Item>
      </Form>
      <Space direction="vertical" style={{ width: '100%' }}>
        {id && <Scorecard type={kind} id={id} year={year} />}
      </Space>
    </>
  );
}
