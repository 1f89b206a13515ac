// What a running cycle still waits for, by the department that owes it: which rates, for which
// communities; or, for a year-end cycle, which quarters are not decided yet.
import { List, Typography } from 'antd';
import { useI18n } from '../../app/i18n';
import { metricLabel } from '../../lib/metrics';
import { periodLabel } from '../../lib/periods';
import { useDepartmentNames } from '../../lib/useDepartmentNames';

interface Missing {
  community: string;
  metric: string;
  source: string;
}

/** The missing figures grouped by department: its metrics and communities. */
export function byDepartment(missing: readonly Missing[]) {
  const groups = new Map<string, { metrics: Set<string>; communities: Set<string>; count: number }>();
  for (const m of missing) {
    const g = groups.get(m.source) ?? { metrics: new Set(), communities: new Set(), count: 0 };
    g.metrics.add(m.metric);
    g.communities.add(m.community);
    g.count += 1;
    groups.set(m.source, g);
  }
  return [...groups].map(([department, g]) => ({ department, metrics: [...g.metrics], communities: [...g.communities].sort(), count: g.count }));
}

export function WaitingFor({ missing, quarters }: { missing?: readonly Missing[]; quarters?: readonly string[] }) {
  const { lang, t } = useI18n();
  const nameOf = useDepartmentNames();
  if (quarters?.length)
    return (
      <Typography.Paragraph>
        {t('等待以下季度裁决:', 'Waiting for these quarters to be decided: ')}
        {quarters.map((q) => periodLabel(q, lang)).join(t('、', ', '))}
      </Typography.Paragraph>
    );
  if (!missing?.length) return null;
  return (
    <List
      size="small"
      header={
        <Typography.Text strong>{t(`等待以下部门报送数据(共缺 ${missing.length} 项)`, `Waiting for figures from (${missing.length} missing)`)}</Typography.Text>
      }
      dataSource={byDepartment(missing)}
      renderItem={(g) => (
        <List.Item key={g.department}>
          <List.Item.Meta
            title={nameOf(g.department)}
            description={t(
              `缺 ${g.count} 项:${g.metrics.map((m) => metricLabel(m, t)).join('、')};社区 ${g.communities.join('、')}`,
              `${g.count} missing: ${g.metrics.map((m) => metricLabel(m, t)).join(', ')}; communities ${g.communities.join(', ')}`,
            )}
          />
        </List.Item>
      )}
    />
  );
}
