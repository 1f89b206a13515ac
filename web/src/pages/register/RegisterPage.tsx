// 人口登记: the register of one community, chosen among those the caller reaches (the officer's
// own, a station's, every one for the population brigade; the backlog route answers exactly that
// list), in five tabs, the last naming who cost the community its derived rates (推算依据).
// Officers and stations keep it; the population brigade reads it, without the forms.
import { Empty, Select, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { register } from '../../api/register';
import { useT } from '../../app/i18n';
import { useSession } from '../../app/session';
import { ProblemAlert } from '../../lib/problem';
import { useLoad } from '../../lib/useLoad';
import { CardsTab } from './CardsTab';
import { DerivationTab } from './DerivationTab';
import { ImportTab } from './ImportTab';
import { KeyPersonsTab } from './KeyPersonsTab';
import { RentedHomesTab } from './RentedHomesTab';

export default function RegisterPage() {
  const t = useT();
  const session = useSession();
  const keeps = session.role === 'officer' || session.role === 'station';
  const communities = useLoad(() => register.backlog(), []);
  const [chosen, setChosen] = useState<string>();
  const items = communities.data?.items ?? [];
  const communityId = chosen ?? items[0]?.communityId;
  return (
    <>
      <Typography.Title level={2}>{t('人口登记', 'Population register')}</Typography.Title>
      <ProblemAlert error={communities.error} />
      <Space style={{ marginBottom: 16 }} wrap>
        <label htmlFor="register-community">{t('社区', 'Community')}</label>
        <Select
          id="register-community"
          style={{ minWidth: 220 }}
          loading={communities.loading}
          value={communityId}
          onChange={setChosen}
          options={items.map((c) => ({ value: c.communityId, label: c.communityName }))}
        />
        {!keeps && (
          <Typography.Text type="secondary">{t('只读:登记由社区民警和派出所维护。', 'Read only: officers and stations keep the register.')}</Typography.Text>
        )}
      </Space>
      {communityId === undefined ? (
        !communities.loading && <Empty description={t('您没有可查看的社区登记', 'No community register within your reach')} />
      ) : (
        <Tabs
          destroyOnHidden
          items={[
            { key: 'cards', label: t('户卡', 'Household cards'), children: <CardsTab communityId={communityId} keeps={keeps} /> },
            { key: 'key-persons', label: t('重点人口', 'Key persons'), children: <KeyPersonsTab communityId={communityId} keeps={keeps} /> },
            { key: 'rented-homes', label: t('出租房屋', 'Rented homes'), children: <RentedHomesTab communityId={communityId} keeps={keeps} /> },
            { key: 'import', label: t('导入导出', 'Import and export'), children: <ImportTab communityId={communityId} keeps={keeps} /> },
            { key: 'derivation', label: t('推算依据', 'How the rates are derived'), children: <DerivationTab communityId={communityId} /> },
          ]}
        />
      )}
    </>
  );
}
