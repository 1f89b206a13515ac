// 户卡: the community's household cards by building and door (按楼栋门牌), each with the persons
// living on it, their class and the ID number masked; filtered by building or a name, paged by
// the server. Each person's record (their residence history) opens in a drawer; the keepers also
// change a person's residence in one (moved, reclassified, left, died, corrected).
import { Button, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { register, type HouseholdCard, type RegisterPerson } from '../../api/register';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { formatDate } from '../../lib/format';
import { PageControls } from '../../lib/PageControls';
import { ProblemAlert } from '../../lib/problem';
import { useLoad } from '../../lib/useLoad';
import { usePages } from '../../lib/usePages';
import { classLabel } from './labels';
import { MaskedId } from './MaskedId';
import { PersonRecordDrawer } from './PersonRecordDrawer';
import { ResidenceChangeDrawer } from './ResidenceChangeDrawer';

export function CardsTab({ communityId, keeps }: { communityId: string; keeps: boolean }) {
  const { lang, t } = useI18n();
  const session = useSession();
  const [building, setBuilding] = useState<string>();
  const [q, setQ] = useState<string>();
  const buildings = useLoad(() => register.buildings(communityId), [communityId]);
  const paged = usePages((cursor) => register.cards(communityId, { building, q, cursor }), [communityId, building, q]);
  const [recordOf, setRecordOf] = useState<RegisterPerson>();
  const [changing, setChanging] = useState<RegisterPerson>();
  return (
    <>
      <ProblemAlert error={paged.error ?? buildings.error} />
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label={t('楼栋', 'Building')}
          placeholder={t('全部楼栋', 'Every building')}
          allowClear
          style={{ minWidth: 160 }}
          value={building}
          onChange={setBuilding}
          options={(buildings.data?.items ?? []).map((b) => ({ value: b.number, label: t(`${b.number} 号楼`, `Building ${b.number}`) }))}
        />
        <Input.Search
          aria-label={t('按姓名或户号查找', 'Find by name or card number')}
          placeholder={t('姓名或户号', 'Name or card number')}
          allowClear
          onSearch={(v) => setQ(v || undefined)}
        />
      </Space>
      <Table<HouseholdCard>
        aria-label={t('户卡', 'Household cards')}
        rowKey="id"
        size="small"
        loading={paged.loading}
        dataSource={paged.items}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: t('还没有户卡', 'No household cards yet') }}
        columns={[
          { title: t('楼栋号', 'Building'), dataIndex: 'building' },
          { title: t('门牌号', 'Door'), dataIndex: 'door' },
          { title: t('户号', 'Card'), dataIndex: 'number' },
          {
            title: t('人员', 'Persons'),
            key: 'persons',
            render: (_, card) => (
              <Space direction="vertical" size={2}>
                {card.persons.map((p) => (
                  <Space key={p.id} size={6} wrap>
                    <strong>{p.name}</strong>
                    {p.residence && <Tag>{classLabel(p.residence.class, t)}</Tag>}
                    <MaskedId personId={p.id} masked={p.idNumber} name={p.name} />
                    {p.phone}
                    {p.residence &&
                      t(`自 ${formatDate(p.residence.fromDate, session.timeZone, lang)}`, `since ${formatDate(p.residence.fromDate, session.timeZone, lang)}`)}
                    <Button size="small" type="link" onClick={() => setRecordOf(p)} aria-label={t(`档案 · ${p.name}`, `Record · ${p.name}`)}>
                      {t('档案', 'Record')}
                    </Button>
                    {keeps && (
                      <Button size="small" onClick={() => setChanging(p)} aria-label={t(`变更居住 · ${p.name}`, `Change residence · ${p.name}`)}>
                        {t('变更居住', 'Change residence')}
                      </Button>
                    )}
                  </Space>
                ))}
              </Space>
            ),
          },
        ]}
      />
      <PageControls paged={paged} />
      <PersonRecordDrawer person={recordOf} onClose={() => setRecordOf(undefined)} />
      <ResidenceChangeDrawer communityId={communityId} person={changing} onClose={() => setChanging(undefined)} onChanged={paged.reload} />
    </>
  );
}
