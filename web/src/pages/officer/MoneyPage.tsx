// 我的补贴: every subsidy and reward decided for the officer, newest due date last as the API
// lists them, each with what was paid and the officer's receipt or dispute.
import { Card, Empty, Typography } from 'antd';
import { api, page } from '../../api/client';
import { useT } from '../../app/i18n';
import { PageControls } from '../../lib/PageControls';
import { ProblemAlert } from '../../lib/problem';
import { usePages } from '../../lib/usePages';
import { ObligationCard } from './ObligationCard';

export default function MoneyPage() {
  const t = useT();
  const paged = usePages((cursor) => page(api.GET('/obligations', { params: { query: { cursor, limit: 10 } } })), []);
  return (
    <>
      <Typography.Title level={2}>{t('我的补贴', 'My money')}</Typography.Title>
      <Typography.Paragraph type="secondary">
        {t(
          '考核决定发给您的补贴和奖励。财务付款后,请核对实际到账金额并确认收款;未收到或金额不符的,请提出异议。',
          'The subsidies and rewards decided for you. Once finance has paid, check what reached you and confirm receipt; dispute if nothing or a different amount arrived.',
        )}
      </Typography.Paragraph>
      <ProblemAlert error={paged.error} />
      {paged.items.map((o) => (
        <ObligationCard key={o.id} id={o.id} />
      ))}
      {!paged.loading && !paged.error && paged.items.length === 0 && <Empty description={t('还没有决定发给您的款项', 'No money decided for you yet')} />}
      {paged.loading && paged.items.length === 0 && <Card loading />}
      <PageControls paged={paged} />
    </>
  );
}
