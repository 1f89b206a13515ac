// A cycle's progress as steps: opened, collecting figures (or waiting for the year's quarters),
// deciding, notices and payments set going, done. The workflow's own step says where it is.
import { Steps } from 'antd';
import { useT } from '../../app/i18n';

export interface CycleState {
  kind: string;
  status: 'running' | 'decided' | 'failed';
  step?: string;
}

const order = ['opening', 'collecting', 'deciding', 'starting-follow-ups', 'done'];

function position(step: string | undefined): number {
  if (step === 'requesting-figures' || step === 'waiting-for-figures' || step === 'waiting-for-quarters') return 1;
  const at = order.indexOf(step ?? 'opening');
  return at < 0 ? 0 : at;
}

export function CycleSteps({ cycle, decided }: { cycle: CycleState; decided: boolean }) {
  const t = useT();
  const yearEnd = cycle.kind === 'year-end';
  const current = decided ? 4 : position(cycle.step);
  return (
    <Steps
      size="small"
      current={current}
      status={decided ? 'finish' : cycle.status === 'failed' ? 'error' : 'process'}
      titlePlacement="vertical"
      items={[
        { title: t('开启', 'Opened') },
        { title: yearEnd ? t('等待各季度', 'Quarters') : t('收集数据', 'Figures') },
        { title: t('评定', 'Deciding') },
        { title: t('通报与兑现', 'Notices') },
        { title: t('完成', 'Done') },
      ]}
    />
  );
}
