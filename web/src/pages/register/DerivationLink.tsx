// 推算依据 under a derived figure of a breakdown: a drawer naming who cost the points, for a
// caller who reaches the community's register (useRegisterReach decides; others see no link).
import { Button, Drawer } from 'antd';
import { useState } from 'react';
import type { DerivedMetric } from '../../api/register';
import { useI18n } from '../../app/i18n';
import { metricLabel } from '../../lib/metrics';
import { periodLabel } from '../../lib/periods';
import { DerivationView } from './DerivationView';

export interface DerivationBasis {
  communityId: string;
  period: string;
}

export function DerivationLink({ basis, metric }: { basis: DerivationBasis; metric: DerivedMetric }) {
  const { lang, t } = useI18n();
  const [open, setOpen] = useState(false);
  const title = t(
    `推算依据 · ${metricLabel(metric, t)} · ${periodLabel(basis.period, lang)}`,
    `How it was derived · ${metricLabel(metric, t)} · ${periodLabel(basis.period, lang)}`,
  );
  return (
    <>
      <Button
        type="link"
        size="small"
        style={{ paddingInline: 4 }}
        onClick={() => setOpen(true)}
        aria-label={t(`推算依据 · ${metricLabel(metric, t)}`, `How it was derived · ${metricLabel(metric, t)}`)}
      >
        {t('推算依据', 'How it was derived')}
      </Button>
      <Drawer title={title} open={open} onClose={() => setOpen(false)} destroyOnHidden size={560}>
        <DerivationView communityId={basis.communityId} period={basis.period} metric={metric} />
      </Drawer>
    </>
  );
}
