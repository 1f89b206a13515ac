// The facts a rule may test, per stage, with their type and meaning: what the editor's author
// types as `"fact": "…"`.
import { Collapse, List, Tag, Typography } from 'antd';
import { api, call } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { ProblemAlert } from '../../lib/problem';
import { useLoad } from '../../lib/useLoad';

interface FactSpec {
  type: string;
  description: string;
  zh: string;
  en: string;
  nullable?: boolean;
}

const stages: Record<string, { zh: string; en: string }> = {
  monthly: { zh: '月度考核', en: 'Monthly' },
  quarterly: { zh: '季度考核', en: 'Quarterly' },
  halfYear: { zh: '半年考核', en: 'Half-year' },
  yearEnd: { zh: '年终考核', en: 'Year end' },
};

export function FactCatalogue() {
  const { lang, t } = useI18n();
  const facts = useLoad(() => call(api.GET('/rulesets/facts')) as Promise<Record<string, Record<string, FactSpec>>>, []);
  return (
    <>
      <ProblemAlert error={facts.error} />
      <Collapse
        size="small"
        defaultActiveKey={['quarterly']}
        items={Object.entries(facts.data ?? {}).map(([stage, catalogue]) => ({
          key: stage,
          label: stages[stage] ? t(stages[stage].zh, stages[stage].en) : stage,
          children: (
            <List
              size="small"
              dataSource={Object.entries(catalogue)}
              renderItem={([name, spec]) => (
                <List.Item key={name}>
                  <div>
                    <Typography.Text code copyable>
                      {name}
                    </Typography.Text>{' '}
                    <Tag>
                      {spec.type}
                      {spec.nullable ? '?' : ''}
                    </Tag>
                    <div>{lang === 'zh' ? spec.zh : spec.en}</div>
                    <Typography.Text type="secondary">{spec.description}</Typography.Text>
                  </div>
                </List.Item>
              )}
            />
          ),
        }))}
      />
    </>
  );
}
