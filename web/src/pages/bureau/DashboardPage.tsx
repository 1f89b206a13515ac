// 工作台: the latest cycle of each cadence — its step, what it waits for and from whom, its
// deadline — and, for bureau staff, starting a cycle by hand and following it until decided.
import { Card, Col, Row, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../app/i18n';
import { useSession } from '../../app/session';
import { cycleKinds, type CycleKind } from '../../lib/periods';
import { CycleCard } from './CycleCard';
import { StartCycleForm } from './StartCycleForm';

export default function DashboardPage() {
  const t = useT();
  const session = useSession();
  // A cycle started here is followed on its kind's card.
  const [started, setStarted] = useState<Partial<Record<CycleKind, string>>>({});
  const onStarted = (kind: CycleKind, cycleId: string) => setStarted((s) => ({ ...s, [kind]: cycleId }));
  return (
    <>
      <Typography.Title level={2}>{t('工作台', 'Dashboard')}</Typography.Title>
      {session.can('startCycle') && (
        <Card title={<h3 style={{ margin: 0, fontSize: 16 }}>{t('手动启动考核周期', 'Start a cycle by hand')}</h3>} style={{ marginBottom: 16 }}>
          <StartCycleForm onStarted={onStarted} />
        </Card>
      )}
      <Row gutter={[16, 16]}>
        {cycleKinds.map((kind) => (
          <Col key={kind} xs={24} xl={12}>
            <CycleCard kind={kind} started={started[kind]} />
          </Col>
        ))}
      </Row>
    </>
  );
}
